import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiInput, ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { reasonOf } from '../../payments/texts';
import { deskErrorText } from './errors';
import { lookupInput, type LookupBy } from './lookup-input';

export type { LookupBy };
type Answer = ApiOutput<'desk.lookup'>;
type Input = ApiInput<'desk.lookup'>;

/**
 * Where the answer on screen stands against the central API: `refreshing` (the local answer shows, the live one
 * is on its way), `updated` (the live answer replaced it), `offline` (the central API did not answer: the local
 * answer stays, with its age), `idle` (nothing asked yet).
 */
export type RefreshState = 'idle' | 'refreshing' | 'updated' | 'offline';

/**
 * *Buscar*: a person's (or empresa's, or alumno's) obligations. The terminal's copy answers at once with its
 * age (`source: 'local'`), then the central API's answer replaces it when it comes (`source: 'live'`). A newer
 * search makes an older one's late answers irrelevant: each search has a number and only the latest writes.
 */
export const useLookupStore = defineStore('desk-lookup', () => {
  const by = ref<LookupBy>('cedula');
  const text = ref('');
  const answer = ref<Answer | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);
  const refresh = ref<RefreshState>('idle');
  /** Bumped by F2 on Buscar itself: the screen puts the focus back in the field. */
  const focusTick = ref(0);
  let searchNumber = 0;

  const credits = computed(() => answer.value?.obligations.filter((o) => o.kind === 'credit') ?? []);
  const slips = computed(() => answer.value?.obligations.filter((o) => o.kind === 'enrollmentSlip') ?? []);

  async function refreshLive(input: Input, mine: number): Promise<void> {
    try {
      const live = await api.call('desk.lookup', { ...input, source: 'live' });
      if (mine !== searchNumber) return;
      answer.value = live;
      error.value = null;
      refresh.value = 'updated';
    } catch (err) {
      if (mine !== searchNumber) return;
      refresh.value = 'offline';
      // Without a local answer the refusal is all there is to show.
      if (!answer.value) error.value = deskErrorText(err);
    }
  }

  /** Shows the local answer (true once it shows); the live one follows by itself. */
  async function search(): Promise<boolean> {
    const parsed = lookupInput(by.value, text.value);
    const mine = ++searchNumber;
    if ('error' in parsed) {
      error.value = parsed.error;
      answer.value = null;
      refresh.value = 'idle';
      return false;
    }
    busy.value = true;
    refresh.value = 'refreshing';
    try {
      answer.value = await api.call('desk.lookup', { ...parsed.input, source: 'local' });
      error.value = null;
    } catch (err) {
      if (mine !== searchNumber) return false;
      answer.value = null;
      // No copy yet: the live answer may still come. Anything else (a wrong check digit) ends the search here.
      if (reasonOf(err) !== 'NO_LOCAL_COPY') {
        error.value = deskErrorText(err);
        refresh.value = 'idle';
        return false;
      }
    } finally {
      if (mine === searchNumber) busy.value = false;
    }
    if (mine !== searchNumber) return false;
    const live = refreshLive(parsed.input, mine);
    if (answer.value) {
      void live;
      return true;
    }
    await live;
    return answer.value !== null;
  }

  /** Asks again for the same person (after a payment, or to get live data once the link is back). */
  async function again(): Promise<void> {
    if (answer.value) await search();
  }

  return { by, text, answer, error, busy, refresh, focusTick, credits, slips, search, again };
});
