import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertNotTooNew, migrate } from './migrate';

export type Db = Database.Database;

const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;

/**
 * The database holds operators' (peppered) PIN hashes, payments and the people who made them: it is readable
 * by the app's user only. A folder made here is 0700; the file is created 0600 before SQLite opens it (SQLite
 * gives its -wal and -shm the database file's mode), and a file or companion this user owns that has become
 * readable by others (copied, restored) is tightened. Windows has no such bits: there the folder's ACL (the
 * user's profile) does this job. Other people's files are left alone (and would fail to open for writing).
 */
function makePrivate(file: string): void {
  const folder = dirname(file);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
    if (process.platform !== 'win32') chmodSync(folder, PRIVATE_FOLDER);
  }
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  tighten(file);
}

function tighten(file: string): void {
  if (process.platform === 'win32' || !existsSync(file)) return;
  const stat = statSync(file);
  if (stat.uid === process.getuid?.() && (stat.mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE);
}

/**
 * The one place that opens SQLite. WAL for concurrent readers; synchronous=FULL because payment records must
 * survive a power cut at the moment they are written, not just a process crash.
 */
export function openDatabase(file: string): Db {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) makePrivate(file);
  const db = new Database(file);
  try {
    assertNotTooNew(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    if (onDisk) for (const companion of [`${file}-wal`, `${file}-shm`]) tighten(companion);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
