import type { Db } from './connection';
import type { ObligationTableRow } from './obligations-repo';
import type { PaymentMethod, PaymentState } from '../domain/payment-record';
import { writeTransaction } from './transaction';

/**
 * One payment as stored, whatever its method (table `payments` of 0001, PSE's columns of 0004, the desk's of 0008).
 * PSE fields (bank, order, CUS, schedule) are null for cash and card; desk fields (operator, shift, receipt
 * number, `methodJson`) are null for a kiosk's PSE payment.
 */
export interface PaymentRecord {
  id: string;
  reference: string;
  idempotencyKey: string;
  requestId: string | null;
  obligationId: string;
  method: PaymentMethod;
  operatorId: string | null;
  shiftId: string | null;
  receiptNumber: string | null;
  /** JSON of the method's own facts (cash received and change, the card slip), see main/desk. */
  methodJson: string | null;
  registrationCancelledAt: string | null;
  amount: number;
  amountChoice: string | null;
  state: PaymentState;
  subjectType: string | null;
  subjectId: string | null;
  payerType: string;
  payerIdTail: string;
  bankCode: string | null;
  bankName: string | null;
  orderId: string | null;
  formUrl: string | null;
  cus: string | null;
  orderStatus: number | null;
  achStatus: string | null;
  windowStartedAt: string | null;
  nextCheckAt: string | null;
  lastCheckedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewPayment {
  id: string;
  reference: string;
  idempotencyKey: string;
  requestId: string;
  obligationId: string;
  amount: number;
  amountChoice: string;
  subjectType: string;
  subjectId: string;
  payerType: string;
  payerIdTail: string;
  bankCode: string;
  bankName: string | null;
  /** The reconciliation schedule starts with the payment, so a crash during register.do is found later. */
  windowStartedAt: string;
  nextCheckAt: string;
  /** A PSE payment started at a cashier desk on the person's behalf: whose it is and the shift it belongs to. */
  operatorId?: string | null;
  shiftId?: string | null;
}

/** A desk payment (cash, card): born approved, numbered, in the operator's shift. */
export interface NewDeskPayment {
  id: string;
  idempotencyKey: string;
  requestId: string;
  obligationId: string;
  method: 'cash' | 'card';
  amount: number;
  amountChoice: string;
  payerType: string;
  payerIdTail: string;
  operatorId: string;
  shiftId: string;
  receiptNumber: string;
  methodJson: string;
}
export type NewDeskPaymentInput = Omit<NewDeskPayment, 'receiptNumber'>;

/** Fields a transition may set; `undefined` keeps the stored value. */
export interface PaymentPatch {
  orderId?: string;
  formUrl?: string;
  cus?: string;
  bankName?: string;
  orderStatus?: number;
  achStatus?: string;
  windowStartedAt?: string;
  nextCheckAt?: string | null;
  lastCheckedAt?: string;
}

/** What a payment needs of its obligation: everything but the sync's bookkeeping. */
export type ObligationRow = Omit<ObligationTableRow, 'central_version' | 'updated_at'>;

const COLUMNS = `id, reference, idempotency_key AS idempotencyKey, request_id AS requestId, obligation_id AS obligationId,
  method, operator_id AS operatorId, shift_id AS shiftId, receipt_number AS receiptNumber, method_json AS methodJson,
  registration_cancelled_at AS registrationCancelledAt, amount, amount_choice AS amountChoice, state, subject_type AS subjectType, subject_id AS subjectId,
  payer_type AS payerType, payer_id_tail AS payerIdTail, bank_code AS bankCode, bank_name AS bankName,
  gateway_order_id AS orderId, form_url AS formUrl, cus, gateway_order_status AS orderStatus, ach_status AS achStatus,
  window_started_at AS windowStartedAt, next_check_at AS nextCheckAt, last_checked_at AS lastCheckedAt,
  created_at AS createdAt, updated_at AS updatedAt`;

export function createPaymentsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO payments (id, reference, idempotency_key, request_id, obligation_id, method, amount,
      amount_choice, state, subject_type, subject_id, payer_type, payer_id_tail, bank_code, bank_name, window_started_at, next_check_at,
      operator_id, shift_id, created_at, updated_at)
    VALUES (@id, @reference, @idempotencyKey, @requestId, @obligationId, 'pse', @amount, @amountChoice, 'created', @subjectType,
      @subjectId, @payerType, @payerIdTail, @bankCode, @bankName, @windowStartedAt, @nextCheckAt, @operatorId, @shiftId, @at, @at)`);
  const insertDesk = db.prepare(`INSERT INTO payments (id, reference, idempotency_key, request_id, obligation_id, method, amount,
      amount_choice, state, payer_type, payer_id_tail, operator_id, shift_id, receipt_number, method_json, created_at, updated_at)
    VALUES (@id, @receiptNumber, @idempotencyKey, @requestId, @obligationId, @method, @amount, @amountChoice, 'approved', @payerType,
      @payerIdTail, @operatorId, @shiftId, @receiptNumber, @methodJson, @at, @at)`);
  const takeNumber = db.prepare<[string], { last_number: number }>(
    `INSERT INTO receipt_counters (prefix, last_number) VALUES (?, 1)
     ON CONFLICT (prefix) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
  );
  const event = db.prepare('INSERT INTO payment_events (payment_id, from_state, to_state, detail, at) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare(`UPDATE payments SET state = @to,
      gateway_order_id = COALESCE(@orderId, gateway_order_id), form_url = COALESCE(@formUrl, form_url),
      cus = COALESCE(@cus, cus), bank_name = COALESCE(@bankName, bank_name),
      gateway_order_status = COALESCE(@orderStatus, gateway_order_status), ach_status = COALESCE(@achStatus, ach_status),
      window_started_at = COALESCE(@windowStartedAt, window_started_at),
      next_check_at = CASE WHEN @clearNext = 1 THEN NULL ELSE COALESCE(@nextCheckAt, next_check_at) END,
      last_checked_at = COALESCE(@lastCheckedAt, last_checked_at), updated_at = @at
    WHERE id = @id AND state = @from`);
  const byId = db.prepare<[string], PaymentRecord>(`SELECT ${COLUMNS} FROM payments WHERE id = ?`);
  const byReference = db.prepare<[string], PaymentRecord>(`SELECT ${COLUMNS} FROM payments WHERE reference = ?`);
  const byRequest = db.prepare<[string], PaymentRecord>(`SELECT ${COLUMNS} FROM payments WHERE request_id = ?`);
  const byOrder = db.prepare<[string], PaymentRecord>(`SELECT ${COLUMNS} FROM payments WHERE gateway_order_id = ?`);
  const forObligation = db.prepare<[string], PaymentRecord>(
    `SELECT ${COLUMNS} FROM payments WHERE obligation_id = ? ORDER BY created_at DESC, rowid DESC`,
  );
  const due = db.prepare<[string, number], PaymentRecord>(
    `SELECT ${COLUMNS} FROM payments WHERE next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY next_check_at LIMIT ?`,
  );
  const open = db.prepare<[string], PaymentRecord>(
    `SELECT ${COLUMNS} FROM payments WHERE method = 'pse' AND state NOT IN ('approved', 'rejected', 'failed') AND created_at >= ?
     ORDER BY created_at`,
  );
  const unresolved = db.prepare<[], { count: number; oldest: string | null }>(
    `SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM payments
     WHERE method = 'pse' AND state IN ('created', 'registered', 'redirected', 'pending', 'expired')`,
  );
  const recentForSubject = db.prepare<[string, string, number], PaymentRecord>(
    `SELECT ${COLUMNS} FROM payments WHERE subject_type = ? AND subject_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const recentForTerminal = db.prepare<[number], PaymentRecord>(
    `SELECT ${COLUMNS} FROM payments ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const outboxState = db.prepare<[string], { state: string }>('SELECT state FROM outbox WHERE idempotency_key = ?');
  const obligation = db.prepare<[string], ObligationRow>(
    `SELECT id, kind, owner_type, owner_id, document, concept, student_name, validity_year, debt, paid, balance, installment
     FROM obligations WHERE id = ?`,
  );
  // A void gives back exactly what the payment took from the saldo and added to pagado.
  const restoreObligation = db.prepare(
    'UPDATE obligations SET paid = MAX(paid - @amount, 0), balance = balance + @amount, updated_at = @at WHERE id = @id',
  );
  // The saldo never goes below zero: an overpayment (two attempts both approved) is visible as paid > debt.
  const applyToObligation = db.prepare(
    'UPDATE obligations SET paid = paid + @amount, balance = MAX(balance - @amount, 0), updated_at = @at WHERE id = @id',
  );
  const insertVoucher = db.prepare(
    'INSERT INTO vouchers (id, payment_id, fields_json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING',
  );
  // With the print job queued with the voucher at approval (the original, not a COPIA): the screen follows it.
  const voucher = db.prepare<[string], { id: string; fields_json: string; created_at: string; print_job_id: string | null }>(
    `SELECT v.id, v.fields_json, v.created_at,
            (SELECT j.id FROM print_jobs j WHERE j.voucher_id = v.id AND j.copy = 0 ORDER BY j.created_at, j.rowid LIMIT 1) AS print_job_id
     FROM vouchers v WHERE v.payment_id = ?`,
  );
  const cacheGet = db.prepare<[string], { value_json: string; fetched_at: string }>(
    'SELECT value_json, fetched_at FROM gateway_cache WHERE key = ?',
  );
  const cachePut = db.prepare(
    `INSERT INTO gateway_cache (key, value_json, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, fetched_at = excluded.fetched_at`,
  );

  function params(patch: PaymentPatch) {
    return {
      orderId: patch.orderId ?? null,
      formUrl: patch.formUrl ?? null,
      cus: patch.cus ?? null,
      bankName: patch.bankName ?? null,
      orderStatus: patch.orderStatus ?? null,
      achStatus: patch.achStatus ?? null,
      windowStartedAt: patch.windowStartedAt ?? null,
      nextCheckAt: patch.nextCheckAt ?? null,
      clearNext: patch.nextCheckAt === null ? 1 : 0,
      lastCheckedAt: patch.lastCheckedAt ?? null,
    };
  }

  const insertTx = writeTransaction(db, (payment: NewPayment, at: string) => {
    insert.run({ ...payment, operatorId: payment.operatorId ?? null, shiftId: payment.shiftId ?? null, at });
    event.run(payment.id, null, 'created', null, at);
  });
  const transitionTx = writeTransaction(
    db,
    (id: string, from: PaymentState, to: PaymentState, patch: PaymentPatch, detail: string | null, at: string) => {
      const changed = update.run({ id, from, to, at, ...params(patch) }).changes === 1;
      if (changed && from !== to) event.run(id, from, to, detail, at);
      return changed;
    },
  );

  return {
    transaction<T>(fn: () => T): T {
      return writeTransaction(db, fn)();
    },
    insert(payment: NewPayment, at: string): void {
      insertTx(payment, at);
    },
    /**
     * A desk payment with the next receipt number of `prefix` (also its reference): the number is taken inside
     * the caller's transaction, with the payment, so both commit or neither does.
     */
    insertDesk(payment: NewDeskPaymentInput, receiptPrefix: string, at: string): string {
      const taken = takeNumber.get(receiptPrefix);
      if (!taken) throw new Error('receipt counter did not answer');
      const receiptNumber = `${receiptPrefix}-${String(taken.last_number).padStart(8, '0')}`;
      insertDesk.run({ ...payment, receiptNumber, at });
      event.run(payment.id, null, 'approved', `${payment.method} receipt ${receiptNumber}`, at);
      return receiptNumber;
    },
    /** Compare-and-set: moves the payment only if it is still in `from`; the event row is written with it. */
    transition(id: string, from: PaymentState, to: PaymentState, patch: PaymentPatch, detail: string | null, at: string): boolean {
      return transitionTx(id, from, to, patch, detail, at);
    },
    /** Updates facts (CUS, last answer, schedule) without moving the state. */
    patch(id: string, state: PaymentState, patch: PaymentPatch, at: string): boolean {
      return update.run({ id, from: state, to: state, at, ...params(patch) }).changes === 1;
    },
    get: (id: string) => byId.get(id),
    byReference: (reference: string) => byReference.get(reference),
    byRequestId: (requestId: string) => byRequest.get(requestId),
    byOrderId: (orderId: string) => byOrder.get(orderId),
    forObligation: (obligationId: string) => forObligation.all(obligationId),
    due: (now: string, limit = 50) => due.all(now, limit),
    /** PSE payments without a final answer yet (in flight, pending at ACH, or expired awaiting one). */
    unresolved: () => unresolved.get() ?? { count: 0, oldest: null },
    openSince: (since: string) => open.all(since),
    recentForSubject: (subjectType: string, subjectId: string, limit: number) => recentForSubject.all(subjectType, subjectId, limit),
    recentForTerminal: (limit: number) => recentForTerminal.all(limit),
    outboxState: (idempotencyKey: string) => outboxState.get(idempotencyKey)?.state ?? null,
    obligation: (id: string) => obligation.get(id),
    applyToObligation(id: string, amount: number, at: string): boolean {
      return applyToObligation.run({ id, amount, at }).changes === 1;
    },
    restoreObligation(id: string, amount: number, at: string): boolean {
      return restoreObligation.run({ id, amount, at }).changes === 1;
    },
    insertVoucher(id: string, paymentId: string, fields: unknown, at: string): boolean {
      return insertVoucher.run(id, paymentId, JSON.stringify(fields), at).changes === 1;
    },
    voucher(paymentId: string): { id: string; fields: unknown; createdAt: string; printJobId: string | null } | undefined {
      const row = voucher.get(paymentId);
      if (!row) return undefined;
      return { id: row.id, fields: JSON.parse(row.fields_json) as unknown, createdAt: row.created_at, printJobId: row.print_job_id };
    },
    cacheGet(key: string): { value: unknown; fetchedAt: string } | undefined {
      const row = cacheGet.get(key);
      return row ? { value: JSON.parse(row.value_json) as unknown, fetchedAt: row.fetched_at } : undefined;
    },
    cachePut(key: string, value: unknown, at: string): void {
      cachePut.run(key, JSON.stringify(value), at);
    },
  };
}
export type PaymentsRepo = ReturnType<typeof createPaymentsRepo>;
