import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { operatorRefusal } from '../refusals';

type OperatorSession = ApiOutput<'operator.session'>;

/** The operator signed in at this desk (or the one whose locked session waits for their PIN). */
export const useOperatorStore = defineStore('operator', () => {
  const operator = ref<OperatorSession['operator']>(null);
  const locked = ref(false);
  const secondsUntilLock = ref<number | null>(null);
  const username = ref('');
  const pin = ref('');
  const error = ref<string | null>(null);
  const busy = ref(false);

  function apply(session: OperatorSession): void {
    operator.value = session.operator;
    locked.value = session.locked;
    secondsUntilLock.value = session.secondsUntilLock;
  }

  async function refresh(): Promise<void> {
    apply(await api.call('operator.session', {}));
  }

  async function signIn(): Promise<boolean> {
    const name = operator.value?.username ?? username.value.trim();
    if (!name || !/^\d{4,8}$/.test(pin.value)) {
      error.value = 'Digite su usuario y su PIN de 4 a 8 dígitos.';
      return false;
    }
    busy.value = true;
    try {
      apply(await api.call('operator.signIn', { username: name, pin: pin.value }));
      error.value = null;
      return true;
    } catch (err) {
      error.value = await operatorRefusal(err);
      return false;
    } finally {
      pin.value = '';
      busy.value = false;
    }
  }

  async function signOut(): Promise<void> {
    apply(await api.call('operator.signOut', {}));
    username.value = '';
    pin.value = '';
    error.value = null;
  }

  return { operator, locked, secondsUntilLock, username, pin, error, busy, apply, refresh, signIn, signOut };
});
