import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createDispatcher } from '../../../main/api/dispatcher';
import { createLogger } from '../../../main/log/logger';
import { startHost, type Host } from '../../../main/host/server';
import { createPaymentHandlers, payerFor } from '../../../main/payments/handlers';
import { MEMBER, insertObligation, outboxItems, payAtBank, paymentRig, tempDb, testConfig, type PaymentRig } from '../../fixtures/payments';
import type { KioskApiHandlers } from '../../../main/api/contract';
import type { CallContext } from '../../../main/api/dispatcher';

let sim: Simulator;
let host: Host;
let store: ReturnType<typeof tempDb>;
let rig: PaymentRig;
let returnUrl = '';
const token = 'test-token';

async function call(
  method: string,
  input: unknown,
): Promise<{
  status: number;
  body: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; details?: Record<string, unknown> } };
}> {
  const response = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as never };
}

beforeAll(async () => {
  sim = await startSimulator();
  store = tempDb();
  insertObligation(store.db, { id: 'LI-38', balance: 1_752_770, installment: 175_277 });
  const config = testConfig(sim.url);
  // The host's URL is known only once it listens; the service asks for the return URL at each start.
  rig = paymentRig(store.db, config, { returnUrl: () => returnUrl });
  const session = {
    subject: MEMBER,
    payer: payerFor(MEMBER, { fullName: 'CAJA DE COMPENSACION FAMILIAR - CAJACOPI ATLANTICO', email: 'ing_demo@hotmail.com' }),
  };
  const handlers = {
    'terminal.status': async () => {
      throw new Error('not in this test');
    },
    'terminal.contacts': async () => {
      throw new Error('not in this test');
    },
    ...createPaymentHandlers(rig.service, () => session),
  } as unknown as KioskApiHandlers<CallContext>; // only the payment methods are reached here
  const logger = createLogger({ level: 'silent' });
  const api = createDispatcher(handlers, logger, () => undefined);
  const rendererDir = join(store.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  host = await startHost({ api, logger, rendererDir, port: 0, token, pse: rig.service });
  returnUrl = `${host.url}/pse/retorno`;
});
afterAll(async () => {
  await host.close();
  await sim.close();
  store.cleanup();
});

describe('PSE through the browser host', () => {
  it('quote, start, the bank, the return route, the callback and the result', async () => {
    const banks = await call('payments.banks', {});
    expect(banks.body.data?.banks).toContainEqual({ code: '1007', name: 'BANCOLOMBIA' });

    const quote = await call('payments.quote', { obligationId: 'LI-38' });
    expect(quote.body.data).toMatchObject({
      options: { installment: 175_277, balance: 1_752_770, other: { min: 10_000, max: 1_752_770 } },
      payer: { docType: 'CC', docNumber: '1045678901', personType: 'natural', phone: '', editable: ['fullName', 'email', 'phone'] },
      blocked: null,
    });

    const started = await call('payments.start', {
      requestId: randomUUID(),
      obligationId: 'LI-38',
      amount: { kind: 'other', pesos: 200_000 },
      bankCode: '1007',
      payer: { fullName: 'CAJA DE COMPENSACION FAMILIAR - CAJACOPI ATLANTICO', email: 'ing_demo@hotmail.com', phone: '3004567434' },
    });
    expect(started.status).toBe(200);
    const { redirectUrl, reference } = started.body.data as { redirectUrl: string; reference: string };

    const back = await payAtBank(redirectUrl, 'approve');
    expect(back.origin).toBe(host.url);
    const returned = await fetch(back, { redirect: 'manual' });
    expect(returned.status).toBe(303);
    expect(returned.headers.get('location')).toBe(`/#/pago/resultado/${reference}`);

    // Credibanco's callback reaches the host as well; however often it comes, one payment is registered.
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${sim.url}/sim/gateway/callbacks`)).json()) as { callbacks: { delivered: boolean }[] }).callbacks[0]
            ?.delivered,
      )
      .toBe(true);
    const orderId = back.searchParams.get('orderId')!;
    const callback = `${host.url}/pse/callback?mdOrder=${orderId}&orderNumber=${reference}&operation=deposited&status=1`;
    expect((await fetch(callback)).status).toBe(200);
    expect((await fetch(callback)).status).toBe(200);
    expect(outboxItems(store.db)).toHaveLength(1);

    const result = await call('payments.result', { reference });
    expect(result.body.data).toMatchObject({ outcome: 'approved', amount: 200_000, voucherAvailable: true });
    const voucher = await call('payments.voucher', { paymentId: result.body.data?.paymentId });
    expect(voucher.body.data).toMatchObject({ reference, fields: { total: 200_000, reference } });
    const history = await call('payments.history', {});
    expect((history.body.data?.items as unknown[]).length).toBe(1);
  });

  it('refuses bad input with codes and Spanish reasons', async () => {
    const base = {
      requestId: randomUUID(),
      obligationId: 'LI-38',
      bankCode: '1007',
      payer: { fullName: 'ANA PEREZ', email: 'ana@example.com', phone: '3001234567' },
    };
    const fraction = await call('payments.start', { ...base, amount: { kind: 'other', pesos: 10_000.5 } });
    expect(fraction.status).toBe(400);
    expect(fraction.body.error?.details?.text).toMatch(/sin centavos/);
    const phone = await call('payments.start', {
      ...base,
      requestId: randomUUID(),
      amount: { kind: 'balance' },
      payer: { ...base.payer, phone: '123' },
    });
    expect(phone.body.error?.code).toBe('VALIDATION');
    expect(JSON.stringify(phone.body.error?.details)).toContain('payer.phone');
    const quote = await call('payments.quote', { obligationId: 'NOPE' });
    expect(quote.status).toBe(404);
  });

  it('validates the callback and the return', async () => {
    expect((await fetch(`${host.url}/pse/callback?mdOrder=x`)).status).toBe(400);
    expect((await fetch(`${host.url}/pse/callback?mdOrder=abc&orderNumber=NOPE-1&operation=deposited&status=1`)).status).toBe(404);
    const unknown = await fetch(`${host.url}/pse/retorno?orderId=unknown-order`, { redirect: 'manual' });
    expect(unknown.headers.get('location')).toBe('/#/pago/resultado');
    const garbage = await fetch(`${host.url}/pse/retorno?orderId=%3Cscript%3E`, { redirect: 'manual' });
    expect(garbage.headers.get('location')).toBe('/#/pago/resultado');
  });
});
