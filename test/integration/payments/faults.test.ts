import { describe, expect, it } from 'vitest';
import { MEMBER, apiRefusal, paymentInput, obligationOf, outboxItems, payAtBank, usePaymentWorld } from '../../fixtures/payments';

const MIN3 = 3 * 60_000;
const w = usePaymentWorld(
  // the bank list is cached before the faults begin
  (world) => world.rig.service.banks(),
);

function payments(): { reference: string; state: string; form_url: string | null; gateway_order_id: string | null }[] {
  return w.store.db
    .prepare<[], { reference: string; state: string; form_url: string | null; gateway_order_id: string | null }>(
      'SELECT reference, state, form_url, gateway_order_id FROM payments ORDER BY created_at',
    )
    .all();
}

describe('gateway faults', () => {
  it('down during register, before it took effect: asked by number, not found, the attempt fails and nothing was charged', async () => {
    await w.admin.fault({ operations: ['register'], mode: 'down', times: 1 });
    const error = await apiRefusal(w.rig.service.start(paymentInput()));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'GATEWAY_UNAVAILABLE', state: 'failed' } });
    expect(error.details?.text).toMatch(/No se realizó ningún cobro/);
    expect(await w.admin.orders()).toEqual([]);
    await expect(w.rig.service.start(paymentInput())).resolves.toMatchObject({ amount: 175_277 });
  });

  it('down during register, after it took effect: found by number, never registered twice, never redirected', async () => {
    await w.admin.fault({ operations: ['register'], mode: 'down', phase: 'after', times: 1 });
    const error = await apiRefusal(w.rig.service.start(paymentInput()));
    expect(error.details?.state).toBe('registered');
    const [payment] = payments();
    expect(payment).toMatchObject({ state: 'registered', form_url: null });
    expect(await w.admin.orders()).toHaveLength(1);
    // The order nobody can pay runs out at the gateway, and the payment follows the gateway.
    await w.admin.advance(21 * 60_000);
    w.rig.clock.advance(MIN3);
    await w.rig.service.runDue();
    expect(payments()[0]!.state).toBe('failed');
  });

  it('a slow register answered after our timeout is resolved the same way', async () => {
    await w.admin.fault({ operations: ['register'], mode: 'latency', latencyMs: 1700, times: 1 });
    const error = await apiRefusal(w.rig.service.start(paymentInput()));
    expect(error.code).toBe('UNAVAILABLE');
    // Whatever the lookup saw, the payment is never redirected and the gateway holds at most one order for it.
    expect(['failed', 'registered']).toContain(payments()[0]!.state);
    // The slow gateway finishes registering after we gave up: still one order, and nobody has its form URL.
    await expect.poll(async () => (await w.admin.orders()).length, { timeout: 5000 }).toBe(1);
    expect(payments()[0]!.form_url).toBeNull();
  });

  it('down during register and during the lookup: stays created, and the scheduler resolves it later', async () => {
    await w.admin.fault({ operations: ['register'], mode: 'down', phase: 'after', times: 1 });
    await w.admin.fault({ operations: ['orderStatus'], mode: 'down', times: 1 });
    await apiRefusal(w.rig.service.start(paymentInput()));
    expect(payments()[0]!.state).toBe('created');
    w.rig.clock.advance(MIN3);
    expect(await w.rig.service.runDue()).toBe(1);
    expect(payments()[0]).toMatchObject({ state: 'registered', form_url: null });
    const order = (await w.admin.orders()).find((o) => o.orderNumber === payments()[0]!.reference);
    expect(payments()[0]!.gateway_order_id).toBe(order?.orderId);
  });

  it('down during status: the return shows the attempt in progress, the next poll approves it', async () => {
    const started = await w.rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'approve');
    await w.admin.fault({ operations: ['orderStatus'], mode: 'down', times: 1 });
    expect((await w.rig.service.handleReturn(back.searchParams.get('orderId')!))?.outcome).toBe('inProgress');
    expect(outboxItems(w.store.db)).toEqual([]);
    w.rig.clock.advance(MIN3);
    await w.rig.service.runDue();
    expect(payments()[0]!.state).toBe('approved');
    expect(outboxItems(w.store.db)).toHaveLength(1);
  });

  it('malformed status answers move nothing; a failed pse/status does not hold back an approval', async () => {
    const started = await w.rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'approve');
    const orderId = back.searchParams.get('orderId')!;
    for (const mode of ['malformed', 'truncated', 'http500']) {
      await w.admin.fault({ operations: ['orderStatus'], mode, times: 1 });
      expect((await w.rig.service.handleReturn(orderId))?.outcome).toBe('inProgress');
    }
    await w.admin.fault({ operations: ['pseStatus'], mode: 'malformed', times: 1 });
    expect((await w.rig.service.handleReturn(orderId))?.outcome).toBe('approved');
    const result = await w.rig.service.result(started.reference, MEMBER);
    expect(result.cus).toMatch(/^\d+$/); // from getOrderStatusExtended's pseInfo
    expect(w.rig.service.voucher(started.paymentId, MEMBER).fields.bankName).toBe('BANCOLOMBIA'); // from the cached list
  });

  it('a decline is not called rejected or failed until ACH says which', async () => {
    const started = await w.rig.service.start(paymentInput());
    const back = await payAtBank(started.redirectUrl, 'reject');
    const orderId = back.searchParams.get('orderId')!;
    await w.admin.fault({ operations: ['pseStatus'], mode: 'down', times: 1 });
    expect((await w.rig.service.handleReturn(orderId))?.outcome).toBe('inProgress');
    expect((await w.rig.service.handleReturn(orderId))?.outcome).toBe('rejected');
  });

  it('a malformed register answer is an unknown outcome too', async () => {
    await w.admin.fault({ operations: ['register'], mode: 'malformed', times: 1 });
    expect((await apiRefusal(w.rig.service.start(paymentInput()))).code).toBe('UNAVAILABLE');
    expect(payments()[0]).toMatchObject({ state: 'registered', form_url: null });
    expect(await w.admin.orders()).toHaveLength(1);
    expect(obligationOf(w.store.db, 'LI-38').paid).toBe(0);
  });

  it("bank list: cached for a day; without it, ACH's failure text", async () => {
    await w.admin.fault({ operations: ['banks'], mode: 'down' });
    await expect(w.rig.service.banks()).resolves.toMatchObject({ banks: expect.arrayContaining([{ code: '1007', name: 'BANCOLOMBIA' }]) });
    w.rig.clock.advance(25 * 3600_000);
    const error = await apiRefusal(w.rig.service.banks());
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      details: { reason: 'BANKS_UNAVAILABLE', text: 'No se pudo obtener la lista de Entidades Financieras, por favor intente más tarde' },
    });
    expect((await apiRefusal(w.rig.service.start(paymentInput()))).details?.reason).toBe('BANKS_UNAVAILABLE');
    await w.admin.clearFaults();
    const fresh = await w.rig.service.banks();
    expect(Date.parse(fresh.fetchedAt)).toBe(w.rig.clock.now().getTime());
  });
});
