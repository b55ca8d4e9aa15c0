import type { Db } from './connection';
import { writeTransaction } from './transaction';

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
  const insert = db.prepare('INSERT INTO operators (username, display_name, role, pin_hash, active, fetched_at) VALUES (?, ?, ?, ?, ?, ?)');
  const byName = db.prepare<[string], OperatorRecord>('SELECT * FROM operators WHERE username = ?');
  const count = db.prepare<[], { n: number; fetched_at: string | null }>(
    'SELECT COUNT(*) AS n, MAX(fetched_at) AS fetched_at FROM operators',
  );
  const hashes = db.prepare<[], { username: string; pin_hash: string }>('SELECT username, pin_hash FROM operators');
  const setHash = db.prepare('UPDATE operators SET pin_hash = ? WHERE username = ?');
  const removeOne = db.prepare('DELETE FROM operators WHERE username = ?');
  const rewrite = writeTransaction(db, (transform: (pinHash: string) => string | null) => {
    let changed = 0;
    for (const row of hashes.all()) {
      const next = transform(row.pin_hash);
      if (next === row.pin_hash) continue;
      changed += next === null ? removeOne.run(row.username).changes : setHash.run(next, row.username).changes;
    }
    return changed;
  });
  const replace = writeTransaction(db, (operators: OperatorRow[], at: string) => {
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
      return (
        row && { username: row.username, displayName: row.display_name, role: row.role, pinHash: row.pin_hash, active: row.active === 1 }
      );
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

export interface LockoutBounds {
  /** Most rows kept: beyond it the oldest rows that lock nobody now go first. */
  maxRows: number;
  /** A row that locks nobody and saw no failure for this long is forgotten (its count starts again). */
  forgetAfterSeconds: number;
}

export const defaultLockoutBounds: LockoutBounds = { maxRows: 1_000, forgetAfterSeconds: 86_400 };

/**
 * Failed sign-ins per subject (e.g. `operator:cajero1`), kept across restarts so a restart does not unlock.
 * Names that match no operator are counted too (so their answers look like real ones), which means anyone at
 * the keyboard can add rows: the table is bounded by age and by count on every write, never touching a row
 * whose lock-out is still running.
 */
export function createLockoutRepo(db: Db, bounds: LockoutBounds = defaultLockoutBounds) {
  const get = db.prepare<[string], { failures: number; locked_until: string | null }>(
    'SELECT failures, locked_until FROM sign_in_lockouts WHERE subject = ?',
  );
  const upsert = db.prepare(`
    INSERT INTO sign_in_lockouts (subject, failures, last_failure_at, locked_until) VALUES (@subject, @failures, @at, @lockedUntil)
    ON CONFLICT (subject) DO UPDATE SET failures = @failures, last_failure_at = @at, locked_until = @lockedUntil`);
  const remove = db.prepare('DELETE FROM sign_in_lockouts WHERE subject = ?');
  const notLocking = '(locked_until IS NULL OR locked_until <= @at)';
  const forgetOld = db.prepare(`DELETE FROM sign_in_lockouts WHERE ${notLocking} AND last_failure_at < @before`);
  const rows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sign_in_lockouts');
  const dropOldest = db.prepare(
    `DELETE FROM sign_in_lockouts WHERE subject IN (
       SELECT subject FROM sign_in_lockouts WHERE ${notLocking} AND subject <> @keep ORDER BY last_failure_at, subject LIMIT @excess)`,
  );
  const saveBounded = writeTransaction(db, (subject: string, row: LockoutRow, at: string) => {
    upsert.run({ subject, failures: row.failures, at, lockedUntil: row.lockedUntil });
    forgetOld.run({ at, before: new Date(Date.parse(at) - bounds.forgetAfterSeconds * 1000).toISOString() });
    const excess = (rows.get()?.n ?? 0) - bounds.maxRows;
    if (excess > 0) dropOldest.run({ at, keep: subject, excess });
  });

  return {
    get(subject: string): LockoutRow {
      const row = get.get(subject);
      return { failures: row?.failures ?? 0, lockedUntil: row?.locked_until ?? null };
    },
    save(subject: string, row: LockoutRow, at: string): void {
      saveBounded(subject, row, at);
    },
    count(): number {
      return rows.get()?.n ?? 0;
    },
    clear(subject: string): void {
      remove.run(subject);
    },
  };
}
export type LockoutRepo = ReturnType<typeof createLockoutRepo>;

/** Whose a payment is: the signed-in person it was made for (null for a desk payment without one). */
export interface Owner {
  subjectType: string;
  subjectId: string;
}

/**
 * Who owns what a caller names by id (a voucher, a print job), so a person is answered only about their own.
 * `undefined`: no such row; `null`: the row exists but belongs to no person (a test page, a desk document).
 */
export function createOwnershipRepo(db: Db) {
  const ofVoucher = db.prepare<[string], { subject_type: string | null; subject_id: string | null }>(
    'SELECT p.subject_type, p.subject_id FROM vouchers v JOIN payments p ON p.id = v.payment_id WHERE v.id = ?',
  );
  const ofJob = db.prepare<[string], { voucher_id: string | null }>('SELECT voucher_id FROM print_jobs WHERE id = ?');
  const owner = (row: { subject_type: string | null; subject_id: string | null }): Owner | null =>
    row.subject_type && row.subject_id ? { subjectType: row.subject_type, subjectId: row.subject_id } : null;

  function voucherOwner(voucherId: string): Owner | null | undefined {
    const row = ofVoucher.get(voucherId);
    return row && owner(row);
  }

  return {
    voucherOwner,
    printJobOwner(jobId: string): Owner | null | undefined {
      const job = ofJob.get(jobId);
      if (!job) return undefined;
      return job.voucher_id === null ? null : (voucherOwner(job.voucher_id) ?? null);
    },
  };
}
export type OwnershipRepo = ReturnType<typeof createOwnershipRepo>;
