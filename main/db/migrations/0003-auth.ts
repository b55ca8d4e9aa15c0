/**
 * Operator sign-in at cashier desks: the operator list cached from the central API (so sign-in works offline;
 * PINs only as scrypt hashes) and the lock-out counters, which must survive a restart.
 * Person sessions are deliberately not persisted: a restart of a kiosk ends whatever session was open.
 */
export const sql = `
CREATE TABLE operators (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor')),
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  fetched_at TEXT NOT NULL
) STRICT;

CREATE TABLE sign_in_lockouts (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_failure_at TEXT,
  locked_until TEXT
) STRICT;
`;
