/**
 * Per-terminal secrets (issue 10's interface, defined here until the data layer's branch brings its own: keep
 * the one that lands first). `getOrCreate` gives a secret made on first use (a pepper, a key); `get`/`put`
 * hold a secret that comes from elsewhere (the terminal secret the central API hands out at enrolment).
 */
export interface SecretStore {
  getOrCreate(name: string): Buffer;
}

export interface WritableSecretStore extends SecretStore {
  get(name: string): Buffer | undefined;
  put(name: string, value: Buffer): void;
}

/** The name under which enrolment keeps the central API's terminal secret. */
export const TERMINAL_SECRET = 'terminal-secret';

export function checkSecretName(name: string): string {
  if (!/^[a-z0-9-]{1,40}$/.test(name)) throw new Error(`secret name must be lower-case letters, digits and dashes: ${JSON.stringify(name).slice(0, 50)}`);
  return name;
}
