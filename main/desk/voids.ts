import type { ApiOutput } from '../api/contract';
import { ApiError } from '../api/errors';
import { PAYMENT_VOID } from '../central/outbox-kinds';
import type { VoidRow } from '../db/desk-repo';
import { printSafely, type DeskDeps, type DeskOperator } from './deps';
import { bogota, voidSlipDocument } from './documents';
import type { ShiftService } from './shifts';

type VoidOutput = ApiOutput<'desk.void'>;

/**
 * *Anular*: a supervisor voids a cash or card payment of the open shift. In one transaction the payment moves
 * approved → voided, the obligation's local saldo gets the amount back, and the central side is told: if the
 * registration never started leaving, it is withdrawn from the outbox (nothing to undo centrally); if it may
 * have reached the central API (sent, or a send was under way), a `payment.void` follows it through the outbox,
 * which keeps order, so the central API always sees the payment before its void. A registration the central API
 * refused (a conflict) never took effect there: it counts as withdrawn. PSE debits cannot be voided at the desk.
 */
export function createDeskVoids(deps: DeskDeps & { shifts: ShiftService }) {
  const { payments, desk, outboxRepo, clock, logger, config } = deps;

  function outputOf(row: VoidRow): VoidOutput {
    const payment = payments.get(row.payment_id);
    return {
      paymentId: row.payment_id,
      receiptNumber: payment?.receiptNumber ?? '',
      central: row.central,
      balanceAfter: row.balance_after,
      jobId: row.print_job_id,
      printProblem: row.print_problem,
      voidedAt: row.voided_at,
    };
  }

  return {
    void(supervisor: DeskOperator, input: { requestId: string; paymentId: string; reason: string }): VoidOutput {
      const earlier = desk.voidByRequest(input.requestId);
      if (earlier) return outputOf(earlier);
      const at = clock.now().toISOString();
      const row = payments.transaction(() => {
        const payment = payments.get(input.paymentId);
        if (!payment) throw new ApiError('NOT_FOUND', 'no such payment', { reason: 'PAYMENT' });
        if (payment.method === 'pse')
          throw new ApiError('CONFLICT', 'PSE payments cannot be voided', { reason: 'NOT_VOIDABLE', why: 'PSE' });
        if (payment.state === 'voided') throw new ApiError('CONFLICT', 'payment already voided', { reason: 'ALREADY_VOIDED' });
        const shift = deps.shifts.requireOpen();
        if (payment.shiftId !== shift.id || payment.state !== 'approved') {
          throw new ApiError('CONFLICT', 'only payments of the open shift can be voided', { reason: 'NOT_VOIDABLE', why: 'OTHER_SHIFT' });
        }
        payments.transition(payment.id, 'approved', 'voided', {}, `void by ${supervisor.username}`, at);
        payments.restoreObligation(payment.obligationId, payment.amount, at);
        const registration = outboxRepo.stateOf(payment.idempotencyKey);
        const withdrawn = outboxRepo.withdraw(payment.idempotencyKey) || registration?.state === 'rejected';
        if (withdrawn) {
          desk.cancelRegistration(payment.id, at);
        } else {
          deps.outbox.enqueue({
            kind: PAYMENT_VOID,
            idempotencyKey: `void-${payment.id}`,
            now: at,
            payload: {
              paymentKey: payment.idempotencyKey,
              reference: payment.reference,
              obligationId: payment.obligationId,
              amount: payment.amount,
              reason: input.reason,
              supervisor: supervisor.username,
              voidedAt: at,
              terminalId: config.terminal.id,
              shiftId: payment.shiftId,
            },
          });
        }
        const printed = printSafely(deps.print, logger, () =>
          voidSlipDocument({
            config,
            receiptNumber: payment.receiptNumber ?? payment.reference,
            method: payment.method === 'cash' ? 'cash' : 'card',
            amount: payment.amount,
            paidAt: bogota(payment.createdAt),
            voidedAt: bogota(at),
            reason: input.reason,
            operatorName: shift.operator_name,
            supervisorName: supervisor.displayName,
            shiftId: shift.id,
          }),
        );
        desk.insertVoid({
          paymentId: payment.id,
          requestId: input.requestId,
          reason: input.reason,
          supervisor: supervisor.username,
          central: withdrawn ? 'cancelled' : 'queued',
          balanceAfter: payments.obligation(payment.obligationId)?.balance ?? 0,
          printJobId: printed.jobId,
          printProblem: printed.problem,
          voidedAt: at,
        });
        return desk.voidOf(payment.id);
      });
      if (!row) throw new Error('void vanished after commit');
      logger.info({ paymentId: row.payment_id, central: row.central }, 'desk payment voided');
      return outputOf(row);
    },
  };
}
