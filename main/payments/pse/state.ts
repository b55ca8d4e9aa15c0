/**
 * The life of one PSE payment attempt, as a pure state machine. The service writes every transition to SQLite
 * before the external call it leads to; this module only decides which transitions exist.
 *
 * ```
 * created ──registered──▶ registered ──redirected──▶ redirected ──┐
 *    │                        │                                   │   gateway answers (2 / 6 / 7 and ACH's
 *    └─registerRefused─▶ failed                                   ▼   OK / NOT_AUTHORIZED / FAILED / PENDING)
 *                          registered | redirected | pending ──▶ pending | approved | rejected | failed
 *                          registered | redirected | pending ──windowElapsed──▶ expired
 *                          expired ──(a late answer)──▶ pending-stays-expired | approved | rejected | failed
 * ```
 *
 * `expired` means "we stopped polling without a final answer", not "the money did not move": a late answer
 * (at start, by callback, when the payer asks) may still take it to approved, so no approved amount is lost.
 * approved, rejected and failed are final: every event on them is illegal.
 *
 * Why here and not in `main/domain/`: these are Credibanco's and ACH's states, which only PSE has; the payment
 * record shared by every method (`main/domain/payment-record.ts`) holds the state, and a desk payment (cash,
 * card) never passes through this machine. `voided` (a desk void) is final and no PSE event leaves or reaches it.
 *
 * | event           | from                                      | to                                   |
 * |-----------------|-------------------------------------------|--------------------------------------|
 * | registered      | created                                   | registered                           |
 * | registerRefused | created                                   | failed                               |
 * | redirected      | registered                                | redirected                           |
 * | gatewayPending  | registered, redirected, pending, expired  | pending (expired stays expired)      |
 * | gatewayApproved | registered, redirected, pending, expired  | approved                             |
 * | gatewayRejected | registered, redirected, pending, expired  | rejected                             |
 * | gatewayFailed   | registered, redirected, pending, expired  | failed                               |
 * | windowElapsed   | registered, redirected, pending           | expired                              |
 */
import type { PaymentState } from '../../domain/payment-record';

export { paymentStates, type PaymentState } from '../../domain/payment-record';

export const finalStates: ReadonlySet<PaymentState> = new Set(['approved', 'rejected', 'failed', 'voided']);

export type PaymentEvent =
  /** register.do answered with an orderId (formUrl is absent when the order was found by asking afterwards). */
  | { type: 'registered'; orderId: string; formUrl: string | null }
  /** register.do refused the order, or asking by orderNumber showed it never reached the gateway. */
  | { type: 'registerRefused'; reason: string }
  /** The payer's browser is being sent to formUrl. */
  | { type: 'redirected' }
  | { type: 'gatewayPending'; cus: string | null }
  | { type: 'gatewayApproved'; cus: string | null }
  | { type: 'gatewayRejected'; cus: string | null }
  | { type: 'gatewayFailed'; cus: string | null }
  /** The polling window ended without a final answer. */
  | { type: 'windowElapsed' };
export type PaymentEventType = PaymentEvent['type'];

export class IllegalTransitionError extends Error {
  override name = 'IllegalTransitionError';
  constructor(
    readonly from: PaymentState,
    readonly event: PaymentEventType,
  ) {
    super(`payment event ${event} is not allowed in state ${from}`);
  }
}

const answered: PaymentState[] = ['registered', 'redirected', 'pending', 'expired'];

/** For each event, the states it may leave from and where it goes (a function when it depends on the state). */
const table: Record<PaymentEventType, { from: readonly PaymentState[]; to: (from: PaymentState) => PaymentState }> = {
  registered: { from: ['created'], to: () => 'registered' },
  registerRefused: { from: ['created'], to: () => 'failed' },
  redirected: { from: ['registered'], to: () => 'redirected' },
  // Still pending after the window: the payment stays expired (it is re-asked at start and on callbacks).
  gatewayPending: { from: answered, to: (from) => (from === 'expired' ? 'expired' : 'pending') },
  gatewayApproved: { from: answered, to: () => 'approved' },
  gatewayRejected: { from: answered, to: () => 'rejected' },
  gatewayFailed: { from: answered, to: () => 'failed' },
  windowElapsed: { from: ['registered', 'redirected', 'pending'], to: () => 'expired' },
};

export function canApply(from: PaymentState, event: PaymentEventType): boolean {
  return table[event].from.includes(from);
}

/** The next state, or IllegalTransitionError. A result equal to `from` means "nothing changes". */
export function nextState(from: PaymentState, event: PaymentEvent): PaymentState {
  const rule = table[event.type];
  if (!rule.from.includes(from)) throw new IllegalTransitionError(from, event.type);
  return rule.to(from);
}

export function isFinal(state: PaymentState): boolean {
  return finalStates.has(state);
}

/** A payment the payer may be at the bank for, or that ACH may still be deciding. */
export function mayBeInProgressAtAch(state: PaymentState): boolean {
  return state === 'redirected' || state === 'pending' || state === 'expired';
}

/** The event that the gateway's answer stands for, from Credibanco's order state and ACH's transaction state. */
export type GatewayVerdict = 'unpaid' | 'pending' | 'approved' | 'rejected' | 'failed' | 'unknown';

export function verdictEvent(verdict: GatewayVerdict, cus: string | null): PaymentEvent | null {
  switch (verdict) {
    case 'pending':
      return { type: 'gatewayPending', cus };
    case 'approved':
      return { type: 'gatewayApproved', cus };
    case 'rejected':
      return { type: 'gatewayRejected', cus };
    case 'failed':
      return { type: 'gatewayFailed', cus };
    default:
      return null;
  }
}

/**
 * Credibanco's PSE order states (2 approved, 6 rejected or failed, 7 pending; 0 registered and not paid) read
 * together with ACH's transaction state, which alone tells a rejection from a failure.
 * `achStatus` undefined means pse/status could not be asked: a 6 then stays unknown until it can.
 */
export function verdictOf(orderStatus: number, achStatus: string | undefined | null): GatewayVerdict {
  if (orderStatus === 2) return 'approved';
  if (orderStatus === 7) return 'pending';
  if (orderStatus === 0) {
    if (achStatus === 'PENDING') return 'pending';
    return achStatus === 'OK' ? 'unknown' : 'unpaid';
  }
  if (orderStatus === 6) {
    if (achStatus === 'NOT_AUTHORIZED') return 'rejected';
    if (achStatus === 'FAILED') return 'failed';
    return 'unknown';
  }
  return 'unknown';
}
