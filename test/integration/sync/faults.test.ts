import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CentralError } from '../../../main/central/errors';
import { enqueue } from '../../../main/sync/outbox';
import { systemClock } from '../../../main/runtime/clock';
import { startSimulator, type Simulator } from '../../../sim/server';
import { seededRandom } from '../../../sim/central/synthetic';
import { tempDir } from '../../support/temp';
import { drained, until } from '../../support/until';
import { centralCopy, integrity, localCopy, openTerminal, paymentPayload, setFaults } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ central: { synthetic: { count: 300, seed: 3 } } });
});
afterAll(async () => {
  await sim.close();
});

/** Each fault kind at full strength; `timeoutMs` is the terminal's per-call time-out in that case. */
const faultKinds: { name: string; faults: Record<string, unknown>; timeoutMs?: number; expectKind: string }[] = [
  { name: 'latency beyond the time-out', faults: { latencyMs: 400 }, timeoutMs: 150, expectKind: 'timeout' },
  { name: '5xx errors', faults: { errorRate: 1 }, expectKind: 'server' },
  { name: 'dropped connections', faults: { dropRate: 1 }, expectKind: 'unreachable' },
  { name: 'malformed bodies', faults: { malformedRate: 1 }, expectKind: 'malformed' },
  { name: 'truncated bodies', faults: { truncatedRate: 1 }, expectKind: 'malformed' },
  { name: 'full outage', faults: { outage: true }, expectKind: 'unreachable' },
];

function churn(count: number, seed: number): void {
  const random = seededRandom(seed);
  for (const o of sim.central.world.sampleLive(count, random)) {
    if (random() < 0.3) sim.central.world.remove(o.id, 'withdrawn');
    else sim.central.world.upsert({ ...o, paid: o.paid + 1, balance: Math.max(0, o.balance - 1) });
  }
}

let dir: ReturnType<typeof tempDir>;
beforeEach(async () => {
  await setFaults(sim.url, {});
  sim.central.world.reset(2026);
  sim.central.payments.clear();
  dir = tempDir('pes-faults-');
  return () => dir.remove();
});

describe('fault matrix during sync', () => {
  for (const kind of faultKinds) {
    it(`${kind.name}: no crash, a clear status, the copy untouched, then it converges`, async () => {
      const terminal = openTerminal(dir.dir, sim.url, { pageSize: 50, timeoutMs: kind.timeoutMs ?? 1_000 });
      try {
        await terminal.engine.runOnce();
        const before = localCopy(terminal.db);
        churn(120, 11);
        await setFaults(sim.url, kind.faults);
        const error = await terminal.engine.runOnce().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CentralError);
        expect((error as CentralError).kind).toBe(kind.expectKind);
        expect(localCopy(terminal.db)).toEqual(before);
        const status = terminal.engine.status();
        expect(status.state).toBe('failing');
        expect(status.lastError).toContain(kind.expectKind);
        expect(terminal.connectivity.state()).not.toBe('online');

        await setFaults(sim.url, {});
        await terminal.engine.runOnce();
        expect(localCopy(terminal.db)).toEqual(centralCopy(sim.central.world));
        expect(terminal.engine.status()).toMatchObject({ state: 'idle', lastError: null });
        expect(integrity(terminal.db)).toBe('ok');
      } finally {
        await terminal.close();
      }
    });
  }

  it('every fault at once, at partial rates, many rounds: converges with nothing lost or doubled', async () => {
    const terminal = openTerminal(dir.dir, sim.url, { pageSize: 20, timeoutMs: 300 });
    try {
      await setFaults(sim.url, { latencyMs: 5, errorRate: 0.15, dropRate: 0.1, malformedRate: 0.1, truncatedRate: 0.1, seed: 5 });
      let failures = 0;
      for (let round = 0; round < 12; round++) {
        churn(40, 100 + round);
        for (let attempt = 0; attempt < 60; attempt++) {
          try {
            await terminal.engine.runOnce();
            break;
          } catch (error) {
            expect(error).toBeInstanceOf(CentralError);
            failures++;
          }
        }
        expect(localCopy(terminal.db)).toEqual(centralCopy(sim.central.world));
      }
      expect(failures).toBeGreaterThan(0);
      expect(integrity(terminal.db)).toBe('ok');
    } finally {
      await terminal.close();
    }
  });
});

describe('fault matrix during outbox sends', () => {
  for (const kind of faultKinds) {
    it(`${kind.name}: items stay pending with the reason, then each arrives exactly once, in order`, async () => {
      const terminal = openTerminal(dir.dir, sim.url, { timeoutMs: kind.timeoutMs ?? 1_000 });
      try {
        const keys = Array.from({ length: 8 }, (_, i) => `pay-${kind.name.replace(/\W/g, '')}-${i}`);
        keys.forEach((key, i) =>
          enqueue(terminal.outboxRepo, systemClock, { idempotencyKey: key, kind: 'payment.register', payload: paymentPayload(i) }),
        );
        await setFaults(sim.url, kind.faults);
        // Sent under the fault until the head has failed twice (a retry after its back-off, not just the first try).
        await until(
          async () => {
            await terminal.outbox.drain();
            return terminal.outbox.status().head?.attempts ?? 0;
          },
          (attempts) => attempts >= 2,
          10_000,
          5,
        );
        const stuck = terminal.outbox.status();
        expect(stuck).toMatchObject({ backlog: 8, rejectedCount: 0, sent: 0 });
        expect(stuck.head?.attempts).toBeGreaterThanOrEqual(2);
        expect(stuck.head?.lastError).toContain(kind.expectKind);

        await setFaults(sim.url, {});
        expect(await drained(terminal.outbox)).toBe(0);
        expect(terminal.outbox.status()).toMatchObject({ backlog: 0, sent: 8, rejectedCount: 0 });
        const arrived = sim.central.payments.list();
        expect(arrived.map((p) => p.idempotencyKey)).toEqual(keys);
        expect(new Set(arrived.map((p) => p.registrationId)).size).toBe(8);
      } finally {
        await terminal.close();
      }
    });
  }

  it('every fault at once, at partial rates: 40 payments arrive exactly once, in order', async () => {
    const terminal = openTerminal(dir.dir, sim.url, { timeoutMs: 300 });
    try {
      await setFaults(sim.url, { latencyMs: 2, errorRate: 0.2, dropRate: 0.2, malformedRate: 0.1, truncatedRate: 0.1, seed: 9 });
      const keys = Array.from({ length: 40 }, (_, i) => `mixed-payment-${i}`);
      keys.forEach((key, i) =>
        enqueue(terminal.outboxRepo, systemClock, { idempotencyKey: key, kind: 'payment.register', payload: paymentPayload(i) }),
      );
      expect(await drained(terminal.outbox, 30_000)).toBe(0);
      expect(terminal.outbox.status()).toMatchObject({ backlog: 0, sent: 40, rejectedCount: 0 });
      const arrived = sim.central.payments.list();
      expect(arrived.map((p) => p.idempotencyKey)).toEqual(keys);
      expect(arrived.some((p) => p.deliveries > 1)).toBe(true); // lost answers were resent, and deduplicated
      const obligation = sim.central.world.get('LI-38');
      const total = keys.reduce((sum, _, i) => sum + paymentPayload(i).amount, 0);
      expect(obligation?.paid).toBe(total);
    } finally {
      await terminal.close();
    }
  });
});
