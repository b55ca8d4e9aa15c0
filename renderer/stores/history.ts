import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { paymentErrorText } from '../payments/texts';

type Item = ApiOutput<'payments.history'>['items'][number];
type Voucher = ApiOutput<'payments.voucher'>;

/** *Historial*: the signed-in person's recent transactions, and one voucher opened from the list. */
export const useHistoryStore = defineStore('history', () => {
  const items = ref<Item[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const voucher = ref<Voucher | null>(null);
  const voucherError = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await api.call('payments.history', { limit: 20 })).items;
      error.value = null;
      loaded.value = true;
    } catch (err) {
      error.value = paymentErrorText(err);
    } finally {
      loading.value = false;
    }
  }

  async function openVoucher(paymentId: string): Promise<void> {
    if (voucher.value?.paymentId === paymentId) return;
    voucher.value = null;
    voucherError.value = null;
    try {
      voucher.value = await api.call('payments.voucher', { paymentId });
    } catch (err) {
      voucherError.value = paymentErrorText(err);
    }
  }

  return { items, loaded, loading, error, voucher, voucherError, load, openVoucher };
});
