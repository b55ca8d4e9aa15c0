import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { messageFor } from '../messages';

/** The sync of the obligations and the outbox, for the status screen. */
export const useDataStatusStore = defineStore('dataStatus', () => {
  const sync = ref<ApiOutput<'sync.status'> | null>(null);
  const outbox = ref<ApiOutput<'outbox.status'> | null>(null);
  const error = ref<string | null>(null);

  async function refresh(): Promise<void> {
    try {
      [sync.value, outbox.value] = await Promise.all([api.call('sync.status', {}), api.call('outbox.status', {})]);
      error.value = null;
    } catch (err) {
      error.value = messageFor(err);
    }
  }

  return { sync, outbox, error, refresh };
});
