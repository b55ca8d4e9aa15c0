import type { ObligationColumns, TombstoneColumns } from '../central/schemas';
import type { Db } from './connection';
import { writeTransaction } from './transaction';

export const OBLIGATIONS_FEED = 'obligations';
const OWNER_INDEX = 'obligations_by_owner_id';
const OWNER_INDEX_SQL = `CREATE INDEX IF NOT EXISTS ${OWNER_INDEX} ON obligations (owner_id)`;

export interface SyncStateRow {
  cursor: string | null;
  mode: 'full' | 'delta';
  generation: number;
  bulk: 0 | 1;
  full_syncs: number;
  rows_applied: number;
  last_success_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export interface PageToApply {
  /** The cursor the page was fetched after: it applies only on a copy still there (never twice, never out of order). */
  after: string | null;
  upserts: ObligationColumns;
  deletes: TombstoneColumns;
  cursor: string;
  /** The feed had nothing more: the copy has caught up (and a full pass is complete). */
  caughtUp: boolean;
  now: string;
}

/** Rows per multi-row upsert statement. */
const UPSERT_BATCH = 64;

/**
 * The local copy of the obligations feed and its place in the feed. Each page is applied in one
 * transaction together with its cursor, so a crash leaves the copy at a page boundary and a restart
 * resumes with the next page: no page is applied twice or in part.
 */
export function createSyncRepo(db: Db, feed = OBLIGATIONS_FEED) {
  db.prepare('INSERT OR IGNORE INTO sync_state (feed) VALUES (?)').run(feed);
  const readState = db.prepare<[string], SyncStateRow>(
    `SELECT cursor, mode, generation, bulk, full_syncs, rows_applied, last_success_at, last_attempt_at, last_error, last_error_at
     FROM sync_state WHERE feed = ?`,
  );
  const upsertSql = (rows: number) => `
    INSERT INTO obligations (id, kind, owner_type, owner_id, document, concept, student_name, validity_year,
      debt, paid, balance, installment, central_version, updated_at, sync_generation)
    VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
    ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, owner_type = excluded.owner_type, owner_id = excluded.owner_id,
      document = excluded.document, concept = excluded.concept, student_name = excluded.student_name,
      validity_year = excluded.validity_year, debt = excluded.debt, paid = excluded.paid, balance = excluded.balance,
      installment = excluded.installment, central_version = excluded.central_version, updated_at = excluded.updated_at,
      sync_generation = excluded.sync_generation`;
  const upsert = db.prepare(upsertSql(1));
  // Rows go in batches of one statement each: one call into SQLite per batch instead of per row is most of
  // what a full sync spends (15 parameters a row, 960 a batch, far below SQLite's limit).
  const upsertBatch = db.prepare(upsertSql(UPSERT_BATCH));
  const remove = db.prepare('DELETE FROM obligations WHERE id = ?');
  const sweep = db.prepare('DELETE FROM obligations WHERE sync_generation < ?');
  const anyRow = db.prepare<[], { one: number }>('SELECT 1 AS one FROM obligations LIMIT 1');
  const countRows = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM obligations');
  const startFull = db.prepare(
    `UPDATE sync_state SET mode = 'full', cursor = NULL, generation = generation + 1, bulk = ?, full_syncs = full_syncs + 1 WHERE feed = ?`,
  );
  const advance = db.prepare('UPDATE sync_state SET cursor = ?, rows_applied = rows_applied + ?, last_attempt_at = ? WHERE feed = ?');
  const complete = db.prepare(
    `UPDATE sync_state SET mode = 'delta', bulk = 0, last_success_at = ?, last_error = NULL, last_error_at = NULL WHERE feed = ?`,
  );
  const failed = db.prepare('UPDATE sync_state SET last_error = ?, last_error_at = ?, last_attempt_at = ? WHERE feed = ?');
  const indexExists = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = ?");

  /** Sorting a million keys: up to two helper threads (the feed is drained by now, so a core is free). */
  function buildOwnerIndex(): void {
    const threads = Number(db.pragma('threads', { simple: true }));
    db.pragma('threads = 2');
    try {
      db.exec(OWNER_INDEX_SQL);
    } finally {
      db.pragma(`threads = ${threads}`);
    }
  }

  function state(): SyncStateRow {
    const row = readState.get(feed);
    if (!row) throw new Error(`sync_state row for ${feed} is missing`);
    return row;
  }

  const beginFullTx = writeTransaction(db, () => {
    // A first load into an empty copy runs without the owner index and builds it once at the end: sorting
    // once is several times cheaper than keeping a B-tree in order through a million random inserts.
    // A restart during a bulk load stays one (its index is still missing).
    const bulk = anyRow.get() === undefined || state().bulk === 1;
    if (bulk) db.exec(`DROP INDEX IF EXISTS ${OWNER_INDEX}`);
    startFull.run(bulk ? 1 : 0, feed);
  });

  const applyTx = writeTransaction(db, (page: PageToApply) => {
    const current = state();
    if (current.cursor !== page.after) {
      throw new Error(
        `feed page fetched after cursor ${page.after ?? '(start)'} does not follow the copy, which is at ${current.cursor ?? '(start)'}`,
      );
    }
    const generation = current.generation;
    const u = page.upserts;
    const count = u.id.length;
    const params: unknown[] = new Array(UPSERT_BATCH * 15);
    let i = 0;
    for (; i + UPSERT_BATCH <= count; i += UPSERT_BATCH) {
      let p = 0;
      for (let j = i; j < i + UPSERT_BATCH; j++) {
        params[p++] = u.id[j];
        params[p++] = u.kind[j];
        params[p++] = u.ownerType[j];
        params[p++] = u.ownerId[j];
        params[p++] = u.document[j];
        params[p++] = u.concept[j];
        params[p++] = u.studentName[j];
        params[p++] = u.validityYear[j];
        params[p++] = u.debt[j];
        params[p++] = u.paid[j];
        params[p++] = u.balance[j];
        params[p++] = u.installment[j];
        params[p++] = u.version[j];
        params[p++] = u.updatedAt[j];
        params[p++] = generation;
      }
      upsertBatch.run(params);
    }
    for (; i < count; i++) {
      upsert.run(
        u.id[i],
        u.kind[i],
        u.ownerType[i],
        u.ownerId[i],
        u.document[i],
        u.concept[i],
        u.studentName[i],
        u.validityYear[i],
        u.debt[i],
        u.paid[i],
        u.balance[i],
        u.installment[i],
        u.version[i],
        u.updatedAt[i],
        generation,
      );
    }
    for (const id of page.deletes.id) remove.run(id);
    advance.run(page.cursor, u.id.length + page.deletes.id.length, page.now, feed);
    if (page.caughtUp) {
      if (current.mode === 'full') {
        // Rows an earlier pass wrote and this one did not see are gone at the central API. The very first
        // pass (generation 1) has no earlier rows, so it skips the scan.
        if (generation > 1) sweep.run(generation);
        if (current.bulk) buildOwnerIndex();
      }
      complete.run(page.now, feed);
    }
  });

  return {
    state,
    /** Starts (or restarts, when the central API says the cursor is too old) a full pass over the feed. */
    beginFull(): void {
      beginFullTx();
    },
    applyPage(page: PageToApply): void {
      // A page can always be fetched again, so its commit need not wait for the disk (WAL keeps the file
      // consistent; a power cut may undo the last pages and their cursor together, and they come again).
      // Every other transaction on this connection (payments) keeps its setting (FULL), whose next commit
      // also makes these frames durable.
      const previous = Number(db.pragma('synchronous', { simple: true }));
      db.pragma('synchronous = NORMAL');
      try {
        applyTx(page);
      } finally {
        db.pragma(`synchronous = ${previous}`);
      }
    },
    recordFailure(message: string, now: string): void {
      failed.run(message.slice(0, 500), now, now, feed);
    },
    localRows(): number {
      return countRows.get()?.n ?? 0;
    },
    /** Outside a first bulk load the owner index must exist (a crash cannot leave it missing for long). */
    ensureIndexes(): void {
      if (state().bulk === 0 && (indexExists.get(OWNER_INDEX)?.n ?? 0) === 0) db.exec(OWNER_INDEX_SQL);
    },
  };
}
export type SyncRepo = ReturnType<typeof createSyncRepo>;
