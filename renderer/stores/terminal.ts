import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { messageFor } from '../messages';

type TerminalStatus = ApiOutput<'terminal.status'>;
type Contacts = ApiOutput<'terminal.contacts'>;

export const useTerminalStore = defineStore('terminal', () => {
  const status = ref<TerminalStatus | null>(null);
  const contacts = ref<Contacts | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      [status.value, contacts.value] = await Promise.all([api.call('terminal.status', {}), api.call('terminal.contacts', {})]);
      error.value = null;
    } catch (err) {
      error.value = messageFor(err);
    } finally {
      loading.value = false;
    }
  }

  return { status, contacts, error, loading, refresh };
});
