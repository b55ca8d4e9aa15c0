import { describe, expect, it } from 'vitest';
import { createApp, ref } from 'vue';
import { createPinia, defineStore, setActivePinia } from 'pinia';
import { resetAllStores, resettableStores } from '../../../renderer/stores/reset';
import { useSessionStore } from '../../../renderer/stores/session';
import { useIngresoStore } from '../../../renderer/stores/ingreso';

function freshPinia() {
  const pinia = createPinia();
  pinia.use(resettableStores);
  createApp({}).use(pinia);
  setActivePinia(pinia);
  return pinia;
}

describe('ending a session resets every store', () => {
  it('puts the sign-in stores back as they started', () => {
    const pinia = freshPinia();
    const session = useSessionStore();
    const ingreso = useIngresoStore();
    session.person = { type: 'member', name: 'AFILIADO', email: 'a@example.com', maskedPhone: '****434' };
    session.idle = { warning: true, secondsUntilWarning: 0, secondsUntilEnd: 3, endsBy: 'idle' };
    ingreso.setDocument('1045678901');
    ingreso.setCode('123456');
    resetAllStores(pinia);
    expect(session.person).toBeNull();
    expect(session.idle).toBeNull();
    expect(ingreso.document).toBe('');
    expect(ingreso.code).toBe('');
  });

  it('also resets stores that other features define later, setup or options style, nested data included', () => {
    const pinia = freshPinia();
    const useCredits = defineStore('credits-later', () => {
      const rows = ref<Array<{ id: string; balance: number }>>([]);
      const filter = ref({ text: '', page: 1 });
      return { rows, filter };
    });
    const useSlips = defineStore('slips-later', { state: () => ({ studentId: '', found: [] as string[] }) });
    const credits = useCredits();
    const slips = useSlips();
    credits.rows.push({ id: 'LI-38', balance: 1_752_770 });
    credits.filter.text = 'LI';
    slips.studentId = '1043987654';
    slips.found.push('VM-1');
    resetAllStores(pinia);
    expect(credits.rows).toEqual([]);
    expect(credits.filter).toEqual({ text: '', page: 1 });
    expect(slips.$state).toEqual({ studentId: '', found: [] });
    // A reset store starts again from its initial state, not from a shared object.
    credits.rows.push({ id: 'LI-52', balance: 50_000 });
    resetAllStores(pinia);
    expect(credits.rows).toEqual([]);
  });
});
