import { afterAll, beforeAll } from 'vitest';

/**
 * A file's shared set-up as one fixture: what `start` makes is started before the file's first test and closed
 * after its last (a simulator, a core, a Chromium take seconds to start, so one a file, not one a test).
 * Answers a stand-in for it: each property read goes to the running one, so tests use it as if it were the thing
 * itself, with no hooks of their own. Reading it outside a test (or a hook after this one) throws.
 */
export function useStarted<T extends { close(): Promise<void> }>(start: () => Promise<T>): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!running) throw new Error('the shared set-up is not running: use it inside a test or a hook after it');
      const value: unknown = Reflect.get(running, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
  });
}
