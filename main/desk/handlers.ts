import type { CallContext } from '../api/dispatcher';
import type { KioskApiHandlers } from '../api/contract';
import type { deskMethods } from '../api/contract/desk';
import { ApiError } from '../api/errors';

export type DeskHandlers = Pick<KioskApiHandlers<CallContext>, keyof typeof deskMethods>;

const notYet = async (): Promise<never> => {
  throw new ApiError('UNAVAILABLE', 'desk method not implemented yet', { reason: 'NOT_IMPLEMENTED' });
};

/** Placeholders while the desk's services are built: every method answers UNAVAILABLE `NOT_IMPLEMENTED`. */
export function notImplementedDeskHandlers(): DeskHandlers {
  return {
    'desk.currentShift': notYet,
    'desk.openShift': notYet,
    'desk.previewClose': notYet,
    'desk.closeShift': notYet,
    'desk.closeShiftAuthorized': notYet,
    'desk.shiftReport': notYet,
    'desk.reprintShiftClose': notYet,
    'desk.lookup': notYet,
    'desk.quote': notYet,
    'desk.payCash': notYet,
    'desk.payCard': notYet,
    'desk.pseBanks': notYet,
    'desk.pseStart': notYet,
    'desk.pseResult': notYet,
    'desk.shiftPayments': notYet,
    'desk.receipt': notYet,
    'desk.reprint': notYet,
    'desk.void': notYet,
    'desk.conflicts': notYet,
    'desk.resolveConflict': notYet,
  };
}
