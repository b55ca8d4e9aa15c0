import type { Config } from '../../config/schema';
import type { PaymentPatch, PaymentRecord, PaymentsRepo } from '../../db/payments-repo';
import { canApply, isFinal, nextState, verdictEvent, verdictOf, type GatewayVerdict, type PaymentEvent } from './state';
import type { Logger } from '../../log/logger';
import type { Clock, IdSource } from '../../runtime/clock';
import type { BankDirectory } from '../banks';
import { isGatewayError, type Gateway, type OrderStatus, type PseStatus } from '../gateway';
import { buildVoucherDocument } from '../voucher';
import type { OutboxPort } from '../../central/outbox-kinds';
import { recordApproval, type VoucherPrinter } from '../record-approval';

/**
 * Bringing a payment to the gateway's truth. Every answer is asked for, never guessed: a payment moves only on
 * what getOrderStatusExtended (and pse/status, for ACH's view and the CUS) says. Approval is one transaction:
 * the state here, then the step every method shares (`../record-approval.ts`: the obligation's balance, the
 * voucher and its print job, the outbox item `payment.register` with the payment's idempotency key). A voucher that
 * cannot be built never stops the rest: it is recorded as a printing problem instead (`../approval-document.ts`).
 *
 * Timing: an open payment is asked every 3 minutes for 30 minutes from when it was registered. Credibanco
 * gives the payer 20 minutes to pay; the 10 more minutes leave the bank time to confirm. With no final answer
 * at 30 minutes the payment becomes `expired` and is asked again at every start, on a callback, when the payer
 * looks at its result and before another payment of the same obligation.
 */
export interface PaymentTiming {
  pollEveryMs: number;
  windowMs: number;
  /** How far back a start looks for open payments to re-ask. */
  resumeHorizonMs: number;
}
export const defaultTiming: PaymentTiming = { pollEveryMs: 3 * 60_000, windowMs: 30 * 60_000, resumeHorizonMs: 72 * 3600_000 };

export interface ReconcileDeps {
  repo: PaymentsRepo;
  gateway: Gateway;
  banks: BankDirectory;
  clock: Clock;
  ids: IdSource;
  config: Pick<Config, 'merchant' | 'site' | 'terminal'>;
  outbox: OutboxPort;
  logger?: Logger;
  timing?: Partial<PaymentTiming>;
  /**
   * Queues the voucher's print inside the approval's transaction (the print queue's `enqueueVoucher`), so an
   * approved payment never exists without its print job. Absent where the terminal does not print.
   */
  printVoucher?: VoucherPrinter;
  /** Records, inside the approval's transaction, that its voucher could not be built (the print queue's `recordUnbuilt`). */
  documentProblem?: (problem: string) => void;
}

