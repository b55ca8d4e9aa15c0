import { catchUp, startE2E, type E2E, type E2EOptions } from './harness';
import { useStarted } from '../support/use-started';

export interface UseE2EOptions extends E2EOptions {
  /** The terminal's copy of the obligations synced before the first test (screens that quote or charge need it). */
  catchUp?: boolean;
}

/**
 * The end-to-end set-up of a file: simulator, browser host and headless Chromium (`startE2E`), started before its
 * first test and closed after its last. The file writes `e2e.open()`, `e2e.sim`, `e2e.host` with no hooks.
 */
export function useE2E(options: UseE2EOptions = {}): E2E {
  return useStarted(async () => {
    const e2e = await startE2E(options);
    if (options.catchUp) await catchUp(e2e);
    return e2e;
  });
}
