import { APP_ORIGIN } from '../navigation';

/**
 * When a person's session ends (sign-out, idle, the longest session), whatever the window shows must give way
 * to the app's Ingreso screen, even when it is a bank's page the core cannot reach, and the browser storage
 * that page left (cookies, local storage, caches of the bank or the gateway) is wiped so the next person
 * finds nothing of the last. The app itself keeps nothing of a person in browser storage, so clearing all of
 * it is safe. Pure: the shell applies the decision.
 */
export const PERSON_STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const;

export const INGRESO_URL = `${APP_ORIGIN}/index.html#/`;

export interface PersonEndDecision {
  /** Where the window must go; undefined when it already shows the app (the renderer moves to Ingreso). */
  loadUrl: string | undefined;
  clearStorages: readonly (typeof PERSON_STORAGES)[number][];
}

export function afterPersonEnd(currentUrl: string): PersonEndDecision {
  let inApp: boolean;
  try {
    const url = new URL(currentUrl);
    inApp = url.protocol === 'app:' && url.host === new URL(APP_ORIGIN).host;
  } catch {
    inApp = false;
  }
  return { loadUrl: inApp ? undefined : INGRESO_URL, clearStorages: PERSON_STORAGES };
}
