import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../main/db/connection';
import { keyFileSecretStore } from '../../../main/secrets/key-file';
import { tempDir } from '../../support/temp';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the database and the terminal secret are private to the app user', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('creates its folder 0700 and the database, its -wal and -shm 0600', () => {
    const folder = join(temp.dir, 'fresh', 'var');
    const file = join(folder, 'terminal.db');
    const db = openDatabase(file);
    try {
      db.prepare("INSERT INTO audit_log (at, terminal_id, event) VALUES ('2026-11-30T12:00:00Z', 'KIOSK-01', 'test')").run();
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(path), path).toBe(true);
        expect(modeOf(path), path).toBe(0o600);
      }
      expect(modeOf(folder)).toBe(0o700);
    } finally {
      db.close();
    }
  });

  it('tightens a database file (and companions) of its own that others could read', () => {
    const folder = join(temp.dir, 'restored');
    mkdirSync(folder, { mode: 0o755 });
    const file = join(folder, 'terminal.db');
    openDatabase(file).close();
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o666);
    const db = openDatabase(file);
    try {
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      // A folder the sede made itself is theirs to set; only the app's own is made 0700.
      expect(modeOf(folder)).toBe(0o755);
    } finally {
      db.close();
    }
  });

  it('keeps the terminal secret in a 0600 file, in a 0700 folder, the same bytes on every start', () => {
    const folder = join(temp.dir, 'secrets-home');
    const first = keyFileSecretStore(folder).getOrCreate('pin-pepper');
    expect(first).toHaveLength(32);
    expect(modeOf(join(folder, 'pin-pepper.key'))).toBe(0o600);
    expect(modeOf(folder)).toBe(0o700);
    chmodSync(join(folder, 'pin-pepper.key'), 0o644);
    expect(keyFileSecretStore(folder).getOrCreate('pin-pepper').equals(first)).toBe(true);
    expect(modeOf(join(folder, 'pin-pepper.key'))).toBe(0o600);
  });

  it('refuses a damaged secret instead of silently making a new one', () => {
    const folder = join(temp.dir, 'damaged');
    mkdirSync(folder);
    writeFileSync(join(folder, 'pin-pepper.key'), 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => keyFileSecretStore(folder).getOrCreate('pin-pepper')).toThrow(/damaged/);
  });
});
