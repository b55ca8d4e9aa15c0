import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSecretName, type WritableSecretStore } from './secret-store';

/**
 * The operating system's key store as Electron exposes it (`safeStorage`): DPAPI on Windows, the keyring
 * (libsecret/kwallet) on Linux. Injected so this module runs, and is tested, without Electron.
 */
export interface Sealer {
  isAvailable(): boolean;
  seal(plain: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

/**
 * Secrets sealed by the OS key store, one file per name (`<name>.sealed`), so a copied disk alone does not
 * give them away. Where no key store is available (a Linux kiosk without a keyring) the secret is kept in a
 * `<name>.key` file readable only by the app's user (0600 in a 0700 folder): weaker, and said in the README.
 */
export function createSealedSecretStore(options: {
  dir: string;
  sealer: Sealer;
  random?: (size: number) => Buffer;
}): WritableSecretStore & { sealed(): boolean } {
  const random = options.random ?? randomBytes;
  const sealed = () => options.sealer.isAvailable();

  function fileOf(name: string, asSealed: boolean): string {
    return join(options.dir, `${checkSecretName(name)}.${asSealed ? 'sealed' : 'key'}`);
  }

  function get(name: string): Buffer | undefined {
    const sealedFile = fileOf(name, true);
    if (existsSync(sealedFile)) return options.sealer.unseal(readFileSync(sealedFile));
    const plainFile = fileOf(name, false);
    return existsSync(plainFile) ? readFileSync(plainFile) : undefined;
  }

  function put(name: string, value: Buffer): void {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    chmodSync(options.dir, 0o700);
    const asSealed = sealed();
    const file = fileOf(name, asSealed);
    // Written beside and renamed: a crash leaves the old secret or the new one, never half of one.
    const partial = `${file}.partial`;
    writeFileSync(partial, asSealed ? options.sealer.seal(value) : value, { mode: 0o600 });
    renameSync(partial, file);
  }

  return {
    sealed,
    get,
    put,
    getOrCreate(name) {
      const found = get(name);
      if (found) return found;
      const made = random(32);
      put(name, made);
      return made;
    },
  };
}
