import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../../main/api/contract';
import { api } from '../../api';
import { deskErrorText } from './errors';

type Conflict = ApiOutput<'desk.conflicts'>['items'][number];

/** *Conflictos* (supervisor): desk payments the central API refused because the obligation changed meanwhile. */
export const useConflictsStore = defineStore('desk-conflicts', () => {
  const items = ref<Conflict[]>([]);
  const loaded = ref(false);
  const notes = ref<Record<string, string>>({});
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    try {
      items.value = (await api.call('desk.conflicts', { includeResolved: false })).items;
      loaded.value = true;
      error.value = null;
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  async function resolve(conflictId: string): Promise<void> {
    const note = (notes.value[conflictId] ?? '').trim();
    if (note.length < 5) {
      error.value = 'Escriba una nota de al menos 5 caracteres (por ejemplo, la devolución hecha).';
      return;
    }
    try {
      await api.call('desk.resolveConflict', { conflictId, note });
      await load();
    } catch (err) {
      error.value = deskErrorText(err);
    }
  }

  return { items, loaded, notes, error, load, resolve };
});