export function createReconciler(deps: ReconcileDeps) {
  const { repo, gateway, clock, logger } = deps;
  const timing = { ...defaultTiming, ...deps.timing };
  const inFlight = new Map<string, Promise<PaymentRecord>>();
  const iso = (ms: number) => new Date(ms).toISOString();

  function schedule(payment: PaymentRecord, nowMs: number): PaymentPatch {
    const started = Date.parse(payment.windowStartedAt ?? payment.createdAt);
    const next = nowMs + timing.pollEveryMs;
    return { nextCheckAt: nowMs >= started + timing.windowMs ? null : iso(next) };
  }

  /** Applies one event with compare-and-set; a payment that moved meanwhile is re-read and re-judged. */
  function apply(payment: PaymentRecord, event: PaymentEvent, patch: PaymentPatch, detail: string): PaymentRecord {
    const at = clock.now().toISOString();
    const current = repo.get(payment.id) ?? payment;
    // Moved meanwhile (another path got there first): the stale event no longer applies; the next ask re-judges.
    if (isFinal(current.state) || !canApply(current.state, event.type)) return current;
    const to = nextState(current.state, event);
    const finalPatch: PaymentPatch = isFinal(to) || to === 'expired' ? { ...patch, nextCheckAt: null } : patch;
    if (!repo.transition(current.id, current.state, to, finalPatch, detail, at)) return repo.get(payment.id) ?? current;
    if (current.state !== to) logger?.info({ reference: current.reference, from: current.state, to }, 'payment moved');
    return repo.get(payment.id) ?? current;
  }

  function approve(
    payment: PaymentRecord,
    status: OrderStatus,
    pse: PseStatus | null,
    bankName: string | null,
    cus: string | null,
  ): PaymentRecord {
    const now = clock.now();
    const at = now.toISOString();
    return repo.transaction(() => {
      const current = repo.get(payment.id) ?? payment;
      if (isFinal(current.state) || !canApply(current.state, 'gatewayApproved')) return current;
      const patch: PaymentPatch = {
        cus: cus ?? undefined,
        bankName: bankName ?? undefined,
        orderStatus: status.orderStatus,
        nextCheckAt: null,
        lastCheckedAt: at,
      };
      if (pse?.transactionStatus) patch.achStatus = pse.transactionStatus;
      repo.transition(current.id, current.state, 'approved', patch, `orderStatus=${status.orderStatus}`, at);
      recordApproval(deps, {
        paymentId: current.id,
        obligationId: current.obligationId,
        amount: current.amount,
        idempotencyKey: current.idempotencyKey,
        at,
        document: () =>
          buildVoucherDocument({
            merchant: deps.config.merchant,
            payment: current,
            obligation: repo.obligation(current.obligationId),
            status,
            pse,
            bankName,
            now,
          }),
        registration: {
          paymentId: current.id,
          reference: current.reference,
          obligationId: current.obligationId,
          method: 'pse',
          amount: current.amount,
          paidAt: at,
          cus,
          bank: bankName,
          gatewayOrderId: status.orderId,
          siteId: deps.config.site.id,
          terminalId: deps.config.terminal.id,
        },
      });
      logger?.info({ reference: current.reference }, 'payment approved');
      return repo.get(current.id) ?? current;
    });
  }

  /** created: the register call's outcome was unknown; asking by orderNumber says whether it took effect. */
  async function resolveCreated(payment: PaymentRecord): Promise<{ payment: PaymentRecord; status: OrderStatus | null }> {
    const lookup = await gateway.orderStatus({ orderNumber: payment.reference });
    if (!lookup.found) {
      return {
        payment: apply(payment, { type: 'registerRefused', reason: 'not at gateway' }, {}, 'order not found at the gateway'),
        status: null,
      };
    }
    const at = clock.now().toISOString();
    const moved = apply(
      payment,
      { type: 'registered', orderId: lookup.orderId, formUrl: null },
      { orderId: lookup.orderId, windowStartedAt: payment.windowStartedAt ?? at },
      'found by orderNumber after an unknown register outcome',
    );
    return { payment: moved, status: lookup };
  }

  async function judge(payment: PaymentRecord, known: OrderStatus | null): Promise<PaymentRecord> {
    if (!payment.orderId) return payment;
    const lookup = known ?? (await gateway.orderStatus({ orderId: payment.orderId }));
    const nowMs = clock.now().getTime();
    const at = iso(nowMs);
    if (!lookup.found) {
      logger?.error({ reference: payment.reference }, 'gateway does not know a registered order');
      repo.patch(payment.id, payment.state, { lastCheckedAt: at, ...schedule(payment, nowMs) }, at);
      return windowCheck(repo.get(payment.id) ?? payment, nowMs);
    }
    let pse: PseStatus | null = null;
    try {
      pse = await gateway.pseStatus(payment.orderId);
    } catch (error) {
      if (!isGatewayError(error)) throw error;
    }
    let verdict: GatewayVerdict = verdictOf(lookup.orderStatus, pse === null ? undefined : pse.transactionStatus);
    if (lookup.amount !== payment.amount && verdict !== 'unpaid') {
      logger?.error({ reference: payment.reference }, 'gateway amount differs from the payment: left for a person to review');
      verdict = 'unknown';
    }
    const cus = pse?.cus ?? lookup.pse?.cus ?? null;
    const bankName = pse?.bankName ?? deps.banks.nameOf(lookup.pse?.bankCode ?? payment.bankCode) ?? payment.bankName;
    const facts: PaymentPatch = {
      lastCheckedAt: at,
      orderStatus: lookup.orderStatus,
      cus: cus ?? undefined,
      bankName: bankName ?? undefined,
    };
    if (pse?.transactionStatus) facts.achStatus = pse.transactionStatus;
    if (verdict === 'approved') return approve(payment, lookup, pse, bankName, cus);
    const event = verdictEvent(verdict, cus);
    const current = repo.get(payment.id) ?? payment;
    if (isFinal(current.state)) return current;
    if (event && nextState(current.state, event) !== current.state) {
      return windowCheck(apply(current, event, { ...facts, ...schedule(current, nowMs) }, `orderStatus=${lookup.orderStatus}`), nowMs);
    }
    repo.patch(current.id, current.state, { ...facts, ...(current.state === 'expired' ? {} : schedule(current, nowMs)) }, at);
    return windowCheck(repo.get(current.id) ?? current, nowMs);
  }

  function windowCheck(payment: PaymentRecord, nowMs: number): PaymentRecord {
    const started = Date.parse(payment.windowStartedAt ?? payment.createdAt);
    const open = payment.state === 'registered' || payment.state === 'redirected' || payment.state === 'pending';
    if (!open || nowMs < started + timing.windowMs) return payment;
    return apply(payment, { type: 'windowElapsed' }, {}, 'no final answer within the polling window');
  }

  async function reconcileOnce(payment: PaymentRecord): Promise<PaymentRecord> {
    const current = repo.get(payment.id) ?? payment;
    if (isFinal(current.state)) return current;
    try {
      if (current.state === 'created') {
        const resolved = await resolveCreated(current);
        return resolved.status ? await judge(resolved.payment, resolved.status) : resolved.payment;
      }
      return await judge(current, null);
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      const nowMs = clock.now().getTime();
      const at = iso(nowMs);
      const latest = repo.get(current.id) ?? current;
      if (!isFinal(latest.state) && latest.state !== 'expired')
        repo.patch(latest.id, latest.state, { lastCheckedAt: at, ...schedule(latest, nowMs) }, at);
      logger?.warn({ reference: current.reference, kind: error.kind }, 'payment could not be reconciled now');
      return windowCheck(repo.get(current.id) ?? latest, nowMs);
    }
  }

  return {
    timing,
    /** Asks the gateway about one payment (one question at a time per payment) and returns it as now stored. */
    reconcile(payment: PaymentRecord): Promise<PaymentRecord> {
      const running = inFlight.get(payment.id);
      if (running) return running;
      const promise = reconcileOnce(payment).finally(() => inFlight.delete(payment.id));
      inFlight.set(payment.id, promise);
      return promise;
    },
  };
}
export type Reconciler = ReturnType<typeof createReconciler>;
