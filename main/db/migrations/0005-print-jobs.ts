/**
 * Print jobs, beyond 0001: how many attempts may have put paper out (a resend is printed as one), when the
 * job last went to the printer, when its retry window started, and a lookup of a voucher's jobs.
 */
export const sql = `
ALTER TABLE print_jobs ADD COLUMN partial_sends INTEGER NOT NULL DEFAULT 0 CHECK (partial_sends >= 0);
ALTER TABLE print_jobs ADD COLUMN last_attempt_at TEXT;
ALTER TABLE print_jobs ADD COLUMN queued_at TEXT;
UPDATE print_jobs SET queued_at = created_at;
CREATE INDEX print_jobs_by_voucher ON print_jobs (voucher_id, created_at);
`;
