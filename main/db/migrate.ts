import type Database from 'better-sqlite3';
import { migrations } from './migrations';
import { writeTransaction } from './transaction';

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `database schema version ${found} is newer than this application supports (${supported}); ` +
        'install the newer application version or restore a matching backup — the file was left untouched',
    );
  }
}

export function latestSchemaVersion(): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Checked before anything is written, so a newer file is left exactly as it was. */
export function assertNotTooNew(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestSchemaVersion()) throw new DatabaseTooNewError(current, latestSchemaVersion());
}

/**
 * Applies numbered migrations in order, in one transaction together with their records, so a crash leaves the
 * database at a whole version. `user_version` mirrors the highest applied migration.
 */
export function migrate(db: Database.Database): number {
  assertNotTooNew(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  // The pending migrations in one transaction: one commit (one fsync) instead of one per migration, which is most
  // of a new terminal's first start (startup_to_login_ms); still all or none, so a crash leaves a whole version.
  writeTransaction(db, () => {
    // Read again under the write lock: the writer thread's connection may have applied them meanwhile.
    const applied = db.pragma('user_version', { simple: true }) as number;
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return db.pragma('user_version', { simple: true }) as number;
}
