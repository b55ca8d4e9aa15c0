import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { paymentErrorText, reasonOf } from '../payments/texts';

type Item = ApiOutput<'payments.terminalHistory'>['items'][number];
type Voucher = ApiOutput<'payments.terminalVoucher'>;

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
 * voucher opened from the list. Plain data only: the session lifecycle resets it (resetAllStores) when the
 * operator signs out or the desk locks, so nothing of it stays for the next operator.
 */
export const useTerminalHistoryStore = defineStore('terminal-history', () => {
  const items = ref<Item[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const voucher = ref<Voucher | null>(null);
  const voucherError = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await api.call('payments.terminalHistory', { limit: 50 })).items;
      error.value = null;
      loaded.value = true;
    } catch (err) {
      items.value = [];
      error.value = terminalErrorText(err);
    } finally {
      loading.value = false;
    }
  }

  async function openVoucher(paymentId: string): Promise<void> {
    if (voucher.value?.paymentId === paymentId) return;
    voucher.value = null;
    voucherError.value = null;
    try {
      voucher.value = await api.call('payments.terminalVoucher', { paymentId });
    } catch (err) {
      voucherError.value = terminalErrorText(err);
    }
  }

  return { items, loaded, loading, error, voucher, voucherError, load, openVoucher };
});
