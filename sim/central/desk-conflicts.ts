import type { PaymentRegistration } from '../../main/central/schemas';
import type { CentralObligation } from '../../main/central/schemas';

/**
 * The central API's rule for desk payments (cash, card): the obligation must still exist and its saldo must
 * still cover the amount. A desk that took the money offline may find it paid or changed meanwhile; the answer
 * carries the central balance so the supervisor sees both sides. PSE registrations are never refused here:
 * the bank has already moved the money.
 */
export function deskConflict(payment: PaymentRegistration, current: CentralObligation | null | undefined) {
  if (payment.method === 'pse') return null;
  if (!current)
    return { error: 'OBLIGATION_CONFLICT', message: 'the obligation was paid or withdrawn', balance: 0, detail: 'paid or withdrawn' };
  if (current.balance < payment.amount) {
    return {
      error: 'OBLIGATION_CONFLICT',
      message: 'the balance no longer allows this payment',
      balance: current.balance,
      detail: 'balance changed',
    };
  }
  return null;
}
