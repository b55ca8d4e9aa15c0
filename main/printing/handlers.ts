import type { KioskApiHandlers } from '../api/contract';
import type { CallContext } from '../api/dispatcher';
import type { PrintService } from './service';

type PrintingMethod = 'printing.status' | 'printing.test' | 'printing.reprint' | 'printing.jobStatus';

export interface PrintingHandlerDeps {
  print: PrintService;
  /**
   * May this caller reprint this voucher? The sessions code decides (a person only their own vouchers; an
   * operator any voucher of the desk) and throws ApiError('FORBIDDEN') when not. Until sessions exist the
   * dispatcher's access guard is the only check.
   */
  authorizeReprint?: (voucherId: string, ctx: CallContext) => void;
}

export function createPrintingHandlers(deps: PrintingHandlerDeps): Pick<KioskApiHandlers<CallContext>, PrintingMethod> {
  const { print } = deps;
  return {
    'printing.status': async () => print.status(),
    'printing.test': async () => print.testPrint(),
    'printing.reprint': async ({ voucherId }, ctx) => {
      deps.authorizeReprint?.(voucherId, ctx);
      return print.reprint(voucherId);
    },
    'printing.jobStatus': async ({ jobId }) => print.jobStatus(jobId),
  };
}

/**
 * *Reimprimir* from the desk's Historial del terminal: any voucher of this terminal, for a supervisor
 * (`requireSupervisor` throws FORBIDDEN for anyone else; the access guard has already required an operator).
 */
export function createSupervisorPrintingHandlers(
  print: PrintService,
  requireSupervisor: () => void,
): Pick<KioskApiHandlers<CallContext>, 'printing.terminalReprint'> {
  return {
    'printing.terminalReprint': async ({ voucherId }) => {
      requireSupervisor();
      return print.reprint(voucherId);
    },
  };
}
