import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiInput, ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { pesosFromDigits } from '../../format';
import { newRequestId } from '../../payments/request-id';
import { reasonOf } from '../../payments/texts';
import { useJobFollower } from '../../composables/useJobFollower';
import { deskErrorText } from './errors';
import { deskTexts } from './texts';
import { useDeskCall } from './desk-call';

type Denomination = NonNullable<ApiInput<'desk.closeShift'>['denominations']>[number];
type Preview = ApiOutput<'desk.previewClose'>;
type Report = ApiOutput<'desk.closeShift'>;

/** COP bills and coins, largest first: the order a cashier counts the drawer in. */
export const DENOMINATIONS: Denomination['value'][] = [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50];

/**
 * *Cierre de caja*: the counted cash (one figure, or by denomination), the preview (expected vs counted, the
 * difference, payments not yet registered centrally) and the close itself, with the supervisor's authorisation
 * when the difference is not zero or registrations are pending.
 */
export const useCloseStore = defineStore('desk-close', () => {
  const followJob = useJobFollower();
  const byDenomination = ref(false);
  const countedDigits = ref('');
  const counts = ref<Record<string, string>>({});
  const note = ref('');
  const preview = ref<Preview | null>(null);
  const report = ref<Report | null>(null);
  const printState = ref<string | null>(null);
  const { busy, error, attempt } = useDeskCall();
  let requestId = newRequestId();

  const denominations = computed<Denomination[]>(() =>
    DENOMINATIONS.map((value) => ({ value, count: Number((counts.value[value] ?? '').replace(/\D/g, '') || '0') })).filter(
      (d) => d.count > 0,
    ),
  );
  const counted = computed<number | null>(() =>
    byDenomination.value ? denominations.value.reduce((sum, d) => sum + d.value * d.count, 0) : pesosFromDigits(countedDigits.value),
  );

  function input(): ApiInput<'desk.closeShift'> | null {
    if (counted.value === null) {
      error.value = deskTexts.close.countedMissing;
      return null;
    }
    return {
      requestId,
      countedCash: counted.value,
      ...(byDenomination.value ? { denominations: denominations.value } : {}),
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
    };
  }

  async function check(): Promise<boolean> {
    const body = input();
    if (!body) return false;
    return attempt(async () => {
      preview.value = await api.call('desk.previewClose', {
        countedCash: body.countedCash,
        ...(body.denominations ? { denominations: body.denominations } : {}),
      });
    });
  }

  /** Closes the shift; `authorized` uses the supervisor's grant (or session) for the difference and pending registrations. */
  async function close(authorized: boolean): Promise<boolean> {
    const body = input();
    if (!body) return false;
    return attempt(
      async () => {
        report.value = authorized ? await api.call('desk.closeShiftAuthorized', body) : await api.call('desk.closeShift', body);
        requestId = newRequestId();
        const jobId = report.value.jobId;
        printState.value = jobId ? 'queued' : null;
        if (jobId) void followJob(jobId, (job) => (printState.value = job.state), { maxMs: 30_000 });
      },
      async (err) => {
        if (reasonOf(err) === 'CLOSE_NEEDS_SUPERVISOR') await check();
      },
    );
  }

  async function reprint(): Promise<void> {
    const shiftId = report.value?.shift.shiftId;
    if (!shiftId) return;
    try {
      const job = await api.call('desk.reprintShiftClose', { shiftId });
      printState.value = 'queued';
      void followJob(job.jobId, (status) => (printState.value = status.state), { maxMs: 30_000 });
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  function restart(): void {
    byDenomination.value = false;
    countedDigits.value = '';
    counts.value = {};
    note.value = '';
    preview.value = null;
    report.value = null;
    printState.value = null;
    error.value = null;
    requestId = newRequestId();
  }

  return {
    byDenomination,
    countedDigits,
    counts,
    note,
    preview,
    report,
    printState,
    error,
    busy,
    denominations,
    counted,
    check,
    close,
    reprint,
    restart,
  };
});
