import type { SecretStore } from '../secrets/secret-store';

/**
 * A SecretStore (main/secrets/secret-store.ts: secrets made on first use, such as the PIN pepper) that also
 * holds secrets that come from elsewhere (`get`/`put`: the terminal secret the central API hands out at
 * enrolment). The Electron shell's `safeStorage` store (sealed-secret-store.ts) is one; it serves both.
 */
export interface WritableSecretStore extends SecretStore {
  get(name: string): Buffer | undefined;
  put(name: string, value: Buffer): void;
}

/** The name under which enrolment keeps the central API's terminal secret. */
export const TERMINAL_SECRET = 'terminal-secret';

export function checkSecretName(name: string): string {
  if (!/^[a-z0-9-]{1,40}$/.test(name))
    throw new Error(`secret name must be lower-case letters, digits and dashes: ${JSON.stringify(name).slice(0, 50)}`);
  return name;
}
