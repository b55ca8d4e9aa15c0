import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';

/** One transaction of a Historial (the person's and the terminal's have the same shape). */
export type HistoryItem = ApiOutput<'payments.history'>['items'][number];
type Item = HistoryItem;
type Voucher = ApiOutput<'payments.voucher'>;

/** Where a Historial comes from: the list, one voucher of it, and the Spanish for a refusal. */
export interface HistorySource {
  list(): Promise<{ items: Item[] }>;
  voucher(paymentId: string): Promise<Voucher>;
  errorText(error: unknown): string;
}

/**
 * A Historial store: recent transactions and one voucher opened from the list. Plain data only, so the
 * session lifecycle's resetAllStores clears it when the person or the operator leaves.
 */
export function defineHistoryStore(id: string, source: HistorySource) {
  return defineStore(id, () => {
    const items = ref<Item[]>([]);
    const loaded = ref(false);
    const loading = ref(false);
    const error = ref<string | null>(null);
    const voucher = ref<Voucher | null>(null);
    const voucherError = ref<string | null>(null);

    async function load(): Promise<void> {
      loading.value = true;
      try {
        items.value = (await source.list()).items;
        error.value = null;
        loaded.value = true;
      } catch (err) {
        items.value = [];
        error.value = source.errorText(err);
      } finally {
        loading.value = false;
      }
    }

    async function openVoucher(paymentId: string): Promise<void> {
      if (voucher.value?.paymentId === paymentId) return;
      voucher.value = null;
      voucherError.value = null;
      try {
        voucher.value = await source.voucher(paymentId);
      } catch (err) {
        voucherError.value = source.errorText(err);
      }
    }

    return { items, loaded, loading, error, voucher, voucherError, load, openVoucher };
  });
}
