import type { Db } from './connection';

export type PrintJobState = 'queued' | 'printing' | 'printed' | 'failed';

export interface PrintJobRow {
  id: string;
  kind: string;
  voucher_id: string | null;
  payload_json: string;
  copy: 0 | 1;
  state: PrintJobState;
  attempts: number;
  partial_sends: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  queued_at: string | null;
  last_attempt_at: string | null;
  printed_at: string | null;
}

export interface NewPrintJob {
  id: string;
  kind: string;
  voucherId: string | null;
  payloadJson: string;
  copy: boolean;
  now: string;
}

const columns =
  'id, kind, voucher_id, payload_json, copy, state, attempts, partial_sends, next_attempt_at, last_error, created_at, queued_at, last_attempt_at, printed_at';

/**
 * The print queue in SQLite: queued → printing → printed | failed. Every change is one statement, so it is
 * atomic on its own and joins the caller's transaction when there is one (a voucher and its job commit
 * together). Times are ISO 8601 UTC strings, which order as text.
 */
export function createPrintJobsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO print_jobs (id, kind, voucher_id, payload_json, copy, state, attempts, next_attempt_at, created_at, queued_at)
     VALUES (@id, @kind, @voucherId, @payloadJson, @copy, 'queued', 0, @now, @now, @now)`,
  );
  // A document that could not be built: a job born failed, so the status screen shows it as the last one.
  const insertFailed = db.prepare(
    `INSERT INTO print_jobs
       (id, kind, voucher_id, payload_json, copy, state, attempts, next_attempt_at, last_error, created_at, last_attempt_at)
     VALUES (@id, @kind, @voucherId, @payloadJson, 0, 'failed', 0, @now, @error, @now, @now)`,
  );
  const byId = db.prepare<[string], PrintJobRow>(`SELECT ${columns} FROM print_jobs WHERE id = ?`);
  // One printer, one queue: when anything is due, the oldest queued job goes first (FIFO on paper).
  const due = db.prepare<[string], PrintJobRow>(
    `SELECT ${columns} FROM print_jobs
     WHERE state = 'queued' AND EXISTS (SELECT 1 FROM print_jobs d WHERE d.state = 'queued' AND d.next_attempt_at <= ?)
     ORDER BY created_at, rowid LIMIT 1`,
  );
  const nextWake = db.prepare<[], { at: string | null }>(`SELECT MIN(next_attempt_at) AS at FROM print_jobs WHERE state = 'queued'`);
  const claim = db.prepare(
    `UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, last_attempt_at = @now WHERE id = @id AND state = 'queued'`,
  );
  const printed = db.prepare(
    `UPDATE print_jobs SET state = 'printed', printed_at = @now, last_error = NULL WHERE id = @id AND state = 'printing'`,
  );
  const retry = db.prepare(
    `UPDATE print_jobs SET state = 'queued', next_attempt_at = @next, last_error = @error, partial_sends = partial_sends + @partial
     WHERE id = @id AND state = 'printing'`,
  );
  const fail = db.prepare(
    `UPDATE print_jobs SET state = 'failed', last_error = @error, partial_sends = partial_sends + @partial WHERE id = @id AND state IN ('printing', 'queued')`,
  );
  const interrupted = db.prepare(
    `UPDATE print_jobs SET state = 'queued', next_attempt_at = @now, partial_sends = partial_sends + 1,
       last_error = 'interrupted: the application stopped while the job was being sent' WHERE state = 'printing'`,
  );
  const hurry = db.prepare(`UPDATE print_jobs SET next_attempt_at = @now WHERE state = 'queued' AND next_attempt_at > @now`);
  const postpone = db.prepare(`UPDATE print_jobs SET next_attempt_at = @next WHERE state = 'queued' AND next_attempt_at < @next`);
  const requeue = db.prepare(
    `UPDATE print_jobs SET state = 'queued', next_attempt_at = @now, queued_at = @now WHERE id = @id AND state IN ('failed', 'queued')`,
  );
  const forVoucher = db.prepare<[string], PrintJobRow>(`SELECT ${columns} FROM print_jobs WHERE voucher_id = ? ORDER BY created_at, rowid`);
  const latest = db.prepare<[], PrintJobRow>(
    `SELECT ${columns} FROM print_jobs WHERE last_attempt_at IS NOT NULL ORDER BY last_attempt_at DESC, rowid DESC LIMIT 1`,
  );
  const counts = db.prepare<[string], { queued: number; retrying: number; failed: number }>(
    `SELECT
       COALESCE(SUM(state IN ('queued', 'printing')), 0) AS queued,
       COALESCE(SUM(state = 'queued' AND attempts > 0), 0) AS retrying,
       COALESCE(SUM(state = 'failed' AND created_at >= ?), 0) AS failed
     FROM print_jobs`,
  );
  const voucherFields = db.prepare<[string], { fields_json: string }>('SELECT fields_json FROM vouchers WHERE id = ?');

  return {
    insert(job: NewPrintJob): void {
      insert.run({ ...job, copy: job.copy ? 1 : 0 });
    },
    /** A job that can never be sent (its document could not be built), recorded as failed with its reason. */
    insertFailed(job: Omit<NewPrintJob, 'copy'> & { error: string }): void {
      insertFailed.run(job);
    },
    get(id: string): PrintJobRow | undefined {
      return byId.get(id);
    },
    /** The oldest job whose time has come. */
    nextDue(now: string): PrintJobRow | undefined {
      return due.get(now);
    },
    nextWakeAt(): string | null {
      return nextWake.get()?.at ?? null;
    },
    /** Takes a queued job for sending; false if another worker or a state change got there first. */
    claim(id: string, now: string): boolean {
      return claim.run({ id, now }).changes === 1;
    },
    markPrinted(id: string, now: string): void {
      printed.run({ id, now });
    },
    markRetry(id: string, next: string, error: string, partial: boolean): void {
      retry.run({ id, next, error, partial: partial ? 1 : 0 });
    },
    markFailed(id: string, error: string, partial: boolean): void {
      fail.run({ id, error, partial: partial ? 1 : 0 });
    },
    /** After a crash: jobs caught mid-send go back to the queue, counted as possibly partial. */
    recoverInterrupted(now: string): number {
      return interrupted.run({ now }).changes;
    },
    /** The printer answered again: everything waiting for its back-off may go now. */
    hurryQueued(now: string): number {
      return hurry.run({ now }).changes;
    },
    /** The printer failed: the whole queue waits out the back-off together (it is one printer). */
    postponeQueued(next: string): number {
      return postpone.run({ next }).changes;
    },
    /** A failed (or waiting) job goes back to the queue now, with a fresh retry window. */
    requeue(id: string, now: string): boolean {
      return requeue.run({ id, now }).changes === 1;
    },
    jobsOfVoucher(voucherId: string): PrintJobRow[] {
      return forVoucher.all(voucherId);
    },
    lastAttempted(): PrintJobRow | undefined {
      return latest.get();
    },
    counts(failedSince: string): { queued: number; retrying: number; failed: number } {
      return counts.get(failedSince) ?? { queued: 0, retrying: 0, failed: 0 };
    },
    /** `vouchers.fields_json` of a voucher, as stored by the payments code; undefined when there is none. */
    voucherFields(voucherId: string): string | undefined {
      return voucherFields.get(voucherId)?.fields_json;
    },
  };
}
export type PrintJobsRepo = ReturnType<typeof createPrintJobsRepo>;
