/**
 * The cashier desk: shifts, voids and conflicts.
 * - shifts: one open at a time per terminal (partial unique index); the close's count, difference, who
 *   authorised it and the report as printed (`report_json`) are kept with it.
 * - payment_voids: a desk payment voided by a supervisor, with the reason; `central` says whether the void went
 *   to the outbox (`queued`) or the registration was withdrawn before it left (`cancelled`).
 * - payment_conflicts: a payment taken offline that the central API refused because the obligation was paid or
 *   changed meanwhile; both sides are kept for the supervisor, who settles it with a note.
 */
export const sql = `
CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  operator_username TEXT NOT NULL,
  operator_name TEXT NOT NULL,
  opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  close_request_id TEXT UNIQUE,
  counted_cash INTEGER CHECK (counted_cash >= 0),
  denominations_json TEXT,
  expected_cash INTEGER,
  difference INTEGER,
  authorized_by TEXT,
  unregistered_count INTEGER,
  unregistered_acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (unregistered_acknowledged IN (0, 1)),
  note TEXT,
  report_json TEXT,
  print_job_id TEXT,
  print_problem TEXT
) STRICT;
CREATE UNIQUE INDEX shifts_one_open ON shifts (state) WHERE state = 'open';

CREATE TABLE payment_voids (
  payment_id TEXT PRIMARY KEY REFERENCES payments (id),
  request_id TEXT NOT NULL UNIQUE,
  reason TEXT NOT NULL,
  supervisor TEXT NOT NULL,
  central TEXT NOT NULL CHECK (central IN ('queued', 'cancelled')),
  balance_after INTEGER NOT NULL,
  print_job_id TEXT,
  print_problem TEXT,
  voided_at TEXT NOT NULL
) STRICT;

CREATE TABLE payment_conflicts (
  id TEXT PRIMARY KEY,
  payment_id TEXT NOT NULL UNIQUE REFERENCES payments (id),
  central_code TEXT NOT NULL,
  central_balance INTEGER,
  central_message TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  resolved_by TEXT,
  resolved_note TEXT,
  resolved_at TEXT
) STRICT;
`;
