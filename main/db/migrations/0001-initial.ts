/** The first schema. Later changes come as new numbered files only; this text never changes once shipped. */
export const sql = `
CREATE TABLE terminal_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  site_id TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'desk')),
  first_started_at TEXT NOT NULL,
  last_started_at TEXT NOT NULL
) STRICT;

CREATE TABLE members (
  cedula TEXT PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT,
  phone_tail TEXT,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE companies (
  nit TEXT PRIMARY KEY,
  legal_name TEXT NOT NULL,
  email TEXT,
  phone_tail TEXT,
  updated_at TEXT NOT NULL
) STRICT;

-- Credits (libranza) and enrollment slips (jardín) share one table: both are things a person pays.
CREATE TABLE obligations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('credit', 'enrollmentSlip')),
  owner_type TEXT NOT NULL CHECK (owner_type IN ('member', 'company', 'student')),
  owner_id TEXT NOT NULL,
  document TEXT NOT NULL,
  concept TEXT NOT NULL,
  student_name TEXT,
  validity_year INTEGER,
  debt INTEGER NOT NULL CHECK (debt >= 0),
  paid INTEGER NOT NULL CHECK (paid >= 0),
  balance INTEGER NOT NULL CHECK (balance >= 0),
  installment INTEGER NOT NULL CHECK (installment >= 0),
  central_version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX obligations_by_owner ON obligations (owner_type, owner_id);

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  obligation_id TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('pse', 'cash', 'card')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  state TEXT NOT NULL,
  payer_type TEXT NOT NULL,
  payer_id_tail TEXT NOT NULL,
  gateway_order_id TEXT,
  cus TEXT,
  bank_name TEXT,
  operator_id TEXT,
  shift_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX payments_by_obligation ON payments (obligation_id, state);
CREATE INDEX payments_by_state ON payments (state, updated_at);

CREATE TABLE payment_events (
  id INTEGER PRIMARY KEY,
  payment_id TEXT NOT NULL REFERENCES payments (id),
  from_state TEXT,
  to_state TEXT NOT NULL,
  detail TEXT,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX payment_events_by_payment ON payment_events (payment_id, id);

CREATE TABLE vouchers (
  id TEXT PRIMARY KEY,
  payment_id TEXT NOT NULL UNIQUE REFERENCES payments (id),
  fields_json TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);

CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  voucher_id TEXT REFERENCES vouchers (id),
  payload_json TEXT NOT NULL,
  copy INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'printing', 'printed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  printed_at TEXT
) STRICT;
CREATE INDEX print_jobs_due ON print_jobs (state, next_attempt_at);

CREATE TABLE sync_state (
  feed TEXT PRIMARY KEY,
  cursor TEXT,
  last_success_at TEXT,
  last_error TEXT,
  rows_applied INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  event TEXT NOT NULL,
  actor TEXT,
  detail TEXT
) STRICT;
CREATE INDEX audit_log_by_at ON audit_log (at);
`;
