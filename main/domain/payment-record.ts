/**
 * The words every payment record shares, whatever the method. One table (`payments`) holds PSE, cash and card
 * payments; each method keeps its own rules beside its service (PSE's state machine: `main/payments/pse/state.ts`).
 *
 * ```
 * pse:        created → registered → redirected → pending → approved | rejected | failed | expired
 * cash, card: approved (born approved: the money is in the drawer or the datáfono printed its slip)
 *             approved ──void (supervisor, open shift)──▶ voided
 * ```
 *
 * `voided` exists only for desk payments: a PSE debit cannot be voided at the desk (Credibanco: PSE payments
 * cannot be voided), so no PSE event leads there.
 */
export const paymentMethods = ['pse', 'cash', 'card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * How a method is named to people, once for screens and paper: in full on a receipt's or a voucher's *Medio de
 * pago* line, short where the space is a button or a total's line (the desk's methods, a shift close's totals).
 */
export const paymentMethodNames: Record<PaymentMethod, { full: string; short: string }> = {
  pse: { full: 'PSE', short: 'PSE' },
  cash: { full: 'Efectivo', short: 'Efectivo' },
  card: { full: 'Tarjeta (datáfono)', short: 'Datáfono' },
};

export const paymentStates = [
  'created',
  'registered',
  'redirected',
  'pending',
  'approved',
  'rejected',
  'failed',
  'expired',
  'voided',
] as const;
export type PaymentState = (typeof paymentStates)[number];

/** Methods taken at the cashier desk, which get a receipt number and belong to a shift. */
export type DeskMethod = Exclude<PaymentMethod, 'pse'>;
export function isDeskMethod(method: PaymentMethod): method is DeskMethod {
  return method !== 'pse';
}
