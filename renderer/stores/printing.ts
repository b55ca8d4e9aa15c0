import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api, ApiCallError } from '../api';
import { messageFor } from '../messages';
import { useJobFollower } from '../composables/useJobFollower';
import { failureTexts, printingTexts } from '../printing/texts';

type PrinterStatus = ApiOutput<'printing.status'>;

/** The status screen's printer: its state, and *Imprimir prueba*. */
export const usePrintingStore = defineStore('printing', () => {
  const followJob = useJobFollower();
  const status = ref<PrinterStatus | null>(null);
  const error = ref<string | null>(null);
  const testMessage = ref<string | null>(null);
  const testing = ref(false);

  async function refresh(): Promise<void> {
    try {
      status.value = await api.call('printing.status', {});
      error.value = null;
    } catch (err) {
      error.value = messageFor(err);
    }
  }

  async function testPrint(): Promise<void> {
    testing.value = true;
    testMessage.value = printingTexts.testSent;
    try {
      const { jobId } = await api.call('printing.test', {});
      await followJob(
        jobId,
        (job) => {
          if (job.state === 'printed') testMessage.value = printingTexts.testPrinted;
          else if (job.lastError) testMessage.value = failureTexts[job.lastError];
        },
        { maxMs: 60_000 },
      );
    } catch (err) {
      if (err instanceof ApiCallError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN'))
        testMessage.value = printingTexts.testNeedsOperator;
      else if (err instanceof ApiCallError && err.body.details?.reason === 'not-configured')
        testMessage.value = printingTexts.notConfigured;
      else testMessage.value = messageFor(err);
    } finally {
      testing.value = false;
      await refresh();
    }
  }

  return { status, error, testMessage, testing, refresh, testPrint };
});
