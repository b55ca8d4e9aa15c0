import type { z } from 'zod';
import type { ApiOutput } from '../api/contract';
import type { closeShiftInput, denominationCount } from '../api/contract/desk';
import { ApiError } from '../api/errors';
import { SHIFT_CLOSE } from '../central/outbox-kinds';
import type { ShiftRow } from '../db/desk-repo';
import { printSafely, type DeskDeps, type DeskOperator } from './deps';
import { bogota, shiftCloseDocument } from './documents';
import { shiftFigures, type ShiftFigures } from './shift-figures';

type ShiftView = ApiOutput<'desk.openShift'>;
type ShiftReport = ApiOutput<'desk.shiftReport'>;
type Denomination = z.infer<typeof denominationCount>;
export type CloseInput = z.output<typeof closeShiftInput>;

/**
 * *Turno*: one open shift per terminal (the database refuses a second), opened with a float by the operator
 * who takes its payments, and closed with the counted cash. A close that does not add up (a difference, or
 * payments the central API has not confirmed) needs the supervisor: `close` refuses, and the dispatcher lets
 * only a supervisor (or a cashier holding the supervisor's one-call authorisation) call the authorised close.
 * The close, its report, its print job and its central registration (outbox `shift.close`) are one transaction.
 */
export function createShiftService(deps: DeskDeps) {
  const { desk, clock, ids, logger } = deps;

  function figuresOf(shift: ShiftRow): ShiftFigures {
    return shiftFigures(shift, desk.shiftPayments(shift.id));
  }

  function viewOf(shift: ShiftRow, figures = figuresOf(shift)): ShiftView {
    return {
      shiftId: shift.id,
      state: shift.state,
      operatorUsername: shift.operator_username,
      operatorName: shift.operator_name,
      openedAt: shift.opened_at,
      closedAt: shift.closed_at,
      openingFloat: shift.opening_float,
      totals: figures.totals,
      voidedCount: figures.voidedCount,
      expectedCash: figures.expectedCash,
    };
  }

  function reportOf(shift: ShiftRow): ShiftReport {
    const figures = figuresOf(shift);
    const conflicts = figures.conflictPaymentIds.map((paymentId) => {
      const payment = deps.payments.get(paymentId);
      return {
        conflictId: desk.conflictOfPayment(paymentId) ?? '',
        paymentId,
        receiptNumber: payment?.receiptNumber ?? null,
        amount: payment?.amount ?? 0,
      };
    });
    return {
      shift: viewOf(shift, figures),
      countedCash: shift.counted_cash,
      denominations: shift.denominations_json ? (JSON.parse(shift.denominations_json) as Denomination[]) : null,
      difference: shift.difference,
      authorizedBy: shift.authorized_by,
      // Closed: what was acknowledged at the close; open: how many are unconfirmed now.
      unregisteredCount: shift.state === 'closed' ? (shift.unregistered_count ?? 0) : figures.unregisteredCount,
      unregisteredAcknowledged: shift.unregistered_acknowledged === 1,
      receipts: figures.receipts,
      conflicts,
      note: shift.note,
      jobId: shift.print_job_id,
      printProblem: shift.print_problem,
    };
  }

  function requireOpen(): ShiftRow {
    const shift = desk.openShift();
    if (!shift) throw new ApiError('CONFLICT', 'no open shift', { reason: 'NO_OPEN_SHIFT' });
    return shift;
  }

  /** The open shift, which must be this operator's: every desk payment belongs to its operator's own shift. */
  function requireOwn(operator: DeskOperator): ShiftRow {
    const shift = requireOpen();
    if (shift.operator_username !== operator.username) {
      throw new ApiError('CONFLICT', 'the open shift belongs to another operator', {
        reason: 'SHIFT_OF_ANOTHER_OPERATOR',
        operatorName: shift.operator_name,
      });
    }
    return shift;
  }

  function checkCount(countedCash: number, denominations: Denomination[] | undefined): void {
    if (!denominations) return;
    const sum = denominations.reduce((total, d) => total + d.value * d.count, 0);
    if (sum !== countedCash) {
      throw new ApiError('VALIDATION', 'denominations do not add up to the counted cash', { reason: 'DENOMINATIONS_MISMATCH', sum });
    }
  }

  function close(operator: DeskOperator, input: CloseInput, supervisor: DeskOperator | null): ShiftReport {
    const earlier = desk.shiftByRequest(input.requestId);
    if (earlier && earlier.close_request_id === input.requestId) return reportOf(earlier);
    checkCount(input.countedCash, input.denominations);
    const closedAt = clock.now().toISOString();
    const closed = desk.transaction(() => {
      const shift = requireOpen();
      const figures = figuresOf(shift);
      const difference = input.countedCash - figures.expectedCash;
      if (!supervisor && (difference !== 0 || figures.unregisteredCount > 0)) {
        throw new ApiError('CONFLICT', 'closing this shift needs a supervisor', {
          reason: 'CLOSE_NEEDS_SUPERVISOR',
          difference,
          unregistered: figures.unregisteredCount,
        });
      }
      const authorizedBy = supervisor?.displayName ?? null;
      const range = figures.receipts.first
        ? `${figures.receipts.first} a ${figures.receipts.last ?? ''} (${figures.receipts.count})`
        : null;
      const paper = {
        shiftId: shift.id,
        operatorName: shift.operator_name,
        openedAt: bogota(shift.opened_at),
        closedAt: bogota(closedAt),
        openingCash: shift.opening_float,
        totals: figures.totals,
        expectedCash: figures.expectedCash,
        countedCash: input.countedCash,
        difference,
        authorizedBy,
        unregisteredCount: figures.unregisteredCount,
        conflictCount: figures.conflictPaymentIds.length,
        voidedCount: figures.voidedCount,
        receiptRange: range,
      };
      desk.closeShift({
        id: shift.id,
        closeRequestId: input.requestId,
        closedAt,
        countedCash: input.countedCash,
        denominationsJson: input.denominations ? JSON.stringify(input.denominations) : null,
        expectedCash: figures.expectedCash,
        difference,
        authorizedBy,
        unregisteredCount: figures.unregisteredCount,
        unregisteredAcknowledged: supervisor !== null && figures.unregisteredCount > 0,
        note: input.note ?? null,
        reportJson: JSON.stringify(paper),
      });
      const printed = printSafely(deps.print, logger, () => shiftCloseDocument({ ...paper, config: deps.config }));
      desk.setShiftPrint(shift.id, printed.jobId, printed.problem);
      deps.outbox.enqueue({
        kind: SHIFT_CLOSE,
        idempotencyKey: `shift-close-${shift.id}`,
        now: closedAt,
        payload: {
          shiftId: shift.id,
          terminalId: deps.config.terminal.id,
          siteId: deps.config.site.id,
          operatorId: shift.operator_username,
          openedAt: shift.opened_at,
          closedAt,
          openingFloat: shift.opening_float,
          totals: figures.totals,
          voidedCount: figures.voidedCount,
          expectedCash: figures.expectedCash,
          countedCash: input.countedCash,
          difference,
          authorizedBy: supervisor?.username ?? null,
          unregisteredCount: figures.unregisteredCount,
          receipts: figures.receipts,
        },
      });
      return desk.shift(shift.id) ?? shift;
    });
    logger.info({ shiftId: closed.id, difference: closed.difference, by: operator.username }, 'shift closed');
    return reportOf(closed);
  }

  return {
    requireOpen,
    requireOwn,
    current(): ShiftView | null {
      const shift = desk.openShift();
      return shift ? viewOf(shift) : null;
    },
    open(operator: DeskOperator, input: { requestId: string; openingFloat: number }): ShiftView {
      const earlier = desk.shiftByRequest(input.requestId);
      if (earlier && earlier.request_id === input.requestId) return viewOf(earlier);
      const at = clock.now().toISOString();
      const shift = desk.transaction(() => {
        const open = desk.openShift();
        if (open)
          throw new ApiError('CONFLICT', 'a shift is already open', {
            reason: 'SHIFT_ALREADY_OPEN',
            shiftId: open.id,
            operatorName: open.operator_name,
          });
        const id = `T-${at.slice(0, 10).replace(/-/g, '')}-${ids.uuid().slice(0, 8).toUpperCase()}`;
        desk.insertShift({
          id,
          requestId: input.requestId,
          username: operator.username,
          name: operator.displayName,
          openingFloat: input.openingFloat,
          at,
        });
        return desk.shift(id);
      });
      if (!shift) throw new Error('shift vanished after insert');
      logger.info({ shiftId: shift.id, by: operator.username }, 'shift opened');
      return viewOf(shift);
    },
    preview(countedCash: number, denominations: Denomination[] | undefined): ApiOutput<'desk.previewClose'> {
      checkCount(countedCash, denominations);
      const shift = requireOpen();
      const figures = figuresOf(shift);
      const difference = countedCash - figures.expectedCash;
      return {
        expectedCash: figures.expectedCash,
        difference,
        unregisteredCount: figures.unregisteredCount,
        needsSupervisor: difference !== 0 || figures.unregisteredCount > 0,
        totals: figures.totals,
      };
    },
    close,
    report(shiftId: string | undefined): ShiftReport {
      const shift = shiftId ? desk.shift(shiftId) : (desk.openShift() ?? desk.latestShift());
      if (!shift) throw new ApiError('NOT_FOUND', 'no such shift', { reason: 'SHIFT' });
      return reportOf(shift);
    },
    reprintClose(shiftId: string): { jobId: string; copy: boolean } {
      const shift = desk.shift(shiftId);
      if (!shift || shift.state !== 'closed' || !shift.report_json)
        throw new ApiError('NOT_FOUND', 'no closed shift with that id', { reason: 'SHIFT' });
      const paper = JSON.parse(shift.report_json) as Parameters<typeof shiftCloseDocument>[0];
      const printed = printSafely(deps.print, logger, () => ({ ...shiftCloseDocument({ ...paper, config: deps.config }), copy: true }));
      if (!printed.jobId)
        throw new ApiError('UNAVAILABLE', 'the shift close could not be printed', {
          reason: printed.problem ? 'invalid-document' : 'not-configured',
        });
      return { jobId: printed.jobId, copy: true };
    },
  };
}
export type ShiftService = ReturnType<typeof createShiftService>;
