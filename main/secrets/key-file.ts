import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SECRET_BYTES, SecretStoreError, type SecretName, type SecretStore } from './secret-store';

/**
 * Secrets as files `<dir>/<name>.key` (base64 of 32 random bytes), readable only by the app's user: the file
 * 0600, the folder 0700 when it is made here. What it protects against: a copy of the database file taken
 * alone (a backup, a support bundle, a file copied off the disk by another user of the machine). It does not
 * protect against someone who copies the whole disk as root: that is what full-disk encryption is for (README,
 * Security).
 */
export function keyFileSecretStore(dir: string): SecretStore {
  return {
    getOrCreate(name: SecretName): Buffer {
      if (!/^[a-z0-9-]{1,40}$/.test(name)) throw new SecretStoreError(`invalid secret name ${name}`);
      const file = join(dir, `${name}.key`);
      const existing = read(file);
      if (existing) return existing;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const secret = randomBytes(SECRET_BYTES);
      const temp = `${file}.${process.pid}.tmp`;
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, `${secret.toString('base64')}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(temp, 0o600);
      renameSync(temp, file);
      // Two starts racing: whoever renamed last wins, and both read back what is on disk.
      return read(file) ?? secret;
    },
  };
}

function read(file: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SecretStoreError(`cannot read the terminal secret ${file}: ${(error as Error).message}`);
  }
  const secret = Buffer.from(text.trim(), 'base64');
  if (secret.length !== SECRET_BYTES) throw new SecretStoreError(`the terminal secret ${file} is damaged (not ${SECRET_BYTES} bytes)`);
  // A file someone loosened (copied with cp, restored from a backup) is tightened again.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return secret;
}
