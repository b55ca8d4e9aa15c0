import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';

type PersonSession = ApiOutput<'auth.session'>;
export type EndReason = NonNullable<PersonSession['lastEnd']>['reason'];

/**
 * Who is signed in on this screen, as the core says: the renderer holds no token, only what to show (name,
 * e-mail, masked phone) and the seconds the core reports. Polled while something is open.
 */
export const useSessionStore = defineStore('session', () => {
  const person = ref<PersonSession['person']>(null);
  const challenge = ref<PersonSession['challenge']>(null);
  const idle = ref<PersonSession['idle']>(null);
  /** Why the last session ended; set after every store was reset, so Ingreso can say it. */
  const endedReason = ref<EndReason | null>(null);
  /** The core's word on the last end, as of the latest answer. */
  const lastEnd = ref<PersonSession['lastEnd']>(null);

  function apply(session: PersonSession): void {
    lastEnd.value = session.lastEnd;
    person.value = session.person;
    challenge.value = session.challenge;
    idle.value = session.idle;
  }

  async function refresh(): Promise<PersonSession> {
    const session = await api.call('auth.session', {});
    apply(session);
    return session;
  }

  /** Tells the core someone is at the screen (it also postpones an operator's lock). */
  async function touch(): Promise<void> {
    apply(await api.call('auth.touch', {}));
  }

  async function signOut(): Promise<void> {
    apply(await api.call('auth.signOut', {}));
  }

  return { person, challenge, idle, endedReason, lastEnd, apply, refresh, touch, signOut };
});
