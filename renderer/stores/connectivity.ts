import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';

type ConnectivityStatus = ApiOutput<'connectivity.status'>;

/** The link to the central API as the core judges it from real calls; polled for the banner. */
export const useConnectivityStore = defineStore('connectivity', () => {
  const status = ref<ConnectivityStatus | null>(null);
  let timer: ReturnType<typeof setInterval> | undefined;

  async function refresh(): Promise<void> {
    try {
      status.value = await api.call('connectivity.status', {});
    } catch {
      // The core itself did not answer: keep the last known state rather than guess.
    }
  }

  function watch(intervalMs = 5_000): void {
    if (timer) return;
    void refresh();
    timer = setInterval(() => void refresh(), intervalMs);
  }

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
  }

  return { status, refresh, watch, stop };
});
