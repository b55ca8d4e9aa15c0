import type { Db } from './connection';
import { writeTransaction } from './transaction';

/** A shift as stored (table `shifts` of 0009). */
export interface ShiftRow {
  id: string;
  request_id: string;
  state: 'open' | 'closed';
  operator_username: string;
  operator_name: string;
  opening_float: number;
  opened_at: string;
  closed_at: string | null;
  close_request_id: string | null;
  counted_cash: number | null;
  denominations_json: string | null;
  expected_cash: number | null;
  difference: number | null;
  authorized_by: string | null;
  unregistered_count: number | null;
  unregistered_acknowledged: 0 | 1;
  note: string | null;
  report_json: string | null;
  print_job_id: string | null;
  print_problem: string | null;
}

export interface ShiftClosing {
  id: string;
  closeRequestId: string;
  closedAt: string;
  countedCash: number;
  denominationsJson: string | null;
  expectedCash: number;
  difference: number;
  authorizedBy: string | null;
  unregisteredCount: number;
  unregisteredAcknowledged: boolean;
  note: string | null;
  reportJson: string;
}

/** One desk payment of a shift with where its central registration stands. */
export interface ShiftPaymentRow {
  id: string;
  method: 'pse' | 'cash' | 'card';
  state: string;
  amount: number;
  receipt_number: string | null;
  reference: string;
  obligation_id: string;
  operator_id: string | null;
  created_at: string;
  registration_cancelled_at: string | null;
  outbox_state: string | null;
  conflict_id: string | null;
}

export interface VoidRow {
  payment_id: string;
  request_id: string;
  reason: string;
  supervisor: string;
  central: 'queued' | 'cancelled';
  balance_after: number;
  print_job_id: string | null;
  print_problem: string | null;
  voided_at: string;
}

export interface ConflictRow {
  id: string;
  payment_id: string;
  central_code: string;
  central_balance: number | null;
  central_message: string;
  detected_at: string;
  resolved_by: string | null;
  resolved_note: string | null;
  resolved_at: string | null;
}

/**
 * The desk's tables: shifts, voids and conflicts, and the shift's payments joined with their outbox items. Every
 * write is one statement, so it joins the caller's transaction (a payment, a void, a close commit whole).
 */
