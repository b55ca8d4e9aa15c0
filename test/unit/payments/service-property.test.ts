import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../../../main/db/connection';
import { createPaymentsRepo } from '../../../main/db/payments-repo';
import { enqueueOutbox } from '../../support/outbox-enqueue';
import { createBankDirectory } from '../../../main/payments/banks';
import { GatewayError, type Gateway, type OrderStatus } from '../../../main/payments/gateway';
import { createPaymentService } from '../../../main/payments/service';
import { loadConfig } from '../../../main/config/load';
import { MEMBER, ManualClock, PAYER, insertObligation } from '../../fixtures/payments';

/**
 * The whole service against a scripted stand-in for Credibanco (the outside world, not our code): random
 * interleavings of payers, returns, callbacks, polls, restarts and gateway faults. Whatever happens, an order
 * is approved locally at most once, only when the gateway approved it, and no approved amount is lost.
 */
type Fault = 'before' | 'after' | 'malformed';
interface FakeOrder {
  orderId: string;
  orderNumber: string;
  amount: number;
  status: 0 | 2 | 6 | 7;
  ach: 'OK' | 'NOT_AUTHORIZED' | 'FAILED' | 'PENDING' | null;
  handedOut: boolean;
}

function fakeGateway() {
  const orders: FakeOrder[] = [];
  const faults: Partial<Record<'register' | 'orderStatus' | 'pseStatus', Fault>> = {};
  let n = 0;
  function hit(op: 'register' | 'orderStatus' | 'pseStatus', phase: 'before' | 'after'): void {
    const fault = faults[op];
    if (!fault || (fault === 'before') !== (phase === 'before')) return;
    delete faults[op];
    throw new GatewayError(fault === 'malformed' ? 'malformed' : 'unavailable', op, 'injected');
  }
  const status = (o: FakeOrder): OrderStatus => ({
    found: true,
    orderId: o.orderId,
    orderNumber: o.orderNumber,
    orderStatus: o.status,
    actionCode: 0,
    actionCodeDescription: 'x',
    amount: o.amount,
    currency: 'COP',
    date: null,
    ip: null,
    terminalId: null,
    authRefNum: null,
    authDateTime: null,
    approvalCode: null,
    paymentWay: 'PSE',
    pse: { cus: o.status === 0 ? null : `CUS-${o.orderId}`, bankCode: '1007' },
  });
  const gateway: Gateway = {
    async register(order) {
      hit('register', 'before');
      if (orders.some((o) => o.orderNumber === order.orderNumber)) throw new GatewayError('refused', 'register', 'duplicate', '1');
      const o: FakeOrder = {
        orderId: `o${++n}`,
        orderNumber: order.orderNumber,
        amount: order.amount,
        status: 0,
        ach: null,
        handedOut: false,
      };
      orders.push(o);
      hit('register', 'after');
      return { orderId: o.orderId, formUrl: `https://bank.example/${o.orderId}` };
    },
    async orderStatus(ref) {
      hit('orderStatus', 'before');
      const o = orders.find((x) => ('orderId' in ref ? x.orderId === ref.orderId : x.orderNumber === ref.orderNumber));
      return o ? status(o) : { found: false };
    },
    async pseStatus(orderId) {
      hit('pseStatus', 'before');
      const o = orders.find((x) => x.orderId === orderId)!;
      return {
        cus: o.status === 0 ? null : `CUS-${o.orderId}`,
        bankCode: '1007',
        bankName: 'BANCOLOMBIA',
        transactionStatus: o.ach,
        ticketId: null,
      };
    },
    async banks() {
      return [{ code: '1007', name: 'BANCOLOMBIA' }];
    },
  };
  return { gateway, orders, faults };
}

