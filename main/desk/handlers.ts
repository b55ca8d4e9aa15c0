import type { CallContext } from '../api/dispatcher';
import type { KioskApiHandlers } from '../api/contract';
import type { deskMethods } from '../api/contract/desk';
import type { DeskOperator } from './deps';
import type { DeskService } from './desk';

export type DeskHandlers = Pick<KioskApiHandlers<CallContext>, keyof typeof deskMethods>;

export interface DeskCallers {
  /** The signed-in operator (the dispatcher has already checked there is one, unlocked). */
  operator: (ctx: CallContext) => DeskOperator;
  /**
   * Who authorises a supervisor method: the signed-in supervisor, or the supervisor whose one-call
   * authorisation the cashier holds (the dispatcher has checked the access; this only names them).
   */
  /** Who authorised the supervisor method running now (the signed-in supervisor, or the one whose authorisation it used). */
  supervisor: (method: 'desk.closeShiftAuthorized' | 'desk.void' | 'desk.resolveConflict') => DeskOperator;
}

/** The desk's KioskApi methods: thin, each one call into the desk service. Access is the dispatcher's job. */
export function createDeskHandlers(desk: DeskService, callers: DeskCallers): DeskHandlers {
  return {
    'desk.currentShift': async () => ({ shift: desk.shifts.current() }),
    'desk.openShift': async (input, ctx) => desk.shifts.open(callers.operator(ctx), input),
    'desk.previewClose': async (input) => desk.shifts.preview(input.countedCash, input.denominations),
    'desk.closeShift': async (input, ctx) => desk.shifts.close(callers.operator(ctx), input, null),
    'desk.closeShiftAuthorized': async (input, ctx) =>
      desk.shifts.close(callers.operator(ctx), input, callers.supervisor('desk.closeShiftAuthorized')),
    'desk.shiftReport': async (input) => desk.shifts.report(input.shiftId),
    'desk.reprintShiftClose': async (input) => desk.shifts.reprintClose(input.shiftId),
    'desk.lookup': async (input) => desk.lookup(input),
    'desk.quote': async (input) => desk.quote(input.obligationId),
    'desk.payCash': async (input, ctx) => desk.pay.payCash(callers.operator(ctx), input),
    'desk.payCard': async (input, ctx) => desk.pay.payCard(callers.operator(ctx), input),
    'desk.pseBanks': async () => {
      desk.requirePseOnline();
      return desk.pse.banks();
    },
    'desk.pseStart': async (input, ctx) => desk.pseStart(callers.operator(ctx), input),
    'desk.pseResult': async (input) => desk.pseResult(input.paymentId),
    'desk.shiftPayments': async (input) => desk.shiftPayments(input.shiftId, input.limit),
    'desk.receipt': async (input) => desk.receipt(input.paymentId),
    'desk.reprint': async (input) => desk.reprint(input.paymentId),
    'desk.void': async (input) => desk.voids.void(callers.supervisor('desk.void'), input),
    'desk.conflicts': async (input) => desk.conflicts.list(input.includeResolved),
    'desk.resolveConflict': async (input) =>
      desk.conflicts.resolve(callers.supervisor('desk.resolveConflict'), input.conflictId, input.note),
  };
}
