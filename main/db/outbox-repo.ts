import type { Db } from './connection';

export interface OutboxItemRow {
  id: number;
  idempotency_key: string;
  kind: string;
  payload_json: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
}

export interface RejectedRow {
  id: number;
  idempotency_key: string;
  kind: string;
  rejected_code: string | null;
  last_error: string | null;
  attempts: number;
  created_at: string;
  rejected_at: string | null;
}

/**
 * The outbox table: what this terminal must tell the central API, durable before anything is sent. Items
 * leave `pending` only as `sent` (the central API acknowledged them) or `rejected` (it refused them, with
 * its reason, kept for a person to look at).
 */
export function createOutboxRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO outbox (idempotency_key, kind, payload_json, state, attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
  );
  const byKey = db.prepare<[string], { id: number; kind: string; payload_json: string }>(
    'SELECT id, kind, payload_json FROM outbox WHERE idempotency_key = ?',
  );
  const head = db.prepare<[], OutboxItemRow>(
    `SELECT id, idempotency_key, kind, payload_json, attempts, next_attempt_at, last_error, created_at
     FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1`,
  );
  const sent = db.prepare(
    `UPDATE outbox SET state = 'sent', sent_at = ?, last_attempt_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND state = 'pending'`,
  );
  const retry = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, last_attempt_at = ? WHERE id = ? AND state = 'pending'`,
  );
  const reject = db.prepare(
    `UPDATE outbox SET state = 'rejected', attempts = attempts + 1, rejected_code = ?, last_error = ?, rejected_at = ?, last_attempt_at = ? WHERE id = ? AND state = 'pending'`,
  );
  const sending = db.prepare('UPDATE outbox SET send_started_at = COALESCE(send_started_at, ?) WHERE id = ?');
  // Only an item that never started leaving may be withdrawn: one that did may have reached the central API.
  const withdraw = db.prepare(`DELETE FROM outbox WHERE idempotency_key = ? AND state = 'pending' AND send_started_at IS NULL`);
  const stateOf = db.prepare<[string], { state: string; send_started_at: string | null }>(
    'SELECT state, send_started_at FROM outbox WHERE idempotency_key = ?',
  );
  const counts = db.prepare<[], { state: string; n: number; oldest: string | null }>(
    'SELECT state, count(*) AS n, min(created_at) AS oldest FROM outbox GROUP BY state',
  );
  const rejected = db.prepare<[number], RejectedRow>(
    `SELECT id, idempotency_key, kind, rejected_code, last_error, attempts, created_at, rejected_at
     FROM outbox WHERE state = 'rejected' ORDER BY id DESC LIMIT ?`,
  );

  return {
    /** Adds an item unless one with the same idempotency key exists; says which item holds the key. */
    enqueue(item: { idempotencyKey: string; kind: string; payloadJson: string; now: string }): { id: number; created: boolean } {
      const result = insert.run(item.idempotencyKey, item.kind, item.payloadJson, item.now, item.now);
      const row = byKey.get(item.idempotencyKey);
      if (!row) throw new Error('outbox item vanished after insert');
      return { id: row.id, created: result.changes === 1 };
    },
    /** The oldest pending item: items go out in the order they were written. */
    head(): OutboxItemRow | undefined {
      return head.get();
    },
    /** Written before each send (kept from the first): from then on the item may be known centrally. */
    markSending(id: number, now: string): void {
      sending.run(now, id);
    },
    /** Removes a pending item that never started leaving; false when it did (or is gone). */
    withdraw(idempotencyKey: string): boolean {
      return withdraw.run(idempotencyKey).changes === 1;
    },
    stateOf(idempotencyKey: string): { state: string; sendStarted: boolean } | null {
      const row = stateOf.get(idempotencyKey);
      return row ? { state: row.state, sendStarted: row.send_started_at !== null } : null;
    },
    markSent(id: number, now: string): void {
      sent.run(now, now, id);
    },
    markRetry(id: number, nextAttemptAt: string, error: string, now: string): void {
      retry.run(nextAttemptAt, error.slice(0, 500), now, id);
    },
    markRejected(id: number, code: string, reason: string, now: string): void {
      reject.run(code.slice(0, 64), reason.slice(0, 500), now, now, id);
    },
    summary(): { pending: number; sent: number; rejected: number; oldestPendingAt: string | null } {
      const out = { pending: 0, sent: 0, rejected: 0, oldestPendingAt: null as string | null };
      for (const row of counts.all()) {
        if (row.state === 'pending') {
          out.pending = row.n;
          out.oldestPendingAt = row.oldest;
        } else if (row.state === 'sent') out.sent = row.n;
        else if (row.state === 'rejected') out.rejected = row.n;
      }
      return out;
    },
    rejected(limit = 20): RejectedRow[] {
      return rejected.all(limit);
    },
  };
}
export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
