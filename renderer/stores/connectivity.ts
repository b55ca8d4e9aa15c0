import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';

type ConnectivityStatus = ApiOutput<'connectivity.status'>;
export type LinkState = ConnectivityStatus['state'];

/**
 * The link's state in Spanish, the same words on every screen (the banner, the status screen): one source of
 * truth, the core's judgement of real calls (`connectivity.status`), never a second opinion from the sync.
 */
export const linkTexts: Record<LinkState, { short: string; long: string }> = {
  online: { short: 'Conectado con el sistema central', long: 'Conectado con el sistema central.' },
  degraded: {
    short: 'Conexión inestable con el sistema central',
    long: 'Conexión inestable con el sistema central. Algunas consultas pueden tardar más de lo normal.',
  },
  offline: {
    short: 'Sin conexión con el sistema central',
    long: 'Sin conexión con el sistema central. Mostramos la información guardada en este terminal, que puede no estar actualizada.',
  },
};

/** The link to the central API as the core judges it from real calls; the banner polls it (`useIntervalFn`). */
export const useConnectivityStore = defineStore('connectivity', () => {
  const status = ref<ConnectivityStatus | null>(null);

  async function refresh(): Promise<void> {
    try {
      status.value = await api.call('connectivity.status', {});
    } catch {
      // The core itself did not answer: keep the last known state rather than guess.
    }
  }

  return { status, refresh };
});
