import type { KioskApiHandlers } from '../api/contract';
import type { CallContext } from '../api/dispatcher';
import type { PrintService } from './service';

type PrintingMethod = 'printing.status' | 'printing.test' | 'printing.reprint' | 'printing.jobStatus';

export interface PrintingHandlerDeps {
  print: PrintService;
  /**
   * Which vouchers and jobs this caller may reach (main/auth/ownership.ts): each throws NOT_FOUND for a row
   * that is not theirs. Who may call the method at all is the dispatcher's access guard.
   */
  ownership: { requireOwnVoucher(voucherId: string): void; requireVisibleJob(jobId: string): void };
}

export function createPrintingHandlers(deps: PrintingHandlerDeps): Pick<KioskApiHandlers<CallContext>, PrintingMethod> {
  const { print } = deps;
  return {
    'printing.status': async () => print.status(),
    'printing.test': async () => print.testPrint(),
    'printing.reprint': async ({ voucherId }) => {
      deps.ownership.requireOwnVoucher(voucherId);
      return print.reprint(voucherId);
    },
    'printing.jobStatus': async ({ jobId }) => {
      deps.ownership.requireVisibleJob(jobId);
      return print.jobStatus(jobId);
    },
  };
}

/** *Reimprimir* from the desk's Historial del terminal: any voucher of this terminal (access `supervisor`). */
export function createSupervisorPrintingHandlers(print: PrintService): Pick<KioskApiHandlers<CallContext>, 'printing.terminalReprint'> {
  return {
    'printing.terminalReprint': async ({ voucherId }) => print.reprint(voucherId),
  };
}
