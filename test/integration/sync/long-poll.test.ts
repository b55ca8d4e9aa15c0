import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import type { CallContext } from '../../../main/api/dispatcher';
import { startSimulator, type Simulator } from '../../../sim/server';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';
import { until } from '../../support/until';

/**
 * The feed's long poll through the whole data layer (createApp, the simulator over real HTTP, a real SQLite
 * file): the terminal keeps one request open, a central change reaches the local copy at once, a caller that
 * needs the copy now is not kept waiting by the held request, and an API without long polls gets the timer.
 */
const ctx: CallContext = { transport: 'test' };
let sim: Simulator;
let app: App | undefined;
let dir: ReturnType<typeof tempDir>;

const LI38 = 'LI-38';
const adminPut = async (path: string, body: unknown) => {
  const response = await fetch(`${sim.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>;
};
const held = async () => ((await (await fetch(`${sim.url}/sim/admin/feed/long-poll`)).json()) as { held: number }).held;
const localBalance = () => {
  const row = app?.db.prepare<[string], { balance: number }>('SELECT balance FROM obligations WHERE id = ?').get(LI38);
  return row?.balance;
};
const li38 = () => sim.central.world.get(LI38);

async function syncStatus() {
  const envelope = await app?.api.dispatch('sync.status', {}, ctx);
  return envelope?.ok ? (envelope.data as { mode: string; state: string }) : undefined;
}

function start(data: Record<string, unknown> = {}) {
  app = createApp(testConfig(dir.dir, sim.url), { data: { syncBackoff: { baseMs: 20, maxMs: 100 }, ...data } });
  return app;
}

beforeEach(async () => {
  sim = await startSimulator();
  dir = tempDir('pes-long-poll-');
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await sim.close();
  dir.remove();
});

describe('the delta feed long poll', () => {
  it('keeps one request held at the central API and brings a central change into the local copy within a second', async () => {
    // The timer alone would take 60 s: only the long poll can bring the change in time.
    start({ syncIntervalMs: 60_000 });
    await until(syncStatus, (status) => status?.mode === 'delta' && status.state !== 'running');
    expect(await until(held, (count) => count === 1)).toBe(1);
    // A held request is not a sync in progress: the status screen says idle.
    expect(await syncStatus()).toMatchObject({ state: 'idle', mode: 'delta' });
    const before = localBalance();
    expect(before).toBeGreaterThan(0);
    const obligation = li38();
    if (!obligation) throw new Error('LI-38 missing at the simulator');
    await adminPut(`/sim/admin/obligations/${LI38}`, { ...obligation, balance: (before ?? 0) - 1_000, paid: obligation.paid + 1_000 });
    // Well inside the 60 s timer: only the held request can have brought it.
    expect(
      await until(
        async () => localBalance(),
        (balance) => balance === (before ?? 0) - 1_000,
        15_000,
      ),
    ).toBe((before ?? 0) - 1_000);
    // And the terminal is back to holding one request, not two.
    expect(await until(held, (count) => count === 1)).toBe(1);
  });

  it('does not keep a caller that needs the copy now waiting for the held request', async () => {
    start({ syncIntervalMs: 60_000, longPollSeconds: 30 });
    expect(await until(held, (count) => count === 1)).toBe(1);
    // Waiting for the held request would take 30 s; a run of its own takes a moment.
    // Not a wait: the bound of the race, met only when the run is (wrongly) kept behind the held request.
    const keptWaiting = new Promise<'kept waiting'>((resolve) => setTimeout(() => resolve('kept waiting'), 20_000).unref());
    const run = await Promise.race([app?.data.sync.runOnce(), keptWaiting]);
    expect(run).toMatchObject({ fullSync: false });
    // The follow loop opens a new held request afterwards.
    expect(await until(held, (count) => count === 1)).toBe(1);
  });

  it('falls back to its timer against a central API without long polls, and never holds a request there', async () => {
    await adminPut('/sim/admin/feed/long-poll', { enabled: false });
    start({ syncIntervalMs: 300 });
    await until(syncStatus, (status) => status?.mode === 'delta' && status.state !== 'running');
    const obligation = li38();
    if (!obligation) throw new Error('LI-38 missing at the simulator');
    const before = localBalance() ?? 0;
    await adminPut(`/sim/admin/obligations/${LI38}`, { ...obligation, balance: before - 2_000, paid: obligation.paid + 2_000 });
    expect(
      await until(
        async () => localBalance(),
        (balance) => balance === before - 2_000,
        15_000,
      ),
    ).toBe(before - 2_000);
    expect(await held()).toBe(0);
  });
});
