import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { messageFor } from '../messages';

type TerminalStatus = ApiOutput<'terminal.status'>;
type Contacts = ApiOutput<'terminal.contacts'>;
type UnresolvedPayments = ApiOutput<'payments.unresolved'>;

export const useTerminalStore = defineStore('terminal', () => {
  const status = ref<TerminalStatus | null>(null);
  const contacts = ref<Contacts | null>(null);
  const unresolvedPayments = ref<UnresolvedPayments | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      [status.value, contacts.value, unresolvedPayments.value] = await Promise.all([
        api.call('terminal.status', {}),
        api.call('terminal.contacts', {}),
        api.call('payments.unresolved', {}),
      ]);
      error.value = null;
    } catch (err) {
      error.value = messageFor(err);
    } finally {
      loading.value = false;
    }
  }

  return { status, contacts, unresolvedPayments, error, loading, refresh };
});
