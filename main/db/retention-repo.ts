import type { Db } from './connection';
import { writeTransaction } from './transaction';

/** Rows changed by one retention pass, per kind of record. */
export interface RetentionCounts {
  payments: number;
  vouchers: number;
  printJobs: number;
  outbox: number;
  audit: number;
}

/** What a retention pass changes at most per statement: short transactions, so payments never wait long. */
const BATCH = 500;

/**
 * The retention policy's SQL: what of a record is personal, and when a record is settled enough to lose it.
 * Amounts, references, states, times, CUS and bank stay for as long as the database lives (they are the
 * sede's accounts); only what says *who* goes, and only from records nothing will act on again:
 * - payments in a final state (approved, rejected, failed), no longer polled, and, when approved, registered at
 *   the central API (its outbox item sent): the full subject id (cédula / NIT) and the gateway's form URL;
 * - vouchers of such payments: the payer's masked id (down to `****`), the payer's IP, a receipt's payer name;
 *   the document stays printable (the reprint is a COPIA without them);
 * - print jobs printed (never queued, printing or failed ones): the document copied into the job;
 * - outbox items sent (never pending or rejected ones): the payload;
 * - audit rows: the masked person (`member:****8901` → `member:[retention]`); operator accounts are staff
 *   accounts and stay.
 * Every statement takes the cut-off (ISO 8601 UTC, which orders as text) and at most BATCH rows.
 */
/** A payment nothing will act on again: final, no longer polled, and (if approved) registered centrally. */
const SETTLED = `p.state IN ('approved', 'rejected', 'failed') AND p.next_check_at IS NULL
  AND (p.state <> 'approved' OR EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = p.idempotency_key AND o.state = 'sent'))`;

export function createRetentionRepo(db: Db) {
  const payments = db.prepare(`UPDATE payments SET subject_id = NULL, form_url = NULL WHERE rowid IN (
      SELECT p.rowid FROM payments p
      WHERE p.updated_at < @cutoff AND (p.subject_id IS NOT NULL OR p.form_url IS NOT NULL) AND ${SETTLED}
      LIMIT ${BATCH})`);
  const vouchers = db.prepare(`UPDATE vouchers SET fields_json = json_replace(fields_json,
        '$.payerIdMasked', '****', '$.userIp', '', '$.payerName', NULL)
    WHERE rowid IN (
      SELECT v.rowid FROM vouchers v JOIN payments p ON p.id = v.payment_id
      WHERE v.created_at < @cutoff AND ${SETTLED}
        AND (json_extract(v.fields_json, '$.payerIdMasked') <> '****' OR json_extract(v.fields_json, '$.userIp') <> ''
             OR json_extract(v.fields_json, '$.payerName') IS NOT NULL)
      LIMIT ${BATCH})`);
  const printJobs = db.prepare(`UPDATE print_jobs SET payload_json = json_object('scrubbedAt', @now) WHERE rowid IN (
      SELECT rowid FROM print_jobs
      WHERE state = 'printed' AND printed_at < @cutoff AND json_extract(payload_json, '$.scrubbedAt') IS NULL
      LIMIT ${BATCH})`);
  const outbox = db.prepare(`UPDATE outbox SET payload_json = json_object('scrubbedAt', @now) WHERE rowid IN (
      SELECT rowid FROM outbox
      WHERE state = 'sent' AND sent_at < @cutoff AND json_extract(payload_json, '$.scrubbedAt') IS NULL
      LIMIT ${BATCH})`);
  // Audit rows only age: a pass looks at rows older than the cut-off and newer than the last pass's one.
  const audit = db.prepare(`UPDATE audit_log SET actor = substr(actor, 1, instr(actor, ':')) || '[retention]' WHERE rowid IN (
      SELECT rowid FROM audit_log
      WHERE at < @cutoff AND at >= @since
        AND (actor LIKE 'member:%' OR actor LIKE 'company:%' OR actor LIKE 'operator:unknown(%')
        AND actor NOT LIKE '%:[retention]'
      LIMIT ${BATCH})`);

  const step = (statement: typeof payments, params: Record<string, string>): number => statement.run(params).changes;

  return {
    /**
     * One batch of each kind; the caller repeats while anything changed (between batches the event loop
     * runs, so screens and payments are not held up by a first pass over years of records).
     */
    scrubBatch(cutoff: string, since: string, now: string): RetentionCounts {
      // secure_delete overwrites what an update frees, so the old values do not linger in the file's free pages.
      const before = db.pragma('secure_delete', { simple: true }) as number;
      db.pragma('secure_delete = ON');
      try {
        return writeTransaction(db, () => ({
          payments: step(payments, { cutoff }),
          vouchers: step(vouchers, { cutoff }),
          printJobs: step(printJobs, { cutoff, now }),
          outbox: step(outbox, { cutoff, now }),
          audit: step(audit, { cutoff, since }),
        }))();
      } finally {
        db.pragma(`secure_delete = ${before}`);
      }
    },
  };
}
export type RetentionRepo = ReturnType<typeof createRetentionRepo>;
