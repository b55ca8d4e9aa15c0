import { randomBytes } from 'node:crypto';

/**
 * Where a terminal keeps secrets of its own — made on this machine, never sent anywhere, never in the database —
 * so that a copy of the database alone is worth less than the terminal. Today one secret exists: `pin-pepper`,
 * which peppers the cached operator PIN hashes (main/auth/pin-hash.ts).
 *
 * Implementations:
 * - `keyFileSecretStore` (main/secrets/key-file.ts): a 0600 file per secret in a 0700 folder beside the database.
 *   The browser host and any place without an OS keystore use it.
 * - Electron (to be written in `electron/`): the same interface over `safeStorage` (DPAPI on Windows, the
 *   keychain / libsecret elsewhere): keep `safeStorage.encryptString(base64)` in a file under `userData`, decrypt
 *   it on start; when `safeStorage.isEncryptionAvailable()` is false (e.g. Linux without a keyring), fall back to
 *   `keyFileSecretStore`. Only call it after `app.whenReady()`.
 *
 * Contract (every implementation):
 * - `getOrCreate(name)` returns the same 32 bytes for the same name on every call and every start of the
 *   terminal; the first call for a name makes them with a CSPRNG (`crypto.randomBytes(32)`) and stores them
 *   durably before returning (write, fsync, rename), so a crash never yields a secret that is then lost.
 * - It is synchronous: the composition root (`createApp`) is synchronous and the secret is read once at start.
 * - A secret that exists but cannot be read (wrong length, undecryptable) throws `SecretStoreError`; it is never
 *   silently replaced, because replacing it invalidates what it protects (the operators must then sign in once
 *   online again). Deleting the stored secret on purpose has exactly that effect and is the way to rotate it.
 * - Names are `[a-z0-9-]{1,40}`.
 */
export interface SecretStore {
  getOrCreate(name: SecretName): Buffer;
}

export type SecretName = 'pin-pepper';

export const SECRET_BYTES = 32;

export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
}

/** For an in-memory database (tests): secrets live as long as the process, like the data they protect. */
export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, Buffer>();
  return {
    getOrCreate(name) {
      let secret = secrets.get(name);
      if (!secret) {
        secret = randomBytes(SECRET_BYTES);
        secrets.set(name, secret);
      }
      return secret;
    },
  };
}
