import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { deskErrorText } from './errors';
import { lookupInput, type LookupBy } from './lookup-input';

export type { LookupBy };
type Answer = ApiOutput<'desk.lookup'>;

/**
 * *Buscar*: a person's (or empresa's, or alumno's) obligations, as the core answers them — live when the central
 * API answers, else from the terminal's copy with its age.
 */
export const useLookupStore = defineStore('desk-lookup', () => {
  const by = ref<LookupBy>('cedula');
  const text = ref('');
  const answer = ref<Answer | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);
  /** Bumped by F2 on Buscar itself: the screen puts the focus back in the field. */
  const focusTick = ref(0);

  const credits = computed(() => answer.value?.obligations.filter((o) => o.kind === 'credit') ?? []);
  const slips = computed(() => answer.value?.obligations.filter((o) => o.kind === 'enrollmentSlip') ?? []);

  async function search(): Promise<boolean> {
    const parsed = lookupInput(by.value, text.value);
    if ('error' in parsed) {
      error.value = parsed.error;
      answer.value = null;
      return false;
    }
    busy.value = true;
    try {
      answer.value = await api.call('desk.lookup', parsed.input);
      error.value = null;
      return true;
    } catch (err) {
      error.value = deskErrorText(err);
      answer.value = null;
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Asks again for the same person (after a payment, or to get live data once the link is back). */
  async function again(): Promise<void> {
    if (answer.value) await search();
  }

  return { by, text, answer, error, busy, focusTick, credits, slips, search, again };
});
