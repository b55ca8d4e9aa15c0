import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../../main/sync/outbox';
import { enqueueOutbox } from '../../support/outbox-enqueue';
import { systemClock } from '../../../main/runtime/clock';
import { startSimulator, type Simulator } from '../../../sim/server';
import { tempDir } from '../../support/temp';
import { drained } from '../../support/until';
import { openTerminal, paymentPayload, setFaults } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

let dir: ReturnType<typeof tempDir>;
beforeEach(async () => {
  await setFaults(sim.url, {});
  sim.central.world.reset(2026);
  sim.central.payments.clear();
  dir = tempDir('pes-outbox-');
  return () => dir.remove();
});

describe('outbox', () => {
  it('sets refused items aside with the central reason and keeps sending the rest in order', async () => {
    const terminal = openTerminal(dir.dir, sim.url);
    try {
      const put = (key: string, kind: string, payload: unknown) =>
        enqueue(terminal.outboxRepo, systemClock, { idempotencyKey: key, kind, payload });
      put('first-payment', 'payment.register', paymentPayload(1));
      put('unknown-obligation', 'payment.register', paymentPayload(2, 'NO-SUCH-1'));
      put('broken-payload', 'payment.register', { reference: 'X' });
      put('future-kind-1', 'future.kind', { shiftId: 'S1' });
      put('last-payment', 'payment.register', paymentPayload(3));
      await terminal.outbox.drain();

      const status = terminal.outbox.status();
      expect(status).toMatchObject({ backlog: 0, sent: 2, rejectedCount: 3 });
      const reasons = Object.fromEntries(status.rejected.map((r) => [r.idempotencyKey, r.code]));
      expect(reasons).toEqual({
        'unknown-obligation': 'UNKNOWN_OBLIGATION',
        'broken-payload': 'INVALID_PAYLOAD',
        'future-kind-1': 'UNSUPPORTED_KIND',
      });
      expect(status.rejected.find((r) => r.code === 'UNKNOWN_OBLIGATION')?.reason).toContain('UNKNOWN_OBLIGATION');
      expect(sim.central.payments.list().map((p) => p.idempotencyKey)).toEqual(['first-payment', 'last-payment']);
    } finally {
      await terminal.close();
    }
  });

  it("sends the payments service's items (enqueued in its own transaction) with their fields mapped", async () => {
    const terminal = openTerminal(dir.dir, sim.url);
    try {
      terminal.db.transaction(() => {
        enqueueOutbox(terminal.db, {
          idempotencyKey: 'pse-payment-0001',
          kind: 'payment.register',
          payload: {
            idempotencyKey: 'pse-payment-0001',
            paymentId: 'P-1',
            reference: 'PX-0001',
            obligationId: 'LI-38',
            method: 'pse',
            amount: 175_277,
            approvedAt: '2026-03-01T12:00:00.000Z',
            cus: '123456',
            bankName: 'BANCO DE PRUEBAS',
            gatewayOrderId: 'ORD-1',
            siteId: 'BAQ-01',
            terminalId: 'KIOSK-01',
          },
        });
      })();
      await terminal.outbox.drain();
      expect(terminal.outbox.status()).toMatchObject({ backlog: 0, sent: 1, rejectedCount: 0 });
      expect(sim.central.payments.list()).toEqual([
        expect.objectContaining({
          idempotencyKey: 'pse-payment-0001',
          reference: 'PX-0001',
          paidAt: '2026-03-01T12:00:00.000Z',
          bank: 'BANCO DE PRUEBAS',
          cus: '123456',
          method: 'pse',
          paymentId: 'P-1',
        }),
      ]);
    } finally {
      await terminal.close();
    }
  });

  it('holds the queue behind a failing head (order), and survives a restart of the terminal', async () => {
    let terminal = openTerminal(dir.dir, sim.url);
    const keys = ['order-0001', 'order-0002', 'order-0003'];
    keys.forEach((key, i) =>
      enqueue(terminal.outboxRepo, systemClock, { idempotencyKey: key, kind: 'payment.register', payload: paymentPayload(i) }),
    );
    await setFaults(sim.url, { outage: true });
    await terminal.outbox.drain();
    expect(terminal.outbox.status()).toMatchObject({ backlog: 3, sent: 0 });
    expect(terminal.outbox.status().head).toMatchObject({ kind: 'payment.register', attempts: 1 });
    await terminal.close();

    await setFaults(sim.url, {});
    terminal = openTerminal(dir.dir, sim.url);
    try {
      expect(await drained(terminal.outbox)).toBe(0);
      expect(terminal.outbox.status()).toMatchObject({ backlog: 0, sent: 3, rejectedCount: 0 });
      expect(sim.central.payments.list().map((p) => p.idempotencyKey)).toEqual(keys);
    } finally {
      await terminal.close();
    }
  });

  it('treats the same idempotency key as one item, and the central API registers a key once', async () => {
    const terminal = openTerminal(dir.dir, sim.url);
    try {
      const first = enqueue(terminal.outboxRepo, systemClock, {
        idempotencyKey: 'same-key-123',
        kind: 'payment.register',
        payload: paymentPayload(1),
      });
      const again = enqueue(terminal.outboxRepo, systemClock, {
        idempotencyKey: 'same-key-123',
        kind: 'payment.register',
        payload: paymentPayload(1),
      });
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      await terminal.outbox.drain();
      // A second terminal database that (wrongly) holds the same item: the central API still registers it once.
      const other = tempDir('pes-outbox-other-');
      const twin = openTerminal(other.dir, sim.url);
      enqueue(twin.outboxRepo, systemClock, { idempotencyKey: 'same-key-123', kind: 'payment.register', payload: paymentPayload(1) });
      await twin.outbox.drain();
      expect(twin.outbox.status()).toMatchObject({ sent: 1, rejectedCount: 0 });
      await twin.close();
      other.remove();
      const arrived = sim.central.payments.list();
      expect(arrived).toHaveLength(1);
      expect(arrived[0]?.deliveries).toBe(2);
      expect(sim.central.world.get('LI-38')?.paid).toBe(paymentPayload(1).amount);
    } finally {
      await terminal.close();
    }
  });

  it('rejects the same key with another body (IDEMPOTENCY_KEY_REUSED) instead of registering it', async () => {
    const a = openTerminal(dir.dir, sim.url);
    const otherDir = tempDir('pes-outbox-b-');
    const b = openTerminal(otherDir.dir, sim.url);
    try {
      enqueue(a.outboxRepo, systemClock, { idempotencyKey: 'shared-key-1', kind: 'payment.register', payload: paymentPayload(1) });
      enqueue(b.outboxRepo, systemClock, { idempotencyKey: 'shared-key-1', kind: 'payment.register', payload: paymentPayload(2) });
      await a.outbox.drain();
      await b.outbox.drain();
      expect(b.outbox.status().rejected[0]).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(sim.central.payments.list()).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      otherDir.remove();
    }
  });
});
