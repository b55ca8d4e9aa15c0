/**
 * One payment record for every method (0001 already has `method`, `operator_id` and `shift_id`):
 * - receipt_number: a desk payment's *recibo de caja* number (`<prefix>-<n>`), unique; PSE payments have none.
 * - method_json: what only one method has (cash: received and change; card: franchise, last four digits,
 *   authorization code) and the obligation's local balance before the payment (shown if a conflict arises).
 * - registration_cancelled_at: a voided desk payment whose registration never left the terminal was withdrawn
 *   from the outbox instead of being registered and then voided centrally.
 * - receipt_counters: the last number taken per prefix. It is advanced in the payment's own transaction, so a
 *   number is never skipped (a crash rolls both back) nor reused (both commit).
 * - outbox.send_started_at: written before a send, so an item that may have reached the central API (the app
 *   died mid-send) is never withdrawn, only answered with a void.
 */
export const sql = `
ALTER TABLE payments ADD COLUMN receipt_number TEXT;
ALTER TABLE payments ADD COLUMN method_json TEXT;
ALTER TABLE payments ADD COLUMN registration_cancelled_at TEXT;
CREATE UNIQUE INDEX payments_by_receipt ON payments (receipt_number) WHERE receipt_number IS NOT NULL;
CREATE INDEX payments_by_shift ON payments (shift_id, created_at) WHERE shift_id IS NOT NULL;

CREATE TABLE receipt_counters (
  prefix TEXT PRIMARY KEY,
  last_number INTEGER NOT NULL CHECK (last_number >= 0)
) STRICT;

ALTER TABLE outbox ADD COLUMN send_started_at TEXT;
`;
