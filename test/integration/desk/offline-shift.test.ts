import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CASHIER,
  SUPERVISOR,
  cardInput,
  cashInput,
  payableObligations,
  useDesk,
  type DeskPayment,
  type DeskRig,
} from '../../fixtures/desk';

/**
 * A whole shift at the desk with the central API in full outage: 200 cash and card payments, some voided by the
 * supervisor, then the link returns. Every payment and void reaches the central API exactly once, balances agree on
 * both sides, the close report adds up to its receipts, and the receipt numbers have no gap.
 */
describe('a whole desk shift offline', () => {
  const rig = useDesk({ synthetic: 600 });

  it('registers every payment and void once after the outage, with equal balances and gapless receipts', async () => {
    const { app, sim } = rig;
    const obligations = payableObligations(app, 200);
    expect(obligations.length).toBe(200);
    await rig.outage(true);

    app.sessions.startOperator(CASHIER);
    const shift = await rig.call<{ shiftId: string }>('desk.openShift', { requestId: randomUUID(), openingFloat: 200_000 });
    const taken: DeskPayment[] = [];
    for (const [n, o] of obligations.entries()) {
      const kind = o.kind === 'enrollmentSlip' ? 'balance' : 'installment';
      const due = kind === 'balance' ? o.balance : Math.min(o.installment, o.balance);
      const payment =
        n % 3 === 2
          ? await rig.call<DeskPayment>('desk.payCard', cardInput(o.id, kind, n))
          : await rig.call<DeskPayment>('desk.payCash', cashInput(o.id, kind, due + (n % 4) * 1_000));
      expect(payment.amount).toBe(due);
      taken.push(payment);
      // Now and then the worker tries the link, which is down: the head item stays, marked as having left.
      if (n % 50 === 0) await app.data.outbox.drain();
    }
    expect(app.data.outbox.status().backlog).toBe(200);
    expect(app.data.outbox.status().head?.lastError).toMatch(/unreachable|server|timeout/);

    // The supervisor voids every 13th payment: the first one (its send was attempted) needs a central void.
    app.sessions.startOperator(SUPERVISOR);
    const voided = taken.filter((_, i) => i % 13 === 0);
    const voids: { central: string }[] = [];
    for (const payment of voided)
      voids.push(
        await rig.call<{ central: string }>('desk.void', {
          requestId: randomUUID(),
          paymentId: payment.paymentId,
          reason: 'Cobro duplicado por error',
        }),
      );
    expect(voids[0]?.central).toBe('queued');
    expect(voids.filter((v) => v.central === 'cancelled').length).toBeGreaterThan(0);

    await rig.outage(false);
    await rig.drain();
    expect(app.data.outbox.status()).toMatchObject({ backlog: 0, rejectedCount: 0 });

    // Exactly once: each standing (or centrally voided) payment registered once, each queued void once.
    const registered = sim.central.payments.list();
    const queuedVoids = voided.filter((_, i) => voids[i]?.central === 'queued');
    const expectedKeys = taken.filter((p) => !voided.includes(p) || queuedVoids.includes(p)).map((p) => keyOf(rig, p.paymentId));
    expect(registered.map((r) => r.idempotencyKey).sort()).toEqual(expectedKeys.sort());
    expect(new Set(registered.map((r) => r.idempotencyKey)).size).toBe(registered.length);
    expect(
      sim.central.desk
        .voids()
        .map((v) => v.paymentKey)
        .sort(),
    ).toEqual(queuedVoids.map((p) => keyOf(rig, p.paymentId)).sort());

    // Balances: the local copy and the central API agree on every obligation touched.
    for (const o of obligations) {
      const local = app.db.prepare('SELECT balance FROM obligations WHERE id = ?').pluck().get(o.id) as number;
      const central = sim.central.world.get(o.id);
      expect({ id: o.id, balance: central ? central.balance : 0 }).toEqual({ id: o.id, balance: local });
    }

    // The close: counted = expected, so the cashier closes alone; totals equal the sum of the standing receipts.
    app.sessions.startOperator(CASHIER);
    const preview = await rig.call<{ expectedCash: number; needsSupervisor: boolean }>('desk.previewClose', { countedCash: 0 });
    const report = await rig.call<{
      shift: { totals: { method: string; count: number; amount: number }[]; expectedCash: number };
      receipts: { count: number };
      difference: number;
    }>('desk.closeShift', { requestId: randomUUID(), countedCash: preview.expectedCash });
    expect(report.difference).toBe(0);
    const standing = taken.filter((p) => !voided.includes(p));
    for (const method of ['cash', 'card'] as const) {
      const mine = standing.filter((p) => p.method === method);
      expect(report.shift.totals.find((t) => t.method === method)).toEqual({
        method,
        count: mine.length,
        amount: mine.reduce((s, p) => s + p.amount, 0),
      });
    }
    expect(report.shift.expectedCash).toBe(200_000 + standing.filter((p) => p.method === 'cash').reduce((s, p) => s + p.amount, 0));
    expect(report.receipts.count).toBe(200);

    // Receipt numbers: BAQ1-00000001 … BAQ1-00000200, none skipped, none twice.
    const numbers = taken.map((p) => p.receiptNumber);
    expect(numbers.map((n) => Number(n.split('-')[1]))).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(numbers.every((n) => n.startsWith('BAQ1-'))).toBe(true);

    await rig.drain();
    const closes = sim.central.desk.shiftCloses();
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ shiftId: shift.shiftId, deliveries: 1, difference: 0, receipts: { count: 200 } });
  }, 120_000);
});

function keyOf(rig: DeskRig, paymentId: string): string {
  return rig.app.db.prepare('SELECT idempotency_key FROM payments WHERE id = ?').pluck().get(paymentId) as string;
}
