import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../main/api/contract';
import { formatCop } from '../../../main/domain/money';
import { CASHIER, SUPERVISOR, cashInput, startDesk, type DeskRig } from '../../fixtures/desk';

/**
 * A whole PSE payment taken at the desk on the person's behalf, through the KioskApi of the real core (real
 * SQLite file, the simulator's central API, gateway, bank page and virtual printer over real HTTP and TCP):
 * started in the cashier's shift, approved on the bank's page, reconciled on the return, printed, registered
 * centrally once, counted in the close by method — and not voidable at the desk.
 */
describe('a PSE payment at the desk', () => {
  let rig: DeskRig;
  beforeAll(async () => {
    rig = await startDesk({ printer: true, synthetic: 50 });
    rig.app.setPseReturnUrl('http://127.0.0.1:9/pse/retorno');
  }, 60_000);
  afterAll(async () => {
    await rig.close();
  });

  it('is approved at the bank, prints, belongs to the shift, registers once, shows in the close, and cannot be voided', async () => {
    const { app, sim } = rig;
    app.sessions.startOperator(CASHIER);
    const shift = await rig.call<{ shiftId: string }>('desk.openShift', { requestId: randomUUID(), openingFloat: 100_000 });
    // A cash payment of another obligation first, so the close shows both methods.
    const cash = await rig.call<{ amount: number }>('desk.payCash', cashInput('LI-51', 'installment', 1_000_000));

    const lookup = await rig.call<ApiOutput<'desk.lookup'>>('desk.lookup', { by: 'cedula', value: '1045678901', source: 'live' });
    const credit = lookup.obligations.find((o) => o.id === 'LI-38');
    if (!credit) throw new Error('LI-38 not found');
    const quote = await rig.call<ApiOutput<'desk.quote'>>('desk.quote', { obligationId: 'LI-38' });
    expect(quote.methods.pse).toEqual({ available: true, reason: null });
    const { banks } = await rig.call<ApiOutput<'desk.pseBanks'>>('desk.pseBanks', {});
    const bank = banks[0];
    if (!bank) throw new Error('no banks');
    const started = await rig.call<ApiOutput<'desk.pseStart'>>('desk.pseStart', {
      requestId: randomUUID(),
      obligationId: 'LI-38',
      amount: { kind: 'installment' },
      bankCode: bank.code,
      payer: {
        docType: 'CC',
        docNumber: '1045678901',
        personType: 'natural',
        fullName: 'ANA MARÍA GUTIÉRREZ DE LA HOZ',
        email: 'ana@example.com',
        phone: '3004567434',
      },
    });
    expect(started.amount).toBe(credit.installment);
    expect((await rig.call<ApiOutput<'desk.pseResult'>>('desk.pseResult', { paymentId: started.paymentId })).outcome).toBe('inProgress');

    // The person approves on the bank's own page; the bank sends the browser back to the return URL.
    const bankPage = await fetch(started.redirectUrl);
    expect(bankPage.ok).toBe(true);
    const html = await bankPage.text();
    expect(html).toContain('name="decision"');
    const orderId = /name="mdOrder" value="([^"]+)"/.exec(html)?.[1];
    if (!orderId) throw new Error('no order on the bank page');
    const decided = await fetch(new URL('/payment/pse/banco', started.redirectUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ mdOrder: orderId, decision: 'approve' }).toString(),
      redirect: 'manual',
    });
    expect(decided.status).toBe(303);
    const back = new URL(decided.headers.get('location') ?? '');
    expect(back.pathname).toBe('/pse/retorno');
    // What the host's /pse/retorno does: reconcile with the gateway.
    expect(await app.payments.handleReturn(back.searchParams.get('orderId') ?? '')).toMatchObject({
      reference: started.reference,
      outcome: 'approved',
    });
    expect(await rig.call<ApiOutput<'desk.pseResult'>>('desk.pseResult', { paymentId: started.paymentId })).toMatchObject({
      outcome: 'approved',
      voucherAvailable: true,
    });

    // The voucher printed: decoded from the virtual printer's bytes.
    const jobs = await sim.printer.waitForJobs(2, 10_000);
    const paper = jobs.find((job) => job.decoded.text.join('\n').includes(started.reference));
    expect(paper?.complete).toBe(true);
    const text = (paper?.decoded.text ?? []).join('\n').replace(/\s+/g, ' ');
    for (const expected of ['CREDIBANCO', started.reference, formatCop(credit.installment).replace(/\u00a0/g, ' '), 'PSE']) {
      expect(text, expected).toContain(expected);
    }
    expect(paper?.decoded.drawerKicks).toBe(0);

    // It belongs to the cashier's open shift, as a PSE payment.
    const listed = await rig.call<ApiOutput<'desk.shiftPayments'>>('desk.shiftPayments', {});
    const item = listed.items.find((i) => i.paymentId === started.paymentId);
    expect(item).toMatchObject({ method: 'pse', state: 'approved', amount: credit.installment, voidable: false });
    const row = app.db.prepare('SELECT method, shift_id, operator_id FROM payments WHERE id = ?').get(started.paymentId);
    expect(row).toEqual({ method: 'pse', shift_id: shift.shiftId, operator_id: CASHIER.username });

    // Registered at the central API exactly once, even if the outbox is drained again.
    await rig.drain();
    await rig.drain();
    const registered = sim.central.payments.list().filter((p) => p.reference === started.reference);
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ method: 'pse', amount: credit.installment, obligationId: 'LI-38', deliveries: 1 });
    expect(
      (await rig.call<ApiOutput<'desk.shiftPayments'>>('desk.shiftPayments', {})).items.find((i) => i.paymentId === started.paymentId)
        ?.central,
    ).toBe('registered');

    // Anular refuses it, even for the supervisor.
    app.sessions.startOperator(SUPERVISOR);
    expect(await rig.refusal('desk.void', { requestId: randomUUID(), paymentId: started.paymentId, reason: 'Pago equivocado' })).toEqual({
      code: 'CONFLICT',
      reason: 'NOT_VOIDABLE',
    });
    app.sessions.startOperator(CASHIER);

    // The close counts it under PSE, beside the cash; the drawer's expected cash is the float and the cash only.
    const preview = await rig.call<ApiOutput<'desk.previewClose'>>('desk.previewClose', { countedCash: 100_000 + cash.amount });
    expect(preview.totals).toEqual([
      { method: 'cash', count: 1, amount: cash.amount },
      { method: 'card', count: 0, amount: 0 },
      { method: 'pse', count: 1, amount: credit.installment },
    ]);
    expect(preview).toMatchObject({ expectedCash: 100_000 + cash.amount, difference: 0, needsSupervisor: false });
    const report = await rig.call<ApiOutput<'desk.closeShift'>>('desk.closeShift', {
      requestId: randomUUID(),
      countedCash: 100_000 + cash.amount,
    });
    expect(report.shift.totals.find((t) => t.method === 'pse')).toEqual({ method: 'pse', count: 1, amount: credit.installment });
    expect(report.shift.state).toBe('closed');
  }, 60_000);
});