export function createDeskRepo(db: Db) {
  const open = db.prepare<[], ShiftRow>(`SELECT * FROM shifts WHERE state = 'open'`);
  const byId = db.prepare<[string], ShiftRow>('SELECT * FROM shifts WHERE id = ?');
  const byRequest = db.prepare<[string, string], ShiftRow>('SELECT * FROM shifts WHERE request_id = ? OR close_request_id = ?');
  const latest = db.prepare<[], ShiftRow>('SELECT * FROM shifts ORDER BY opened_at DESC, rowid DESC LIMIT 1');
  const insertShift = db.prepare(
    `INSERT INTO shifts (id, request_id, state, operator_username, operator_name, opening_float, opened_at)
     VALUES (@id, @requestId, 'open', @username, @name, @openingFloat, @at)`,
  );
  const closeShift = db.prepare(
    `UPDATE shifts SET state = 'closed', closed_at = @closedAt, close_request_id = @closeRequestId, counted_cash = @countedCash,
       denominations_json = @denominationsJson, expected_cash = @expectedCash, difference = @difference, authorized_by = @authorizedBy,
       unregistered_count = @unregisteredCount, unregistered_acknowledged = @ack, note = @note, report_json = @reportJson
     WHERE id = @id AND state = 'open'`,
  );
  const setPrint = db.prepare('UPDATE shifts SET print_job_id = ?, print_problem = ? WHERE id = ?');
  const payments = db.prepare<[string], ShiftPaymentRow>(
    `SELECT p.id, p.method, p.state, p.amount, p.receipt_number, p.reference, p.obligation_id, p.operator_id, p.created_at,
       p.registration_cancelled_at, o.state AS outbox_state, c.id AS conflict_id
     FROM payments p LEFT JOIN outbox o ON o.idempotency_key = p.idempotency_key LEFT JOIN payment_conflicts c ON c.payment_id = p.id
     WHERE p.shift_id = ? ORDER BY p.created_at DESC, p.rowid DESC`,
  );
  const insertVoid = db.prepare(
    `INSERT INTO payment_voids (payment_id, request_id, reason, supervisor, central, balance_after, print_job_id, print_problem, voided_at)
     VALUES (@paymentId, @requestId, @reason, @supervisor, @central, @balanceAfter, @printJobId, @printProblem, @voidedAt)`,
  );
  const voidOf = db.prepare<[string], VoidRow>('SELECT * FROM payment_voids WHERE payment_id = ?');
  const voidByRequest = db.prepare<[string], VoidRow>('SELECT * FROM payment_voids WHERE request_id = ?');
  const cancelRegistration = db.prepare('UPDATE payments SET registration_cancelled_at = ? WHERE id = ?');
  const insertConflict = db.prepare(
    `INSERT INTO payment_conflicts (id, payment_id, central_code, central_balance, central_message, detected_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING`,
  );
  const conflicts = db.prepare<[number], ConflictRow>(
    'SELECT * FROM payment_conflicts WHERE (? = 1 OR resolved_at IS NULL) ORDER BY detected_at DESC, rowid DESC',
  );
  const conflict = db.prepare<[string], ConflictRow>('SELECT * FROM payment_conflicts WHERE id = ?');
  const resolve = db.prepare(
    'UPDATE payment_conflicts SET resolved_by = ?, resolved_note = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL',
  );
  const conflictOfPayment = db.prepare<[string], { id: string }>('SELECT id FROM payment_conflicts WHERE payment_id = ?');
  const jobsOfVoucher = db.prepare<[string], { id: string }>(
    'SELECT id FROM print_jobs WHERE voucher_id = ? AND copy = 0 ORDER BY created_at',
  );
  const paymentByKey = db.prepare<[string], { id: string }>('SELECT id FROM payments WHERE idempotency_key = ?');

  return {
    transaction<T>(fn: () => T): T {
      return writeTransaction(db, fn)();
    },
    openShift: () => open.get(),
    shift: (id: string) => byId.get(id),
    shiftByRequest: (requestId: string) => byRequest.get(requestId, requestId),
    latestShift: () => latest.get(),
    insertShift(shift: { id: string; requestId: string; username: string; name: string; openingFloat: number; at: string }): void {
      insertShift.run(shift);
    },
    closeShift(c: ShiftClosing): boolean {
      const row = { ...c, ack: c.unregisteredAcknowledged ? 1 : 0 };
      return closeShift.run(row).changes === 1;
    },
    setShiftPrint(id: string, jobId: string | null, problem: string | null): void {
      setPrint.run(jobId, problem, id);
    },
    shiftPayments: (shiftId: string) => payments.all(shiftId),
    insertVoid(v: {
      paymentId: string;
      requestId: string;
      reason: string;
      supervisor: string;
      central: 'queued' | 'cancelled';
      balanceAfter: number;
      printJobId: string | null;
      printProblem: string | null;
      voidedAt: string;
    }): void {
      insertVoid.run(v);
    },
    voidOf: (paymentId: string) => voidOf.get(paymentId),
    voidByRequest: (requestId: string) => voidByRequest.get(requestId),
    cancelRegistration(paymentId: string, at: string): void {
      cancelRegistration.run(at, paymentId);
    },
    insertConflict(c: { id: string; paymentId: string; code: string; balance: number | null; message: string; at: string }): boolean {
      return insertConflict.run(c.id, c.paymentId, c.code, c.balance, c.message, c.at).changes === 1;
    },
    conflicts: (includeResolved: boolean) => conflicts.all(includeResolved ? 1 : 0),
    conflict: (id: string) => conflict.get(id),
    resolveConflict(id: string, by: string, note: string, at: string): boolean {
      return resolve.run(by, note, at, id).changes === 1;
    },
    conflictOfPayment: (paymentId: string) => conflictOfPayment.get(paymentId)?.id ?? null,
    /** The original print jobs of a stored receipt (a COPIA is not one). */
    jobsOfVoucher: (voucherId: string) => jobsOfVoucher.all(voucherId).map((row) => row.id),
    paymentIdByKey: (key: string) => paymentByKey.get(key)?.id ?? null,
  };
}
export type DeskRepo = ReturnType<typeof createDeskRepo>;
