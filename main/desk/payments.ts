import type { z } from 'zod';
import type { ApiOutput } from '../api/contract';
import type { amountChoiceInput } from '../api/contract/payments';
import type { cardSlipInput } from '../api/contract/desk';
import { ApiError } from '../api/errors';
import type { ObligationRow, PaymentRecord } from '../db/payments-repo';
import { AmountError, amountOptions, chooseAmount, type AmountChoice } from '../domain/payment-amount';
import { recordApproval } from '../payments/record-approval';
import type { Refusal } from '../payments/guard';
import type { DeskDeps, DeskOperator } from './deps';
import { receiptDocument } from './documents';
import { changeDue, readFacts, type CardFacts, type CashFacts } from './method-facts';
import type { ShiftService } from './shifts';

type AmountInput = z.output<typeof amountChoiceInput>;
type CardSlip = z.output<typeof cardSlipInput>;
type DeskPaymentOutput = ApiOutput<'desk.payCash'>;

export interface DeskPaymentsDeps extends DeskDeps {
  shifts: ShiftService;
  /** ACH's rule: a PSE payment of the obligation pending at the bank blocks every new payment of it. */
  pendingPse: (obligationId: string) => Refusal | null;
}

export function toChoice(amount: AmountInput): AmountChoice {
  return amount.kind === 'other' ? { other: amount.pesos } : amount.kind;
}

/**
 * *Cobrar* in cash or on the datáfono. Everything is local, so it works offline: the obligation's saldo from the
 * local copy, the kiosk's amount rules, then one transaction — the payment born `approved` with the next receipt
 * number of this terminal, and the shared approval step (balance, receipt, print job, outbox registration). The
 * same requestId always answers with the same payment (a double click pays once).
 */
export function createDeskPayments(deps: DeskPaymentsDeps) {
  const { payments, clock, ids, logger, config } = deps;

  function outputOf(payment: PaymentRecord): DeskPaymentOutput {
    const facts = readFacts(payment.methodJson);
    const cash = facts?.method === 'cash' ? facts : null;
    const voucher = payments.voucher(payment.id);
    const jobs = voucher ? deps.desk.jobsOfVoucher(voucher.id) : [];
    return {
      paymentId: payment.id,
      receiptNumber: payment.receiptNumber ?? payment.reference,
      method: payment.method === 'cash' ? 'cash' : 'card',
      amount: payment.amount,
      cashReceived: cash?.received ?? null,
      change: cash?.change ?? null,
      shiftId: payment.shiftId ?? '',
      jobId: jobs[0] ?? null,
      printProblem: voucher ? null : 'receipt could not be built',
      drawerOpened: cash !== null && jobs.length > 0,
      balanceAfter: payments.obligation(payment.obligationId)?.balance ?? 0,
      createdAt: payment.createdAt,
    };
  }

  function obligationOf(obligationId: string): ObligationRow {
    const obligation = payments.obligation(obligationId);
    if (!obligation) throw new ApiError('NOT_FOUND', 'obligation not in the local copy', { reason: 'OBLIGATION' });
    return obligation;
  }

  function amountFor(obligation: ObligationRow, amount: AmountInput): number {
    try {
      return chooseAmount(obligation, toChoice(amount), config.rules.otherAmountMinimum);
    } catch (error) {
      if (error instanceof AmountError)
        throw new ApiError('VALIDATION', error.message, { reason: 'AMOUNT', amountReason: error.reason, text: error.text });
      throw error;
    }
  }

  function take(
    operator: DeskOperator,
    input: { requestId: string; obligationId: string; amount: AmountInput },
    facts: (amount: number, balanceBefore: number) => CashFacts | CardFacts,
  ): DeskPaymentOutput {
    const earlier = payments.byRequestId(input.requestId);
    if (earlier) {
      if (earlier.obligationId !== input.obligationId)
        throw new ApiError('CONFLICT', 'requestId used for another payment', { reason: 'REQUEST_REUSED' });
      return outputOf(earlier);
    }
    const now = clock.now();
    const at = now.toISOString();
    const paymentId = ids.uuid();
    payments.transaction(() => {
      const shift = deps.shifts.requireOwn(operator);
      const obligation = obligationOf(input.obligationId);
      const pending = deps.pendingPse(obligation.id);
      if (pending) throw new ApiError('CONFLICT', 'a PSE payment of this obligation is pending', { reason: 'PSE_PENDING', ...pending });
      const amount = amountFor(obligation, input.amount);
      const methodFacts = facts(amount, obligation.balance);
      const payerType = obligation.owner_type === 'company' ? 'juridica' : 'natural';
      const idempotencyKey = `desk-${paymentId}`;
      const receiptNumber = payments.insertDesk(
        {
          id: paymentId,
          idempotencyKey,
          requestId: input.requestId,
          obligationId: obligation.id,
          method: methodFacts.method,
          amount,
          amountChoice: JSON.stringify(input.amount),
          payerType,
          payerIdTail: obligation.owner_id.replace(/\D/g, '').slice(-4),
          operatorId: operator.username,
          shiftId: shift.id,
          methodJson: JSON.stringify(methodFacts),
        },
        config.desk.receiptPrefix,
        at,
      );
      recordApproval(
        {
          repo: payments,
          outbox: deps.outbox,
          ids,
          printVoucher: deps.print.enqueueVoucher,
          logger,
          documentProblem: (problem) => void deps.print.recordUnbuilt('receipt', problem),
        },
        {
          paymentId,
          obligationId: obligation.id,
          amount,
          idempotencyKey,
          at,
          document: () =>
            receiptDocument({
              config,
              receiptNumber,
              at: now,
              operatorName: operator.displayName,
              shiftId: shift.id,
              obligation,
              amount,
              facts: methodFacts,
            }),
          registration: {
            paymentId,
            reference: receiptNumber,
            obligationId: obligation.id,
            method: methodFacts.method,
            amount,
            paidAt: at,
            terminalId: config.terminal.id,
            siteId: config.site.id,
            operatorId: operator.username,
            shiftId: shift.id,
          },
        },
      );
    });
    const payment = payments.get(paymentId);
    if (!payment) throw new Error('desk payment vanished after commit');
    logger.info({ receipt: payment.receiptNumber, method: payment.method, shiftId: payment.shiftId }, 'desk payment recorded');
    return outputOf(payment);
  }

  return {
    outputOf,
    quoteOptions(obligation: ObligationRow) {
      return amountOptions(obligation, config.rules.otherAmountMinimum);
    },
    payCash(
      operator: DeskOperator,
      input: { requestId: string; obligationId: string; amount: AmountInput; received: number },
    ): DeskPaymentOutput {
      return take(operator, input, (amount, balanceBefore) => {
        const change = changeDue(amount, input.received);
        if (change === null) throw new ApiError('VALIDATION', 'cash received is below the amount', { reason: 'CASH_SHORT', amount });
        return { method: 'cash', received: input.received, change, balanceBefore };
      });
    },
    payCard(
      operator: DeskOperator,
      input: { requestId: string; obligationId: string; amount: AmountInput; card: CardSlip },
    ): DeskPaymentOutput {
      return take(operator, input, (_amount, balanceBefore) => ({
        method: 'card',
        franchise: input.card.franchise,
        last4: input.card.last4,
        authorizationCode: input.card.authorizationCode.toUpperCase(),
        terminalReference: input.card.terminalReference ?? null,
        balanceBefore,
      }));
    },
  };
}
export type DeskPayments = ReturnType<typeof createDeskPayments>;