const action = fc.oneof(
  {
    arbitrary: fc.record({
      type: fc.constant('start' as const),
      reuse: fc.boolean(),
      choice: fc.constantFrom<'installment' | 'balance' | { other: number }>('installment', 'balance', { other: 50_000 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      type: fc.constant('decide' as const),
      which: fc.nat(),
      outcome: fc.constantFrom('approve', 'approve', 'reject', 'fail', 'pending'),
    }),
    weight: 4,
  },
  fc.record({
    type: fc.constant('start' as const),
    reuse: fc.boolean(),
    choice: fc.constantFrom<'installment' | 'balance' | { other: number }>('installment', 'balance', { other: 50_000 }),
  }),
  fc.record({ type: fc.constant('decide' as const), which: fc.nat(), outcome: fc.constantFrom('approve', 'reject', 'fail', 'pending') }),
  fc.record({ type: fc.constant('return' as const), which: fc.nat() }),
  fc.record({ type: fc.constant('callback' as const), which: fc.nat() }),
  fc.record({ type: fc.constant('poll' as const), minutes: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ type: fc.constant('restart' as const) }),
  fc.record({
    type: fc.constant('fault' as const),
    op: fc.constantFrom('register', 'orderStatus', 'pseStatus'),
    kind: fc.constantFrom<Fault>('before', 'after', 'malformed'),
  }),
);

describe('payment service under random interleavings (property)', () => {
  it('approves an order at most once, only when the gateway did, and loses no approved amount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 3, maxLength: 40, size: 'medium' }), async (actions) => {
        const db = openDatabase(':memory:');
        const config = loadConfig({ env: {} });
        const clock = new ManualClock();
        const fake = fakeGateway();
        insertObligation(db, { id: 'LI-38', balance: 1_752_770, installment: 175_277 });
        let uuid = 0;
        const make = () => {
          const repo = createPaymentsRepo(db);
          return createPaymentService({
            repo,
            gateway: fake.gateway,
            banks: createBankDirectory({ repo, gateway: fake.gateway, clock }),
            clock,
            ids: { uuid: () => `00000000-0000-4000-8000-${(++uuid).toString().padStart(12, '0')}` },
            config,
            outbox: { enqueue: (item) => enqueueOutbox(db, item) },
            returnUrl: () => 'http://127.0.0.1:9/pse/retorno',
          });
        };
        let service = make();
        let lastRequest = '10000000-0000-4000-8000-000000000000';
        let requests = 0;
        for (const a of actions) {
          const pick = (which: number) => fake.orders[which % Math.max(1, fake.orders.length)];
          try {
            if (a.type === 'start') {
              if (!a.reuse) lastRequest = `10000000-0000-4000-8000-${(++requests).toString().padStart(12, '0')}`;
              const started = await service.start({
                requestId: lastRequest,
                obligationId: 'LI-38',
                choice: a.choice,
                bankCode: '1007',
                subject: MEMBER,
                payer: PAYER,
              });
              fake.orders.find((o) => o.orderNumber === started.reference)!.handedOut = true;
            } else if (a.type === 'decide') {
              const o = pick(a.which);
              // Only a payer who got the bank's page can act; the bank may settle a pending payment later.
              if (o && ((o.handedOut && o.status === 0) || o.status === 7)) {
                const to = { approve: [2, 'OK'], reject: [6, 'NOT_AUTHORIZED'], fail: [6, 'FAILED'], pending: [7, 'PENDING'] } as const;
                [o.status, o.ach] = to[a.outcome as keyof typeof to];
              }
            } else if (a.type === 'return') {
              const o = pick(a.which);
              if (o) await service.handleReturn(o.orderId);
            } else if (a.type === 'callback') {
              const o = pick(a.which);
              if (o) await service.handleCallback({ mdOrder: o.orderId, orderNumber: o.orderNumber });
            } else if (a.type === 'poll') {
              clock.advance(a.minutes * 60_000);
              await service.runDue();
            } else if (a.type === 'restart') {
              service = make();
              await service.resume();
            } else {
              fake.faults[a.op] = a.kind;
            }
          } catch (error) {
            // Refusals to the person are fine; our own bugs are not.
            if (!(error instanceof Error) || error.name !== 'ApiError') throw error;
          }
        }
        // The world heals; a restart asks about everything open.
        for (const op of Object.keys(fake.faults)) delete fake.faults[op as keyof typeof fake.faults];
        service = make();
        await service.resume();

        const rows = db
          .prepare<[], { id: string; reference: string; amount: number; state: string; idempotency_key: string }>(
            'SELECT id, reference, amount, state, idempotency_key FROM payments',
          )
          .all();
        const approvals = db
          .prepare<[], { payment_id: string; n: number }>(
            "SELECT payment_id, COUNT(*) AS n FROM payment_events WHERE to_state = 'approved' GROUP BY payment_id",
          )
          .all();
        for (const a of approvals) expect(a.n).toBe(1);
        const outbox = db
          .prepare<[], { idempotency_key: string; payload_json: string }>(
            "SELECT idempotency_key, payload_json FROM outbox WHERE kind = 'payment.register'",
          )
          .all();
        const approved = rows.filter((r) => r.state === 'approved');
        expect(outbox.map((o) => o.idempotency_key).sort()).toEqual(approved.map((r) => r.idempotency_key).sort());
        for (const r of rows) {
          const order = fake.orders.find((o) => o.orderNumber === r.reference);
          // Approved here exactly when approved at the gateway: no guessing, and no approved amount lost.
          expect(r.state === 'approved').toBe(order?.status === 2);
          if (order) expect(order.amount).toBe(r.amount);
        }
        const total = approved.reduce((sum, r) => sum + r.amount, 0);
        const obligation = db
          .prepare<[], { paid: number; balance: number }>("SELECT paid, balance FROM obligations WHERE id = 'LI-38'")
          .get()!;
        expect(obligation.paid).toBe(total);
        expect(obligation.balance).toBe(Math.max(0, 1_752_770 - total));
        expect(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM vouchers').get()!.n).toBe(approved.length);
        db.close();
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
