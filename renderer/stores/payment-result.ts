import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { useSleep } from '../composables/useSleep';
import { paymentErrorText } from '../payments/texts';

type Result = ApiOutput<'payments.result'>;
type Voucher = ApiOutput<'payments.voucher'>;

/**
 * How the result screen keeps asking by itself while the bank has not answered: often for the first seconds
 * (the usual return from the bank), then now and then for as long as the gateway keeps the order open
 * (20 minutes from its start, and a minute more), so a final answer shows on the screen when it arrives.
 */
const FOLLOW_EVERY_MS = 2000;
const FOLLOW_FOR_MS = 20_000;
const THEN_EVERY_MS = 15_000;
const BANK_WINDOW_MS = 21 * 60_000;

/**
 * The payer is back from the bank (`/#/pago/resultado/<reference>`): what happened to the payment, and its
 * voucher once approved. While the outcome is not known yet the screen asks again for a while by itself.
 */
export const usePaymentResultStore = defineStore('paymentResult', () => {
  const sleep = useSleep();
  const reference = ref<string | null>(null);
  const result = ref<Result | null>(null);
  const voucher = ref<Voucher | null>(null);
  const error = ref<string | null>(null);
  const voucherError = ref<string | null>(null);
  const loading = ref(false);
  /** Still in progress after the screen stopped asking by itself. */
  const slow = ref(false);

  async function check(wanted: string): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.call('payments.result', { reference: wanted });
      if (reference.value !== wanted) return;
      result.value = answer;
      error.value = null;
      if (answer.outcome === 'approved' && answer.voucherAvailable && voucher.value?.paymentId !== answer.paymentId) {
        try {
          voucher.value = await api.call('payments.voucher', { paymentId: answer.paymentId });
          voucherError.value = null;
        } catch (err) {
          voucherError.value = paymentErrorText(err);
        }
      }
    } catch (err) {
      if (reference.value === wanted) error.value = paymentErrorText(err);
    } finally {
      loading.value = false;
    }
  }

  /** Shows the result of a reference, asking again every few seconds while the bank has not answered. */
  async function follow(wanted: string, signal?: AbortSignal): Promise<void> {
    if (reference.value !== wanted) {
      reference.value = wanted;
      result.value = null;
      voucher.value = null;
      voucherError.value = null;
      error.value = null;
    }
    slow.value = false;
    const fastUntil = Date.now() + FOLLOW_FOR_MS;
    await check(wanted);
    const started = Date.parse(result.value?.createdAt ?? '');
    const windowEnds = (Number.isNaN(started) ? Date.now() : started) + BANK_WINDOW_MS;
    while (!signal?.aborted && result.value?.outcome === 'inProgress' && Date.now() < windowEnds) {
      const fast = Date.now() < fastUntil;
      slow.value = !fast;
      if (!(await sleep(fast ? FOLLOW_EVERY_MS : THEN_EVERY_MS, signal))) break;
      await check(wanted);
    }
    slow.value = result.value?.outcome === 'inProgress';
  }

  function forget(): void {
    reference.value = null;
    result.value = null;
    voucher.value = null;
    error.value = null;
    voucherError.value = null;
    slow.value = false;
  }

  return { reference, result, voucher, error, voucherError, loading, slow, check, follow, forget };
});
