import { tryOnScopeDispose } from '@vueuse/core';

/**
 * A pause for loops that ask the core again after a while. It ends early when the caller's signal aborts or
 * when the calling effect scope ends (component unmounted, store disposed), so no timer outlives its owner;
 * it resolves `true` when the full time passed and `false` when woken early, the loop's cue to stop.
 */
export function useSleep(): (ms: number, signal?: AbortSignal) => Promise<boolean> {
  const pending = new Set<() => void>();
  let ended = false;
  tryOnScopeDispose(() => {
    ended = true;
    for (const wake of [...pending]) wake();
  });
  return (ms, signal) =>
    new Promise<boolean>((resolve) => {
      if (ended || signal?.aborted) {
        resolve(false);
        return;
      }
      const finish = (slept: boolean) => {
        clearTimeout(timer);
        pending.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve(slept);
      };
      const wake = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      pending.add(wake);
      signal?.addEventListener('abort', wake);
    });
}
