import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CASHIER, SUPERVISOR, cardInput, cashInput, payableObligations, useDesk, type DeskPayment } from '../../fixtures/desk';

/**
 * The desk's rules through the KioskApi of the real core, against the simulator over HTTP: conflicts with the
 * central side, closes that need the supervisor, PSE only online, voids, receipts, and the kiosk's offline refusals.
 */
describe('cashier desk', () => {
  const rig = useDesk({ synthetic: 200 });
  beforeEach(async () => {
    await rig.outage(false);
    rig.app.sessions.startOperator(CASHIER);
    const current = await rig.call<{ shift: { shiftId: string; expectedCash: number } | null }>('desk.currentShift', {});
    if (current.shift) {
      rig.app.sessions.startOperator(SUPERVISOR);
      await rig.call('desk.closeShiftAuthorized', { requestId: randomUUID(), countedCash: current.shift.expectedCash });
      rig.app.sessions.startOperator(CASHIER);
    }
    await rig.call('desk.openShift', { requestId: randomUUID(), openingFloat: 50_000 });
  });

  it('sets aside for the supervisor a payment taken offline of an obligation paid centrally meanwhile', async () => {
    const [o] = payableObligations(rig.app, 1)
      .filter((x) => x.kind === 'credit')
      .concat(payableObligations(rig.app, 50).filter((x) => x.kind === 'credit'));
    if (!o) throw new Error('no credit in the synthetic data');
    await rig.outage(true);
    const payment = await rig.call<DeskPayment>('desk.payCash', cashInput(o.id, 'balance', o.balance));
    // Meanwhile the obligation was paid at the central API (another channel).
    const central = rig.sim.central.world.get(o.id);
    expect(central?.balance).toBe(o.balance);
    if (central) rig.sim.central.world.upsert({ ...central, balance: 1_000, paid: central.debt - 1_000 });
    await rig.outage(false);
    await rig.drain();

    // The payment is still recorded here; its registration is set aside with both sides.
    expect(rig.app.data.outbox.status().rejected[0]).toMatchObject({ code: 'OBLIGATION_CONFLICT' });
    rig.app.sessions.startOperator(SUPERVISOR);
    const { items } = await rig.call<{
      items: {
        conflictId: string;
        paymentId: string;
        local: { amount: number; balanceBefore: number };
        central: { code: string; balance: number };
      }[];
    }>('desk.conflicts', {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      paymentId: payment.paymentId,
      local: { amount: o.balance, balanceBefore: o.balance },
      central: { code: 'OBLIGATION_CONFLICT', balance: 1_000 },
    });
    const report = await rig.call<{ conflicts: { paymentId: string }[] }>('desk.shiftReport', {});
    expect(report.conflicts.map((c) => c.paymentId)).toEqual([payment.paymentId]);
    const listed = await rig.call<{ items: { paymentId: string; central: string }[] }>('desk.shiftPayments', {});
    expect(listed.items.find((i) => i.paymentId === payment.paymentId)?.central).toBe('conflict');
    const resolved = await rig.call<{ resolution: { by: string; note: string } }>('desk.resolveConflict', {
      conflictId: items[0]?.conflictId,
      note: 'Devuelto al afiliado en caja',
    });
    expect(resolved.resolution).toMatchObject({ by: SUPERVISOR.displayName, note: 'Devuelto al afiliado en caja' });
    expect((await rig.call<{ items: unknown[] }>('desk.conflicts', {})).items).toHaveLength(0);
  }, 60_000);

  it('closes with a difference only through the supervisor, and acknowledges unregistered payments on the report', async () => {
    const [o] = payableObligations(rig.app, 80).slice(-1);
    if (!o) throw new Error('no obligation');
    await rig.outage(true);
    const due = o.kind === 'enrollmentSlip' ? o.balance : Math.min(o.installment, o.balance);
    const kind = o.kind === 'enrollmentSlip' ? 'balance' : 'installment';
    const paid = await rig.call<DeskPayment>('desk.payCash', cashInput(o.id, kind, due + 5_000));
    expect(paid).toMatchObject({ amount: due, cashReceived: due + 5_000, change: 5_000, method: 'cash' });

    const preview = await rig.call<{ expectedCash: number; difference: number; needsSupervisor: boolean; unregisteredCount: number }>(
      'desk.previewClose',
      { countedCash: 50_000 + due - 2_000 },
    );
    expect(preview).toMatchObject({ expectedCash: 50_000 + due, difference: -2_000, needsSupervisor: true, unregisteredCount: 1 });
    expect(await rig.refusal('desk.closeShift', { requestId: randomUUID(), countedCash: 50_000 + due - 2_000 })).toEqual({
      code: 'CONFLICT',
      reason: 'CLOSE_NEEDS_SUPERVISOR',
    });
    // Denominations must add up to the count.
    expect(await rig.refusal('desk.previewClose', { countedCash: 10_000, denominations: [{ value: 5_000, count: 1 }] })).toEqual({
      code: 'VALIDATION',
      reason: 'DENOMINATIONS_MISMATCH',
    });

    rig.app.sessions.startOperator(SUPERVISOR);
    const requestId = randomUUID();
    const report = await rig.call<{
      difference: number;
      authorizedBy: string;
      unregisteredCount: number;
      unregisteredAcknowledged: boolean;
      shift: { state: string };
    }>('desk.closeShiftAuthorized', { requestId, countedCash: 50_000 + due - 2_000 });
    expect(report).toMatchObject({
      difference: -2_000,
      authorizedBy: SUPERVISOR.displayName,
      unregisteredCount: 1,
      unregisteredAcknowledged: true,
      shift: { state: 'closed' },
    });
    // The same request again is the same close.
    expect(await rig.call('desk.closeShiftAuthorized', { requestId, countedCash: 50_000 + due - 2_000 })).toEqual(report);
    // A payment after the close has no shift.
    rig.app.sessions.startOperator(CASHIER);
    expect(await rig.refusal('desk.payCash', cashInput(o.id, 'balance', 10_000_000))).toEqual({
      code: 'CONFLICT',
      reason: 'NO_OPEN_SHIFT',
    });
    await rig.outage(false);
    await rig.drain();
    expect(rig.sim.central.desk.shiftCloses().at(-1)).toMatchObject({
      difference: -2_000,
      unregisteredCount: 1,
      authorizedBy: SUPERVISOR.username,
    });
    await rig.call('desk.openShift', { requestId: randomUUID(), openingFloat: 0 });
  }, 60_000);

  it('offers PSE only online, refuses bad card slips and short cash, answers a double click with one payment', async () => {
    const [o] = payableObligations(rig.app, 120).slice(-1);
    if (!o) throw new Error('no obligation');
    await rig.outage(true);
    // The link is known down once a call failed.
    await rig.app.data.outbox.drain();
    await rig.app.data.sync.runOnce().catch(() => undefined);
    const quote = await rig.call<{ methods: { cash: { available: boolean }; pse: { available: boolean; reason: string } } }>('desk.quote', {
      obligationId: o.id,
    });
    expect(quote.methods).toMatchObject({ cash: { available: true }, pse: { available: false, reason: 'OFFLINE' } });
    expect(await rig.refusal('desk.pseBanks', {})).toEqual({ code: 'UNAVAILABLE', reason: 'OFFLINE' });

    const bad = cardInput(o.id, 'balance', 1);
    expect((await rig.refusal('desk.payCard', { ...bad, card: { ...bad.card, last4: '12a4' } })).code).toBe('VALIDATION');
    expect(await rig.refusal('desk.payCash', cashInput(o.id, 'balance', o.balance - 1))).toEqual({
      code: 'VALIDATION',
      reason: 'CASH_SHORT',
    });

    const input = cardInput(o.id, 'balance', 7);
    const [first, second] = await Promise.all([rig.call<DeskPayment>('desk.payCard', input), rig.call<DeskPayment>('desk.payCard', input)]);
    expect(second?.paymentId).toBe(first?.paymentId);
    expect(first).toMatchObject({ method: 'card', amount: o.balance, drawerOpened: false, cashReceived: null, balanceAfter: 0 });

    // Ver comprobante shows the receipt; a card payment is voided by the supervisor, PSE is not voidable.
    const receipt = await rig.call<{ title: string; fields: { transactionNumber: string; authorizationResult: string } }>('desk.receipt', {
      paymentId: first?.paymentId,
    });
    expect(receipt).toMatchObject({
      title: 'Recibo de Pago',
      fields: { transactionNumber: first?.receiptNumber, authorizationResult: 'A00007' },
    });
    rig.app.sessions.startOperator(SUPERVISOR);
    const voided = await rig.call<{ central: string; balanceAfter: number }>('desk.void', {
      requestId: randomUUID(),
      paymentId: first?.paymentId,
      reason: 'Tarjeta equivocada',
    });
    expect(voided).toMatchObject({ central: 'cancelled', balanceAfter: o.balance });
    expect(await rig.refusal('desk.void', { requestId: randomUUID(), paymentId: first?.paymentId, reason: 'Otra vez anulado' })).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_VOIDED',
    });
    await rig.outage(false);
  }, 60_000);

  it('refuses a new kiosk sign-in and a PSE start while offline, with OFFLINE', async () => {
    await rig.outage(true);
    await rig.app.data.sync.runOnce().catch(() => undefined);
    await rig.app.data.sync.runOnce().catch(() => undefined);
    expect(rig.app.data.sync.status().state).toBe('failing');
    // The desk app is the same core; the gate is the kiosk's and applies to every terminal.
    const signIn = await rig.dispatch('auth.requestCode', { audience: 'member', document: '1045678901' });
    expect(signIn).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { reason: 'OFFLINE' } } });
    // A person already signed in keeps the local copy but cannot start a PSE payment.
    rig.app.sessions.startPerson({ type: 'member', id: '1045678901', name: 'AFILIADO DEMO', email: 'demo@example.com', phoneTail: '434' });
    const start = await rig.dispatch('payments.start', {
      requestId: randomUUID(),
      obligationId: 'LI-38',
      amount: { kind: 'installment' },
      bankCode: '1022',
      payer: { fullName: 'AFILIADO DEMO', email: 'demo@example.com', phone: '3004567434' },
    });
    expect(start).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { reason: 'OFFLINE' } } });
    rig.app.sessions.endPerson('sign-out');
    await rig.outage(false);
  }, 60_000);
});
