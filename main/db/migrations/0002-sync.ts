/**
 * What the delta sync and the outbox need beyond 0001.
 * - obligations.sync_generation: the full sync that last wrote the row; after a full sync completes, rows of
 *   older generations are gone at the central API (their tombstones may have been forgotten) and are deleted.
 * - sync_state: the feed's mode ('full' until the first full pass completes, then 'delta'), the generation of
 *   the current full pass, `bulk` while a first full load runs without the owner index (rebuilt at its end),
 *   and when the last attempt and the last error happened. `last_success_at` is when the copy last caught up.
 * - outbox: when the last attempt happened, and for items set aside the central API's code and when.
 */
export const sql = `
ALTER TABLE obligations ADD COLUMN sync_generation INTEGER NOT NULL DEFAULT 0;

ALTER TABLE sync_state ADD COLUMN mode TEXT NOT NULL DEFAULT 'full' CHECK (mode IN ('full', 'delta'));
ALTER TABLE sync_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN bulk INTEGER NOT NULL DEFAULT 0 CHECK (bulk IN (0, 1));
ALTER TABLE sync_state ADD COLUMN full_syncs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN last_attempt_at TEXT;
ALTER TABLE sync_state ADD COLUMN last_error_at TEXT;

ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN rejected_code TEXT;
ALTER TABLE outbox ADD COLUMN rejected_at TEXT;
CREATE INDEX outbox_by_state ON outbox (state, id);
`;
