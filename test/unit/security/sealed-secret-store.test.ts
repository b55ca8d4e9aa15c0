import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createSealedSecretStore, type Sealer } from '../../../main/security/sealed-secret-store';
import { tempDir } from '../../support/temp';

const sealer = (available: boolean): Sealer => ({
  isAvailable: () => available,
  seal: (plain) => Buffer.concat([Buffer.from('S:'), Buffer.from(plain.map((byte) => byte ^ 0xa5))]),
  unseal: (sealed) => Buffer.from(sealed.subarray(2).map((byte) => byte ^ 0xa5)),
});

describe('sealed secret store', () => {
  let temp: ReturnType<typeof tempDir>;
  afterEach(() => temp.remove());

  it('seals with the OS key store where there is one, in a private folder', () => {
    temp = tempDir('pes-secrets-');
    const dir = join(temp.dir, 'secrets');
    const store = createSealedSecretStore({ dir, sealer: sealer(true) });
    store.put('terminal-secret', Buffer.from('central-issued-secret-0123456789abcdef'));
    expect(readdirSync(dir)).toEqual(['terminal-secret.sealed']);
    expect(readFileSync(join(dir, 'terminal-secret.sealed')).includes(Buffer.from('central-issued'))).toBe(false);
    expect(store.get('terminal-secret')?.toString()).toBe('central-issued-secret-0123456789abcdef');
    expect(statSync(dir).mode & 0o077).toBe(0);
    expect(statSync(join(dir, 'terminal-secret.sealed')).mode & 0o077).toBe(0);
  });

  it('keeps a 0600 key file where no key store exists, and makes a secret once', () => {
    temp = tempDir('pes-secrets-');
    const dir = join(temp.dir, 'secrets');
    const store = createSealedSecretStore({ dir, sealer: sealer(false) });
    expect(store.get('pin-pepper')).toBeUndefined();
    const made = store.getOrCreate('pin-pepper');
    expect(made).toHaveLength(32);
    expect(store.getOrCreate('pin-pepper').equals(made)).toBe(true);
    expect(readdirSync(dir)).toEqual(['pin-pepper.key']);
    expect((statSync(join(dir, 'pin-pepper.key')).mode & 0o777).toString(8)).toBe('600');
  });

  it('refuses a name that could leave its folder', () => {
    temp = tempDir('pes-secrets-');
    const store = createSealedSecretStore({ dir: temp.dir, sealer: sealer(true) });
    for (const name of ['../x', 'a/b', 'A', '', 'x'.repeat(41)]) expect(() => store.get(name), name).toThrow(/secret name/);
  });
});
