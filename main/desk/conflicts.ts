import type { ApiOutput } from '../api/contract';
import { ApiError } from '../api/errors';
import type { CentralError } from '../central/errors';
import type { PaymentRegistration } from '../central/schemas';
import type { ConflictRow } from '../db/desk-repo';
import type { DeskDeps, DeskOperator } from './deps';
import { readFacts } from './method-facts';

type ConflictItem = ApiOutput<'desk.resolveConflict'>;

/**
 * *Conflictos*: a payment taken while offline that the central API refused because the obligation was paid or
 * changed meanwhile (`OBLIGATION_CONFLICT`, with its balance). The money is in the drawer; nothing is lost: the
 * payment stays recorded here, its registration is set aside, and the supervisor sees both sides and settles it
 * (a refund given, or the overpayment accepted) with a note. The shift report lists it.
 */
export function createConflicts(deps: Pick<DeskDeps, 'payments' | 'desk' | 'clock' | 'ids' | 'logger'>) {
  const { payments, desk, clock, ids, logger } = deps;

  function itemOf(row: ConflictRow): ConflictItem {
    const payment = payments.get(row.payment_id);
    const facts = readFacts(payment?.methodJson ?? null);
    return {
      conflictId: row.id,
      paymentId: row.payment_id,
      receiptNumber: payment?.receiptNumber ?? null,
      shiftId: payment?.shiftId ?? null,
      obligationId: payment?.obligationId ?? '',
      local: {
        amount: payment?.amount ?? 1,
        method: payment?.method ?? 'cash',
        takenAt: payment?.createdAt ?? row.detected_at,
        balanceBefore: facts?.balanceBefore ?? 0,
      },
      central: { code: row.central_code, balance: row.central_balance, message: row.central_message },
      detectedAt: row.detected_at,
      resolution: row.resolved_at ? { by: row.resolved_by ?? '', note: row.resolved_note ?? '', at: row.resolved_at } : null,
    };
  }

  return {
    /** The outbox sender's hook: called before the registration is set aside. Idempotent per payment. */
    record(payment: PaymentRegistration, idempotencyKey: string, refusal: CentralError): void {
      const paymentId = desk.paymentIdByKey(idempotencyKey);
      if (!paymentId) {
        logger.error({ reference: payment.reference }, 'central conflict for a payment unknown here');
        return;
      }
      const balance = typeof refusal.details.balance === 'number' ? refusal.details.balance : null;
      const message = typeof refusal.details.detail === 'string' ? refusal.details.detail.slice(0, 200) : refusal.message.slice(0, 200);
      if (
        desk.insertConflict({
          id: ids.uuid(),
          paymentId,
          code: refusal.code ?? 'CONFLICT',
          balance,
          message,
          at: clock.now().toISOString(),
        })
      ) {
        logger.warn({ reference: payment.reference }, 'desk payment set aside: the central API reports a conflict');
      }
    },
    list(includeResolved: boolean): { items: ConflictItem[] } {
      return { items: desk.conflicts(includeResolved).map(itemOf) };
    },
    resolve(supervisor: DeskOperator, conflictId: string, note: string): ConflictItem {
      const row = desk.conflict(conflictId);
      if (!row) throw new ApiError('NOT_FOUND', 'no such conflict', { reason: 'CONFLICT_ITEM' });
      desk.resolveConflict(conflictId, supervisor.displayName, note, clock.now().toISOString());
      return itemOf(desk.conflict(conflictId) ?? row);
    },
  };
}
export type Conflicts = ReturnType<typeof createConflicts>;
