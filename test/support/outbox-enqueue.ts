import type { Db } from '../../main/db/connection';
import { createOutboxRepo, type OutboxRepo } from '../../main/db/outbox-repo';

const repos = new WeakMap<Db, OutboxRepo>();

/**
 * Puts one item in the outbox for the worker of `main/sync/outbox.ts`, from code that holds only the
 * database (tests, child processes). The app itself enqueues through its data layer, which also wakes the
 * worker. The idempotency key is unique: the same key twice keeps the first item and answers `false`.
 */
export function enqueueOutbox(db: Db, item: { idempotencyKey: string; kind: string; payload: unknown; now?: string }): boolean {
  let repo = repos.get(db);
  if (!repo) {
    repo = createOutboxRepo(db);
    repos.set(db, repo);
  }
  const now = item.now ?? new Date().toISOString();
  return repo.enqueue({ idempotencyKey: item.idempotencyKey, kind: item.kind, payloadJson: JSON.stringify(item.payload), now }).created;
}
