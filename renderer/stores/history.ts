import { api } from '../api';
import { paymentErrorText } from '../payments/texts';
import { defineHistoryStore } from './history-list';

/** *Historial*: the signed-in person's recent transactions, and one voucher opened from the list. */
export const useHistoryStore = defineHistoryStore('history', {
  list: () => api.call('payments.history', { limit: 20 }),
  voucher: (paymentId) => api.call('payments.voucher', { paymentId }),
  errorText: paymentErrorText,
});
