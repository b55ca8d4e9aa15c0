import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createCredibancoGateway } from '../../../main/payments/credibanco/client';
import { GatewayError, type Gateway, type RegisterOrder } from '../../../main/payments/gateway';
import { PAYER, payAtBank, simAdmin } from '../../fixtures/payments';
import { rejectionOf } from '../../support/rejection';

let sim: Simulator;
let gateway: Gateway;
let admin: ReturnType<typeof simAdmin>;
let n = 0;

function order(overrides: Partial<RegisterOrder> = {}): RegisterOrder {
  return {
    orderNumber: `TEST-${Date.now().toString(36).toUpperCase()}-${++n}`,
    amount: 175_277,
    description: 'CREDITO POR LIBRANZAS LI- 38',
    returnUrl: 'http://127.0.0.1:9/pse/retorno',
    failUrl: 'http://127.0.0.1:9/pse/retorno',
    bankCode: '1007',
    payer: PAYER,
    ...overrides,
  };
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, GatewayError);

beforeAll(async () => {
  sim = await startSimulator();
  gateway = createCredibancoGateway({
    baseUrl: `${sim.url}/payment/`,
    userName: 'cajacopi-demo',
    password: 'demo-password',
    timeoutMs: 1000,
  });
  admin = simAdmin(sim.url);
  await admin.callbacks(false);
});
afterEach(async () => {
  await admin.clearFaults();
});
afterAll(async () => {
  await sim.close();
});

describe('Credibanco adapter against the simulator', () => {
  it('registers an order in minor units and reads it back by orderId and by orderNumber', async () => {
    const o = order();
    const registered = await gateway.register(o);
    expect(registered.formUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/payment\/pse\/banco\?mdOrder=/);
    const byId = await gateway.orderStatus({ orderId: registered.orderId });
    const byNumber = await gateway.orderStatus({ orderNumber: o.orderNumber });
    expect(byId).toMatchObject({
      found: true,
      orderId: registered.orderId,
      orderNumber: o.orderNumber,
      orderStatus: 0,
      amount: 175_277,
      currency: 'COP',
    });
    expect(byNumber).toEqual(byId);
  });

  it('reports approval with the CUS and the bank from pse/status', async () => {
    const registered = await gateway.register(order());
    await payAtBank(registered.formUrl, 'approve');
    const status = await gateway.orderStatus({ orderId: registered.orderId });
    const pse = await gateway.pseStatus(registered.orderId);
    expect(status).toMatchObject({ found: true, orderStatus: 2, actionCode: 0, actionCodeDescription: 'Aprobada', paymentWay: 'PSE' });
    expect(pse).toMatchObject({ transactionStatus: 'OK', bankCode: '1007', bankName: 'BANCOLOMBIA' });
    expect(pse.cus).toMatch(/^\d{9}$/);
    expect(status.found && status.pse?.cus).toBe(pse.cus);
  });

  it('says an unknown order is not found', async () => {
    expect(await gateway.orderStatus({ orderNumber: 'NEVER-REGISTERED' })).toEqual({ found: false });
  });

  it('lists the banks without the placeholder entry', async () => {
    const banks = await gateway.banks();
    expect(banks.length).toBeGreaterThan(3);
    expect(banks.find((b) => b.code === '0')).toBeUndefined();
    expect(banks).toContainEqual({ code: '1007', name: 'BANCOLOMBIA' });
  });

  it('tells a refusal from an unknown outcome', async () => {
    const o = order();
    await gateway.register(o);
    const duplicate = await failure(gateway.register(o));
    expect(duplicate.kind).toBe('refused');
    expect(duplicate.gatewayCode).toBe('1');
    const wrongPassword = createCredibancoGateway({
      baseUrl: `${sim.url}/payment/`,
      userName: 'cajacopi-demo',
      password: 'nope',
      timeoutMs: 1000,
    });
    expect((await failure(wrongPassword.register(order()))).kind).toBe('refused');
  });

  it('turns a gateway that is down, slow or failing into "unavailable"', async () => {
    await admin.fault({ operations: ['register'], mode: 'down', times: 1 });
    expect((await failure(gateway.register(order()))).kind).toBe('unavailable');
    await admin.fault({ operations: ['orderStatus'], mode: 'http500', times: 1 });
    expect((await failure(gateway.orderStatus({ orderNumber: 'X' }))).kind).toBe('unavailable');
    await admin.fault({ operations: ['banks'], mode: 'latency', latencyMs: 1500, times: 1 });
    expect((await failure(gateway.banks())).kind).toBe('unavailable');
    const closed = createCredibancoGateway({ baseUrl: 'http://127.0.0.1:9/payment/', userName: 'u', password: 'p', timeoutMs: 500 });
    expect((await failure(closed.banks())).kind).toBe('unavailable');
  });

  it('turns malformed and truncated answers into "malformed", for every operation', async () => {
    const registered = await gateway.register(order());
    for (const mode of ['malformed', 'truncated']) {
      await admin.fault({ operations: ['register'], mode, times: 1 });
      expect((await failure(gateway.register(order()))).kind).toBe('malformed');
      await admin.fault({ operations: ['orderStatus'], mode, times: 1 });
      expect((await failure(gateway.orderStatus({ orderId: registered.orderId }))).kind).toBe('malformed');
      await admin.fault({ operations: ['pseStatus'], mode, times: 1 });
      expect((await failure(gateway.pseStatus(registered.orderId))).kind).toBe('malformed');
      await admin.fault({ operations: ['banks'], mode, times: 1 });
      expect((await failure(gateway.banks())).kind).toBe('malformed');
    }
  });

  it('a register whose answer is lost still took effect: the order is found by its number', async () => {
    const o = order();
    await admin.fault({ operations: ['register'], mode: 'down', phase: 'after', times: 1 });
    expect((await failure(gateway.register(o))).kind).toBe('unavailable');
    expect(await gateway.orderStatus({ orderNumber: o.orderNumber })).toMatchObject({ found: true, orderStatus: 0 });
  });
});
