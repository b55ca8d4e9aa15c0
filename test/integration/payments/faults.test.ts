import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sim/server';
import type { Config } from '../../../main/config/schema';
import {
  MEMBER,
  apiRefusal,
  paymentInput,
  insertObligation,
  obligationOf,
  outboxItems,
  payAtBank,
  paymentRig,
  simAdmin,
  tempDb,
  testConfig,
  type PaymentRig,
} from '../../fixtures/payments';

const MIN3 = 3 * 60_000;
let sim: Simulator;
let admin: ReturnType<typeof simAdmin>;
let config: Config;
let store: ReturnType<typeof tempDb>;
let rig: PaymentRig;



function payments(): { reference: string; state: string; form_url: string | null; gateway_order_id: string | null }[] {
  return store.db.prepare<[], { reference: string; state: string; form_url: string | null; gateway_order_id: string | null }>(
    'SELECT reference, state, form_url, gateway_order_id FROM payments ORDER BY created_at',
  ).all();
}

beforeAll(async () => {
  sim = await startSimulator();
  admin = simAdmin(sim.url);
  config = testConfig(sim.url);
});
beforeEach(async () => {
  await admin.reset();
  await admin.callbacks(false);
  store = tempDb();
  insertObligation(store.db, { id: 'LI-38', balance: 1_752_770, installment: 175_277 });
  rig = paymentRig(store.db, config);
  await rig.service.banks(); // the bank list is cached before the faults begin
});
afterEach(() => store.cleanup());
afterAll(async () => {
  await sim.close();
});

describe('gateway faults', () => {
  it('down during register, before it took effect: asked by number, not found, the attempt fails and nothing was charged', async () => {
    await admin.fault({ operations: ['register'], mode: 'down', times: 1 });
    const error = await apiRefusal(rig.service.start(paymentInput()));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'GATEWAY_UNAVAILABLE', state: 'failed' } });
    expect(error.details?.text).toMatch(/No se realizó ningún cobro/);
    expect(await admin.orders()).toEqual([]);
    await expect(rig.service.start(paymentInput())).resolves.toMatchObject({ amount: 175_277 });
  });

  it('down during register, after it took effect: found by number, never registered twice, never redirected', async () => {
    await admin.fault({ operations: ['register'], mode: 'down', phase: 'after', times: 1 });
    const error = await apiRefusal(rig.service.start(paymentInput()));
    expect(error.details?.state).toBe('registered');
    const [payment] = payments();
    expect(payment).toMatchObject({ state: 'registered', form_url: null });
    expect(await admin.orders()).toHaveLength(1);
    // The order nobody can pay runs out at the gateway, and the payment follows the gateway.
    await admin.advance(21 * 60_000);
    rig.clock.advance(MIN3);
    await rig.service.runDue();
    expect(payments()[0]!.state).toBe('failed');
  });

  it('a slow register answered after our timeout is resolved the same way', async () => {
    await admin.fault({ operations: ['register'], mode: 'latency', latencyMs: 1700, times: 1 });
    const error = await apiRefusal(rig.service.start(paymentInput()));
    expect(error.code).toBe('UNAVAILABLE');
    // Whatever the lookup saw, the payment is never redirected and the gateway holds at most one order for it.
    expect(['failed', 'registered']).toContain(payments()[0]!.state);
    // The slow gateway finishes registering after we gave up: still one order, and nobody has its form URL.
    await expect.poll(async () => (await admin.orders()).length, { timeout: 5000 }).toBe(1);
    expect(payments()[0]!.form_url).toBeNull();
  });

  it('down during register and during the lookup: stays created, and the scheduler resolves it later', async () => {
    await admin.fault({ operations: ['register'], mode: 'down', phase: 'after', times: 1 });
    await admin.fault({ operations: ['orderStatus'], mode: 'down', times: 1 });
    await apiRefusal(rig.service.start(paymentInput()));
    expect(payments()[0]!.state).toBe('created');
    rig.clock.advance(MIN3);
    expect(await rig.service.runDue()).toBe(1);
    expect(payments()[0]).toMatchObject({ state: 'registered', form_url: null });
    const order = (await admin.orders()).find((o) => o.orderNumber === payments()[0]!.reference);
    expect(payments()[0]!.gateway_order_id).toBe(order?.orderId);
  });

  it('down during status: the return shows the attempt in progress, the next poll approves it', async () => {
    const started = await rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'approve');
    await admin.fault({ operations: ['orderStatus'], mode: 'down', times: 1 });
    expect((await rig.service.handleReturn(back.searchParams.get('orderId')!))?.outcome).toBe('inProgress');
    expect(outboxItems(store.db)).toEqual([]);
    rig.clock.advance(MIN3);
    await rig.service.runDue();
    expect(payments()[0]!.state).toBe('approved');
    expect(outboxItems(store.db)).toHaveLength(1);
  });

  it('malformed status answers move nothing; a failed pse/status does not hold back an approval', async () => {
    const started = await rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'approve');
    const orderId = back.searchParams.get('orderId')!;
    for (const mode of ['malformed', 'truncated', 'http500']) {
      await admin.fault({ operations: ['orderStatus'], mode, times: 1 });
      expect((await rig.service.handleReturn(orderId))?.outcome).toBe('inProgress');
    }
    await admin.fault({ operations: ['pseStatus'], mode: 'malformed', times: 1 });
    expect((await rig.service.handleReturn(orderId))?.outcome).toBe('approved');
    const result = await rig.service.result(started.reference, MEMBER);
    expect(result.cus).toMatch(/^\d+$/); // from getOrderStatusExtended's pseInfo
    expect(rig.service.voucher(started.paymentId, MEMBER).fields.bankName).toBe('BANCOLOMBIA'); // from the cached list
  });

  it('a decline is not called rejected or failed until ACH says which', async () => {
    const started = await rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'reject');
    const orderId = back.searchParams.get('orderId')!;
    await admin.fault({ operations: ['pseStatus'], mode: 'down', times: 1 });
    expect((await rig.service.handleReturn(orderId))?.outcome).toBe('inProgress');
    expect((await rig.service.handleReturn(orderId))?.outcome).toBe('rejected');
  });

  it('a malformed register answer is an unknown outcome too', async () => {
    await admin.fault({ operations: ['register'], mode: 'malformed', times: 1 });
    expect((await apiRefusal(rig.service.start(paymentInput()))).code).toBe('UNAVAILABLE');
    expect(payments()[0]).toMatchObject({ state: 'registered', form_url: null });
    expect(await admin.orders()).toHaveLength(1);
    expect(obligationOf(store.db, 'LI-38').paid).toBe(0);
  });

  it('bank list: cached for a day; without it, ACH\'s failure text', async () => {
    await admin.fault({ operations: ['banks'], mode: 'down' });
    await expect(rig.service.banks()).resolves.toMatchObject({ banks: expect.arrayContaining([{ code: '1007', name: 'BANCOLOMBIA' }]) });
    rig.clock.advance(25 * 3600_000);
    const error = await apiRefusal(rig.service.banks());
    expect(error).toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'BANKS_UNAVAILABLE', text: 'No se pudo obtener la lista de Entidades Financieras, por favor intente más tarde' } });
    expect((await apiRefusal(rig.service.start(paymentInput()))).details?.reason).toBe('BANKS_UNAVAILABLE');
    await admin.clearFaults();
    const fresh = await rig.service.banks();
    expect(Date.parse(fresh.fetchedAt)).toBe(rig.clock.now().getTime());
  });
});
