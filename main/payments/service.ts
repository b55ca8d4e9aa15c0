import type { ApiOutput } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Config } from '../config/schema';
import type { ObligationRow, PaymentRecord } from '../db/payments-repo';
import { AmountError, amountOptions, chooseAmount, type AmountChoice } from '../domain/payment-amount';
import { BANK_LIST_FAILURE_TEXT, gatewayDescription, makeReference } from '../domain/pse-rules';
import { isFinal } from './pse/state';
import { BankListUnavailableError, type BankList } from './banks';
import { isGatewayError, type PsePayer } from './gateway';
import { createReconciler, type ReconcileDeps } from './pse/reconcile';
import { createObligationGuard } from './guard';
import { outcomeOf, pendingTextOf, summaryOf, voucherOf } from './views';
import { configuredCustomerService, type CustomerService } from '../terminal/contacts';
import { fromRow } from '../obligations/service';

export interface PaymentSubject {
  subjectType: 'member' | 'company';
  subjectId: string;
}

export interface StartPaymentInput {
  requestId: string;
  obligationId: string;
  choice: AmountChoice;
  bankCode: string;
  subject: PaymentSubject;
  payer: PsePayer;
  /** Started at a cashier desk: the operator and the open shift the payment belongs to (null at a kiosk). */
  desk?: { operatorId: string; shiftId: string };
}

export interface StartedPayment {
  paymentId: string;
  reference: string;
  amount: number;
  redirectUrl: string;
}

export interface PaymentServiceDeps extends ReconcileDeps {
  config: Pick<Config, 'merchant' | 'site' | 'terminal' | 'contacts' | 'rules'>;
  /** Where the bank sends the payer back (`<host>/pse/retorno`); asked at each start of a payment. */
  returnUrl: () => string;
  /** The customer-service line ACH's pending text names (the app: the central API's); else the configuration's. */
  customerService?: () => CustomerService;
}

const GATEWAY_DOWN_TEXT =
  'No fue posible comunicarse con la pasarela de pagos. No se realizó ningún cobro; intente de nuevo en unos minutos.';
const GATEWAY_REFUSED_TEXT =
  'La pasarela de pagos no aceptó la transacción. No se realizó ningún cobro; intente de nuevo o solicite ayuda en la sede.';

/**
 * PSE payments: start (persisted as `created` before register.do, `redirected` before the payer leaves),
 * the payer's return, the gateway's callback, and the reconciliation of open payments. One payment at a time
 * per obligation; the same requestId always yields the same payment.
 */
