import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { MethodName } from '../../../main/api/contract';
import { api } from '../../api';
import { useOperatorStore } from '../operator';
import { deskTexts } from './texts';
import { useDeskCall } from './desk-call';

/**
 * `auth.authorizeSupervisor({username, pin, method})`: a supervisor's PIN typed at the cashier's desk authorises
 * exactly one call of `method`, without signing the cashier out.
 */
type AuthorizeInput = { username: string; pin: string; method: MethodName };
const authorizeSupervisor = (input: AuthorizeInput) => api.call('auth.authorizeSupervisor', input);

/**
 * The *autorización de supervisor* typed at the desk. A supervisor signed in needs none (their session is the
 * authority); a cashier's supervisor types username and PIN, which are forgotten as soon as they were sent.
 */
export const useSupervisorStore = defineStore('desk-supervisor', () => {
  const operator = useOperatorStore();
  const username = ref('');
  const pin = ref('');
  const { busy, error, attempt } = useDeskCall();
  const needed = computed(() => operator.operator?.role !== 'supervisor');

  function clear(): void {
    username.value = '';
    pin.value = '';
    error.value = null;
  }

  /** Grants one call of `method`; true when it may go ahead. */
  async function authorize(method: MethodName): Promise<boolean> {
    if (!needed.value) return true;
    const name = username.value.trim();
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(name) || !/^\d{4,8}$/.test(pin.value)) {
      error.value = deskTexts.supervisor.missing;
      return false;
    }
    try {
      return await attempt(() => authorizeSupervisor({ username: name, pin: pin.value, method }));
    } finally {
      pin.value = '';
    }
  }

  return { username, pin, error, busy, needed, clear, authorize };
});
