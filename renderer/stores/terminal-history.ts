import { api } from '../api';
import { paymentErrorText, reasonOf } from '../payments/texts';
import { defineHistoryStore } from './history-list';

export const terminalHistoryTexts = {
  supervisorOnly: 'Solo un supervisor puede ver el historial del terminal.',
  empty: 'No hay transacciones registradas en este terminal todavía.',
  voucherMissing: 'El comprobante de este pago no está disponible en este terminal.',
} as const;

/** The Spanish for a refusal of the terminal's Historial: a cashier's FORBIDDEN says who may see it. */
function terminalErrorText(error: unknown): string {
  const reason = reasonOf(error);
  if (reason === 'SUPERVISOR_REQUIRED') return terminalHistoryTexts.supervisorOnly;
  if (reason === 'VOUCHER_NOT_FOUND' || reason === 'PAYMENT_NOT_FOUND') return terminalHistoryTexts.voucherMissing;
  return paymentErrorText(error);
}

/**
 * *Historial del terminal* at the desk: every recent transaction of this terminal, for a supervisor, and one
 * voucher opened from the list; reset with the operator's session like every store.
 */
export const useTerminalHistoryStore = defineHistoryStore('terminal-history', {
  list: () => api.call('payments.terminalHistory', { limit: 50 }),
  voucher: (paymentId) => api.call('payments.terminalVoucher', { paymentId }),
  errorText: terminalErrorText,
});
