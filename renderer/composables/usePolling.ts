import { useIntervalFn } from '@vueuse/core';

/**
 * Runs an async task every `everyMs` until the calling effect scope ends (VueUse's `useIntervalFn`). A tick
 * that finds the previous run still waiting on the core is skipped, so a slow answer never piles requests up.
 */
export function usePolling(task: () => Promise<void>, everyMs: number): { stop: () => void } {
  let running = false;
  async function tick(): Promise<void> {
    if (running) return;
    running = true;
    try {
      await task();
    } finally {
      running = false;
    }
  }
  const { pause } = useIntervalFn(() => void tick(), everyMs);
  return { stop: pause };
}
