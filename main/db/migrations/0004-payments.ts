/**
 * PSE payments beyond 0001's tables: who asked (for the session's history), the client's request id (a double
 * tap returns the same payment), the gateway's form URL and bank, and the reconciliation schedule, which lives
 * in the database so a restart resumes it. `gateway_cache` keeps the PSE bank list between starts.
 */
export const sql = `
ALTER TABLE payments ADD COLUMN request_id TEXT;
ALTER TABLE payments ADD COLUMN subject_type TEXT;
ALTER TABLE payments ADD COLUMN subject_id TEXT;
ALTER TABLE payments ADD COLUMN amount_choice TEXT;
ALTER TABLE payments ADD COLUMN bank_code TEXT;
ALTER TABLE payments ADD COLUMN form_url TEXT;
ALTER TABLE payments ADD COLUMN gateway_order_status INTEGER;
ALTER TABLE payments ADD COLUMN ach_status TEXT;
ALTER TABLE payments ADD COLUMN window_started_at TEXT;
ALTER TABLE payments ADD COLUMN next_check_at TEXT;
ALTER TABLE payments ADD COLUMN last_checked_at TEXT;
CREATE UNIQUE INDEX payments_by_request ON payments (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX payments_by_subject ON payments (subject_type, subject_id, created_at);
CREATE INDEX payments_due ON payments (next_check_at) WHERE next_check_at IS NOT NULL;

CREATE TABLE gateway_cache (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  fetched_at TEXT NOT NULL
) STRICT;
`;