export function createPaymentService(deps: PaymentServiceDeps) {
  const { repo, gateway, clock, ids, config, logger } = deps;
  const reconciler = createReconciler(deps);
  const { timing } = reconciler;
  const customerService = deps.customerService ?? (() => configuredCustomerService(config.contacts));
  const guard = createObligationGuard({ repo, reconciler, clock, customerService });
  const starting = new Map<string, Promise<StartedPayment>>();
  const obligationLocks = new Map<string, Promise<unknown>>();

  function withObligationLock<T>(obligationId: string, work: () => Promise<T>): Promise<T> {
    const previous = obligationLocks.get(obligationId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    obligationLocks.set(obligationId, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (obligationLocks.get(obligationId) === next) obligationLocks.delete(obligationId);
      });
    return next;
  }

  function owns(subject: PaymentSubject, payment: PaymentRecord): boolean {
    return payment.subjectType === subject.subjectType && payment.subjectId === subject.subjectId;
  }

  function obligationFor(obligationId: string, subject: PaymentSubject): ObligationRow {
    const obligation = repo.obligation(obligationId);
    if (!obligation) throw new ApiError('NOT_FOUND', 'obligation not found', { reason: 'OBLIGATION_NOT_FOUND' });
    // Jardín slips belong to a student and are paid by whoever signed in; credits only by their owner. Another
    // person's credit is answered like one that does not exist, so its id tells nothing.
    if (obligation.kind === 'credit' && (obligation.owner_type !== subject.subjectType || obligation.owner_id !== subject.subjectId)) {
      throw new ApiError('NOT_FOUND', 'obligation not found', { reason: 'OBLIGATION_NOT_FOUND' });
    }
    return obligation;
  }

  async function bankList(): Promise<BankList> {
    try {
      return await deps.banks.list();
    } catch (error) {
      if (error instanceof BankListUnavailableError) {
        throw new ApiError('UNAVAILABLE', 'bank list unavailable', { reason: 'BANKS_UNAVAILABLE', text: BANK_LIST_FAILURE_TEXT });
      }
      throw error;
    }
  }

  function insertNew(input: StartPaymentInput, obligation: ObligationRow, amount: number, bankName: string): PaymentRecord {
    const at = clock.now();
    for (let attempt = 0; ; attempt++) {
      const id = ids.uuid();
      const reference = makeReference({ terminalId: config.terminal.id, at, random: ids.uuid().replace(/-/g, '').slice(-4) });
      try {
        repo.insert(
          {
            id,
            reference,
            idempotencyKey: `pse-${id}`,
            requestId: input.requestId,
            obligationId: obligation.id,
            amount,
            amountChoice: typeof input.choice === 'string' ? input.choice : 'other',
            subjectType: input.subject.subjectType,
            subjectId: input.subject.subjectId,
            payerType: input.payer.personType,
            payerIdTail: input.payer.docNumber.slice(-4),
            bankCode: input.bankCode,
            bankName,
            windowStartedAt: at.toISOString(),
            nextCheckAt: new Date(at.getTime() + timing.pollEveryMs).toISOString(),
            operatorId: input.desk?.operatorId ?? null,
            shiftId: input.desk?.shiftId ?? null,
          },
          at.toISOString(),
        );
        return repo.get(id) as PaymentRecord;
      } catch (error) {
        if (attempt < 2 && /UNIQUE constraint failed: payments\.reference/.test(String(error))) continue;
        throw error;
      }
    }
  }

  function redirect(paymentId: string): StartedPayment {
    const at = clock.now().toISOString();
    let payment = repo.get(paymentId) as PaymentRecord;
    if (payment.state === 'registered' && payment.formUrl) {
      // Written before the browser leaves: a crash from here on finds the payer possibly at the bank.
      repo.transition(payment.id, 'registered', 'redirected', {}, 'payer sent to the bank', at);
      payment = repo.get(paymentId) as PaymentRecord;
    }
    if (payment.state !== 'redirected' || !payment.formUrl) {
      throw new ApiError('CONFLICT', 'payment can no longer be started', {
        reason: 'ALREADY_STARTED',
        reference: payment.reference,
        state: payment.state,
      });
    }
    return { paymentId: payment.id, reference: payment.reference, amount: payment.amount, redirectUrl: payment.formUrl };
  }

  async function register(
    payment: PaymentRecord,
    input: StartPaymentInput,
    obligation: ObligationRow,
    returnUrl: string,
  ): Promise<StartedPayment> {
    let registered;
    try {
      registered = await gateway.register({
        orderNumber: payment.reference,
        amount: payment.amount,
        description: gatewayDescription(`${obligation.concept} ${obligation.document}`),
        returnUrl,
        failUrl: returnUrl,
        bankCode: input.bankCode,
        payer: input.payer,
      });
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      const at = clock.now().toISOString();
      if (error.kind === 'refused') {
        repo.transition(payment.id, 'created', 'failed', { nextCheckAt: null }, `register refused (${error.gatewayCode ?? '?'})`, at);
        throw new ApiError('UNAVAILABLE', 'gateway refused the order', { reason: 'GATEWAY_REFUSED', text: GATEWAY_REFUSED_TEXT });
      }
      // Unknown outcome: asked by orderNumber, never registered a second time.
      const after = await reconciler.reconcile(payment);
      throw new ApiError('UNAVAILABLE', 'gateway did not answer', {
        reason: 'GATEWAY_UNAVAILABLE',
        text: GATEWAY_DOWN_TEXT,
        reference: after.reference,
        state: after.state,
      });
    }
    const at = clock.now();
    const patch = {
      orderId: registered.orderId,
      formUrl: registered.formUrl,
      windowStartedAt: at.toISOString(),
      nextCheckAt: new Date(at.getTime() + timing.pollEveryMs).toISOString(),
    };
    if (!repo.transition(payment.id, 'created', 'registered', patch, 'register.do answered', at.toISOString())) {
      const current = repo.get(payment.id) as PaymentRecord;
      if (current.orderId === registered.orderId && !current.formUrl)
        repo.patch(current.id, current.state, { formUrl: registered.formUrl }, at.toISOString());
    }
    return redirect(payment.id);
  }

  async function continueExisting(existing: PaymentRecord, input: StartPaymentInput): Promise<StartedPayment> {
    if (!owns(input.subject, existing) || existing.obligationId !== input.obligationId) {
      throw new ApiError('CONFLICT', 'requestId already used for another payment', { reason: 'REQUEST_ID_REUSED' });
    }
    const payment = existing.state === 'created' ? await reconciler.reconcile(existing) : existing;
    if ((payment.state === 'registered' || payment.state === 'redirected') && payment.formUrl) return redirect(payment.id);
    if (payment.state === 'created' || payment.state === 'registered') {
      throw new ApiError('UNAVAILABLE', 'gateway did not answer', {
        reason: 'GATEWAY_UNAVAILABLE',
        text: GATEWAY_DOWN_TEXT,
        reference: payment.reference,
        state: payment.state,
      });
    }
    throw new ApiError('CONFLICT', 'payment already started', {
      reason: 'ALREADY_STARTED',
      reference: payment.reference,
      state: payment.state,
    });
  }

  async function startOnce(input: StartPaymentInput): Promise<StartedPayment> {
    const existing = repo.byRequestId(input.requestId);
    if (existing) return continueExisting(existing, input);
    const obligation = obligationFor(input.obligationId, input.subject);
    let amount: number;
    try {
      amount = chooseAmount(obligation, input.choice, config.rules.otherAmountMinimum);
    } catch (error) {
      if (error instanceof AmountError) throw new ApiError('VALIDATION', error.message, { reason: error.reason, text: error.text });
      throw error;
    }
    const bank = (await bankList()).banks.find((b) => b.code === input.bankCode);
    if (!bank)
      throw new ApiError('VALIDATION', 'unknown bank', { reason: 'UNKNOWN_BANK', text: 'Seleccione una entidad financiera de la lista.' });
    await guard.check(obligation.id);
    const returnUrl = deps.returnUrl();
    const payment = insertNew(input, obligation, amount, bank.name);
    logger?.info({ reference: payment.reference, amount }, 'payment created');
    return register(payment, input, obligation, returnUrl);
  }

  return {
    banks: bankList,

    /** Starts a payment, or returns the one this requestId already started. */
    start(input: StartPaymentInput): Promise<StartedPayment> {
      const running = starting.get(input.requestId);
      if (running) return running;
      const promise = withObligationLock(input.obligationId, () => startOnce(input)).finally(() => starting.delete(input.requestId));
      starting.set(input.requestId, promise);
      return promise;
    },

    /** ACH's refusal when a PSE payment of this obligation is pending (local state only), for the desk's quote. */
    pendingRefusal(obligationId: string) {
      return guard.currentRefusal(obligationId);
    },

    quote(obligationId: string, subject: PaymentSubject): Omit<ApiOutput<'payments.quote'>, 'payer'> {
      const o = obligationFor(obligationId, subject);
      const blocked = guard.currentRefusal(o.id);
      return {
        obligation: fromRow(o),
        options: amountOptions(o, config.rules.otherAmountMinimum),
        blocked,
      };
    },

    /** The payer came back from the bank (`/pse/retorno?orderId=`): ask the gateway, answer with the reference. */
    async handleReturn(orderId: string): Promise<{ reference: string; outcome: string } | null> {
      const payment = repo.byOrderId(orderId);
      if (!payment) return null;
      const now = await reconciler.reconcile(payment);
      return { reference: now.reference, outcome: outcomeOf(now.state) };
    },

    /** Credibanco's callback: only a hint to ask now; its own claims are not trusted. Idempotent. */
    async handleCallback(hint: { mdOrder: string; orderNumber: string }): Promise<boolean> {
      const payment = repo.byOrderId(hint.mdOrder);
      if (!payment || payment.reference !== hint.orderNumber) return false;
      await reconciler.reconcile(payment);
      return true;
    },

    async result(reference: string, subject: PaymentSubject): Promise<ApiOutput<'payments.result'>> {
      let payment = repo.byReference(reference);
      if (!payment || !owns(subject, payment)) throw new ApiError('NOT_FOUND', 'payment not found', { reason: 'PAYMENT_NOT_FOUND' });
      const lastAsked = payment.lastCheckedAt ? Date.parse(payment.lastCheckedAt) : 0;
      if (!isFinal(payment.state) && clock.now().getTime() - lastAsked > 15_000) payment = await reconciler.reconcile(payment);
      return { ...summaryOf(repo, payment, repo.obligation(payment.obligationId)), pendingText: pendingTextOf(payment, customerService()) };
    },

    history(subject: PaymentSubject, limit: number): ApiOutput<'payments.history'> {
      const items = repo.recentForSubject(subject.subjectType, subject.subjectId, limit);
      return { items: items.map((p) => summaryOf(repo, p, repo.obligation(p.obligationId))) };
    },

    /** The terminal's recent payments, for an operator's screen (no payer data in them). */
    terminalHistory(limit: number): ApiOutput<'payments.history'> {
      return { items: repo.recentForTerminal(limit).map((p) => summaryOf(repo, p, repo.obligation(p.obligationId))) };
    },

    unresolved(): ApiOutput<'payments.unresolved'> {
      const { count, oldest } = repo.unresolved();
      return { count, oldestAt: oldest };
    },

    /** Any voucher of this terminal, for a supervisor's Historial; the caller checks the role. */
    terminalVoucher(paymentId: string): ApiOutput<'payments.voucher'> {
      const payment = repo.get(paymentId);
      const voucher = payment ? voucherOf(repo, payment) : undefined;
      if (!voucher) throw new ApiError('NOT_FOUND', 'voucher not found', { reason: 'VOUCHER_NOT_FOUND' });
      return voucher;
    },

    voucher(paymentId: string, subject: PaymentSubject): ApiOutput<'payments.voucher'> {
      const payment = repo.get(paymentId);
      const voucher = payment && owns(subject, payment) ? voucherOf(repo, payment) : undefined;
      if (!voucher) throw new ApiError('NOT_FOUND', 'voucher not found', { reason: 'VOUCHER_NOT_FOUND' });
      return voucher;
    },

    /** Asks about every payment whose next check is due (the 3-minute polling). */
    async runDue(): Promise<number> {
      const due = repo.due(clock.now().toISOString());
      for (const payment of due) await reconciler.reconcile(payment);
      return due.length;
    },

    /** At start: every open payment of the last days is asked again, expired ones included. */
    async resume(): Promise<number> {
      const open = repo.openSince(new Date(clock.now().getTime() - timing.resumeHorizonMs).toISOString());
      for (const payment of open) await reconciler.reconcile(payment);
      return open.length;
    },
  };
}
export type PaymentService = ReturnType<typeof createPaymentService>;
