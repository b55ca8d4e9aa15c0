import type { Db } from './connection';

export interface OperatorRow {
  username: string;
  displayName: string;
  role: 'cashier' | 'supervisor';
  pinHash: string;
  active: boolean;
}

interface OperatorRecord {
  username: string;
  display_name: string;
  role: 'cashier' | 'supervisor';
  pin_hash: string;
  active: number;
  fetched_at: string;
}

/** The operator list as last fetched from the central API; replaced whole on each successful fetch. */
export function createOperatorRepo(db: Db) {
  const clear = db.prepare('DELETE FROM operators');
  const insert = db.prepare(
    'INSERT INTO operators (username, display_name, role, pin_hash, active, fetched_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byName = db.prepare<[string], OperatorRecord>('SELECT * FROM operators WHERE username = ?');
  const count = db.prepare<[], { n: number; fetched_at: string | null }>('SELECT COUNT(*) AS n, MAX(fetched_at) AS fetched_at FROM operators');
  const hashes = db.prepare<[], { username: string; pin_hash: string }>('SELECT username, pin_hash FROM operators');
  const setHash = db.prepare('UPDATE operators SET pin_hash = ? WHERE username = ?');
  const removeOne = db.prepare('DELETE FROM operators WHERE username = ?');
  const rewrite = db.transaction((transform: (pinHash: string) => string | null) => {
    let changed = 0;
    for (const row of hashes.all()) {
      const next = transform(row.pin_hash);
      if (next === row.pin_hash) continue;
      changed += next === null ? removeOne.run(row.username).changes : setHash.run(next, row.username).changes;
    }
    return changed;
  });
  const replace = db.transaction((operators: OperatorRow[], at: string) => {
    clear.run();
    for (const o of operators) insert.run(o.username.toLowerCase(), o.displayName, o.role, o.pinHash, o.active ? 1 : 0, at);
  });

  return {
    replaceAll(operators: OperatorRow[], at: string): void {
      replace(operators, at);
    },
    /**
     * Rewrites (or, for `null`, drops) cached PIN hashes in one transaction, with SQLite's secure_delete on so
     * the old values are overwritten in the file rather than left in free pages. Returns the rows changed.
     */
    rewritePinHashes(transform: (pinHash: string) => string | null): number {
      const before = db.pragma('secure_delete', { simple: true }) as number;
      db.pragma('secure_delete = ON');
      try {
        return rewrite(transform);
      } finally {
        db.pragma(`secure_delete = ${before}`);
      }
    },
    find(username: string): OperatorRow | undefined {
      const row = byName.get(username.toLowerCase());
      return row && { username: row.username, displayName: row.display_name, role: row.role, pinHash: row.pin_hash, active: row.active === 1 };
    },
    summary(): { count: number; fetchedAt: string | null } {
      const row = count.get();
      return { count: row?.n ?? 0, fetchedAt: row?.fetched_at ?? null };
    },
  };
}
export type OperatorRepo = ReturnType<typeof createOperatorRepo>;

export interface LockoutRow {
  failures: number;
  lockedUntil: string | null;
}

/** Failed sign-ins per subject (e.g. `operator:cajero1`), kept across restarts so a restart does not unlock. */
export function createLockoutRepo(db: Db) {
  const get = db.prepare<[string], { failures: number; locked_until: string | null }>(
    'SELECT failures, locked_until FROM sign_in_lockouts WHERE subject = ?',
  );
  const upsert = db.prepare(`
    INSERT INTO sign_in_lockouts (subject, failures, last_failure_at, locked_until) VALUES (@subject, @failures, @at, @lockedUntil)
    ON CONFLICT (subject) DO UPDATE SET failures = @failures, last_failure_at = @at, locked_until = @lockedUntil`);
  const remove = db.prepare('DELETE FROM sign_in_lockouts WHERE subject = ?');

  return {
    get(subject: string): LockoutRow {
      const row = get.get(subject);
      return { failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
    },
    save(subject: string, row: LockoutRow, at: string): void {
      upsert.run({ subject, failures: row.failures, at, lockedUntil: row.lockedUntil });
    },
    clear(subject: string): void {
      remove.run(subject);
    },
  };
}
export type LockoutRepo = ReturnType<typeof createLockoutRepo>;
