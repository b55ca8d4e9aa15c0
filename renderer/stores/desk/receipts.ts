import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { useJobFollower } from '../../composables/useJobFollower';
import { newRequestId } from '../../payments/request-id';
import { deskErrorText } from './errors';
import { deskTexts } from './texts';

type Receipt = ApiOutput<'desk.receipt'>;
type PaymentItem = ApiOutput<'desk.shiftPayments'>['items'][number];
type JobState = ApiOutput<'printing.jobStatus'>['state'];

/**
 * The shift's receipts (*Recibos*) and the one on screen: its lines, where its print job is, *Reimprimir* (COPIA)
 * and *Anular* (with the supervisor's authorisation and a reason; an ANULADO slip prints).
 */
export const useReceiptsStore = defineStore('desk-receipts', () => {
  const followJob = useJobFollower();
  const items = ref<PaymentItem[]>([]);
  const receipt = ref<Receipt | null>(null);
  const item = ref<PaymentItem | null>(null);
  const printState = ref<JobState | null>(null);
  const printCopy = ref(false);
  const notice = ref<string | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);
  const voidReason = ref('');
  const voidError = ref<string | null>(null);
  let voidRequest = newRequestId();

  async function list(): Promise<void> {
    try {
      items.value = (await api.call('desk.shiftPayments', { limit: 200 })).items;
      error.value = null;
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  async function open(paymentId: string): Promise<void> {
    notice.value = null;
    voidReason.value = '';
    voidError.value = null;
    voidRequest = newRequestId();
    try {
      receipt.value = await api.call('desk.receipt', { paymentId });
      await list();
      item.value = items.value.find((i) => i.paymentId === paymentId) ?? null;
      error.value = null;
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  /** Follows a print job for the screen's line; never holds anything up. */
  function follow(jobId: string | null, copy: boolean): void {
    printCopy.value = copy;
    printState.value = jobId ? 'queued' : null;
    if (jobId) void followJob(jobId, (job) => (printState.value = job.state), { maxMs: 30_000 });
  }

  async function reprint(): Promise<void> {
    const paymentId = receipt.value?.paymentId;
    if (!paymentId) return;
    busy.value = true;
    try {
      const job = await api.call('desk.reprint', { paymentId });
      follow(job.jobId, job.copy);
      notice.value = deskTexts.receipt.reprinted;
      error.value = null;
    } catch (err) {
      error.value = deskErrorText(err);
    } finally {
      busy.value = false;
    }
  }

  function checkVoidReason(): boolean {
    const length = voidReason.value.trim().length;
    voidError.value = length < 5 || length > 200 ? deskTexts.void.reasonInvalid : null;
    return voidError.value === null;
  }

  /** The void itself; the caller obtained the supervisor's authorisation first. */
  async function voidPayment(): Promise<boolean> {
    const paymentId = receipt.value?.paymentId;
    if (!paymentId || !checkVoidReason()) return false;
    busy.value = true;
    try {
      const done = await api.call('desk.void', { requestId: voidRequest, paymentId, reason: voidReason.value.trim() });
      follow(done.jobId, false);
      await open(paymentId);
      notice.value = done.printProblem ? `${deskTexts.void.doneNoPaper} (${done.printProblem})` : deskTexts.void.done;
      return true;
    } catch (err) {
      voidError.value = deskErrorText(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    items,
    receipt,
    item,
    printState,
    printCopy,
    notice,
    error,
    busy,
    voidReason,
    voidError,
    list,
    open,
    follow,
    reprint,
    checkVoidReason,
    voidPayment,
  };
});
