import type Database from 'better-sqlite3';
import type { Db } from './connection';

type Statement = Database.Statement<[string, string, string, string, string]>;
const statements = new WeakMap<Db, Statement>();

function insertStatement(db: Db): Statement {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare(
      `INSERT INTO outbox (idempotency_key, kind, payload_json, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
    );
    statements.set(db, statement);
  }
  return statement;
}

/**
 * Puts one item in the outbox (table of 0001), to be sent to the central API by `main/sync/`. The idempotency
 * key is unique: enqueuing the same key twice keeps the first item and reports `false`, so an item is sent
 * exactly once however often its cause is replayed. Call it inside the transaction that records the cause.
 *
 * (Stand-in until the outbox module of `main/sync/` lands; the lead reconciles the two.)
 */
export function enqueueOutbox(
  db: Db,
  item: { idempotencyKey: string; kind: string; payload: unknown; now?: string },
): boolean {
  const now = item.now ?? new Date().toISOString();
  const result = insertStatement(db).run(item.idempotencyKey, item.kind, JSON.stringify(item.payload), now, now);
  return result.changes === 1;
}
