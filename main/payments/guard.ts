import { ApiError } from '../api/errors';
import type { PaymentRecord, PaymentsRepo } from '../db/payments-repo';
import { achPendingRefusalText } from '../domain/pse-rules';
import { mayBeInProgressAtAch } from './pse/state';
import type { Clock } from '../runtime/clock';
import type { CustomerService } from '../terminal/contacts';
import type { Reconciler } from './pse/reconcile';
import { stillPendingAtAch } from './views';

export interface Refusal {
  reference: string;
  cus: string;
  text: string;
}

/**
 * One payment at a time per obligation (ACH's rule): no new payment while one is PENDING at ACH, or approved
 * here and not yet confirmed by the central API (its outbox item not sent). Attempts the payer may still be
 * at the bank for are asked about first, so a stale local state neither blocks nor lets through wrongly.
 * A payer who left the bank's page without paying (the gateway says "unpaid") does not block a new attempt.
 * Cash and card payments of the desk never block with ACH's text (they are not PSE transactions).
 */
export function createObligationGuard(deps: {
  repo: PaymentsRepo;
  reconciler: Reconciler;
  clock: Clock;
  customerService: () => CustomerService;
}) {
  const { repo, reconciler, clock, customerService } = deps;

  function refusalFor(payment: PaymentRecord): Refusal | null {
    // Only PSE answers to ACH: a cash or card payment whose registration has not left yet is money already in
    // the drawer, never "a transaction pending at the bank" (the desk's conflict list covers what may go wrong).
    if (payment.method !== 'pse') return null;
    const blocking = stillPendingAtAch(payment) || (payment.state === 'approved' && repo.outboxState(payment.idempotencyKey) !== 'sent');
    if (!blocking) return null;
    // A pending transaction at ACH always has its CUS; the reference stands in only if the gateway never gave it.
    const cus = payment.cus ?? payment.reference;
    const text = achPendingRefusalText({ reference: payment.reference, ...customerService(), cus });
    return { reference: payment.reference, cus, text };
  }

  return {
    /** From local state only (for the quote screen): no call to the gateway. */
    currentRefusal(obligationId: string): Refusal | null {
      return (
        repo
          .forObligation(obligationId)
          .map(refusalFor)
          .find((r) => r !== null) ?? null
      );
    },
    /** Before a new payment: asks the gateway about recent open attempts, then refuses with ACH's text. */
    async check(obligationId: string): Promise<void> {
      const horizon = clock.now().getTime() - reconciler.timing.resumeHorizonMs;
      for (const stored of repo.forObligation(obligationId)) {
        const recent = Date.parse(stored.createdAt) >= horizon;
        const payment = recent && mayBeInProgressAtAch(stored.state) ? await reconciler.reconcile(stored) : stored;
        const refusal = refusalFor(payment);
        if (refusal) throw new ApiError('CONFLICT', 'a payment of this obligation is pending', { reason: 'PAYMENT_PENDING', ...refusal });
      }
    },
  };
}
