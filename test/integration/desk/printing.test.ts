import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CASHIER, SUPERVISOR, cardInput, cashInput, payableObligations, useDesk, type DeskPayment } from '../../fixtures/desk';
import { until } from '../../support/until';

/**
 * The desk's papers as the printer receives them: the virtual printer over TCP decodes the ESC/POS bytes back into
 * lines. A cash receipt opens the drawer (ESC p) and a card receipt does not; a COPIA never does; ANULADO names the
 * receipt it cancels; the cierre de caja carries the totals, the count and the difference.
 */
describe('desk printing', () => {
  const rig = useDesk({ printer: true, synthetic: 100 });

  const text = (job: { decoded: { text: string[] } } | undefined) => job?.decoded.text.join('\n') ?? '';

  it('prints the receipt, the ANULADO slip and the cierre de caja with their facts', async () => {
    const { app, sim } = rig;
    const [a, b] = payableObligations(app, 2);
    if (!a || !b) throw new Error('no obligations');
    app.sessions.startOperator(CASHIER);
    const shift = await rig.call<{ shiftId: string }>('desk.openShift', { requestId: randomUUID(), openingFloat: 100_000 });

    const cash = await rig.call<DeskPayment>('desk.payCash', cashInput(a.id, 'balance', a.balance + 7_300));
    const [cashJob] = await sim.printer.waitForJobs(1, 10_000);
    expect(cashJob?.complete).toBe(true);
    expect(cashJob?.decoded.drawerKicks).toBe(1);
    expect(cash.drawerOpened).toBe(true);
    const cashText = text(cashJob);
    const money = (n: number) => `$ ${n.toLocaleString('es-CO').replace(/,/g, '.')}`.replace(/\u00a0/g, ' ');
    for (const expected of [
      'Recibo de Pago',
      cash.receiptNumber,
      'Efectivo',
      'Carmen Cajera',
      shift.shiftId,
      'DESK-01',
      money(a.balance),
      money(7_300),
    ]) {
      expect(cashText).toContain(expected);
    }
    expect(cashText).toMatch(/Cambio\s+\$\s?7\.300/);

    const card = await rig.call<DeskPayment>('desk.payCard', cardInput(b.id, 'balance', 42));
    const [, cardJob] = await sim.printer.waitForJobs(2, 10_000);
    expect(cardJob?.decoded.drawerKicks).toBe(0);
    expect(card.drawerOpened).toBe(false);
    for (const expected of [card.receiptNumber, 'Tarjeta (datáfono)', '**** 1042', 'A00042']) expect(text(cardJob)).toContain(expected);

    // A reprint is a COPIA and never opens the drawer.
    const stateOf = app.db.prepare('SELECT state FROM print_jobs WHERE id = ?').pluck();
    expect(
      await until(
        async () => stateOf.get(cash.jobId),
        (state) => state === 'printed',
      ),
    ).toBe('printed');
    expect(await rig.call('desk.reprint', { paymentId: cash.paymentId })).toMatchObject({ copy: true });
    const [, , copyJob] = await sim.printer.waitForJobs(3, 10_000);
    expect(text(copyJob)).toContain('COPIA');
    expect(copyJob?.decoded.drawerKicks).toBe(0);

    app.sessions.startOperator(SUPERVISOR);
    await rig.call('desk.void', { requestId: randomUUID(), paymentId: card.paymentId, reason: 'Cliente desiste del pago' });
    const [, , , voidJob] = await sim.printer.waitForJobs(4, 10_000);
    for (const expected of ['ANULADO', card.receiptNumber, 'Cliente desiste del pago', 'Sofía Supervisora', money(b.balance)]) {
      expect(text(voidJob)).toContain(expected);
    }

    const counted = 100_000 + a.balance + 500;
    await rig.call('desk.closeShiftAuthorized', { requestId: randomUUID(), countedCash: counted });
    const [, , , , closeJob] = await sim.printer.waitForJobs(5, 10_000);
    const closeText = text(closeJob);
    for (const expected of [
      'Cierre de Turno',
      shift.shiftId,
      'Efectivo (1)',
      money(a.balance),
      'Datáfono (0)',
      money(100_000 + a.balance),
      money(counted),
      'Sofía Supervisora',
      'Anulados',
    ]) {
      expect(closeText).toContain(expected);
    }
    expect(closeText).toMatch(/Diferencia\s+\+?\$\s?500/);
    expect(sim.printer.jobs().every((job) => job.complete)).toBe(true);
  }, 60_000);
});
