import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createObligationsRepo } from '../main/db/obligations-repo';
import { openDataLayer, simAdmin } from './feed/terminal';
import { median, round, type BenchOptions, type BenchResult } from './result';
import { runChild, startSimProcess } from './sync/children';

/**
 * The delta feed's long poll (main/sync/layer.ts, the feed's `wait` in main/central/openapi.yaml).
 * - sync_change_visible_ms: a change made at the simulator (its own process) until a lookup of the local copy
 *   shows it, median of 20; the terminal's timer is an hour, so only the held request can bring it.
 * - fleet_idle_requests_per_terminal_hour, fleet_idle_bytes_per_terminal_hour: 200 terminals' data layers
 *   idle against one simulator for an hour of their time (compressed 60 times, 300 with --quick: see
 *   feed/fleet-child.ts), the
 *   simulator's count of requests and wire bytes; ratio = long poll / the 30 s timer, measured in this run.
 */
export async function run(options: BenchOptions): Promise<BenchResult[]> {
  return [...(await changeVisible(options)), ...(await fleet(options))];
}

async function changeVisible(options: BenchOptions): Promise<BenchResult[]> {
  const sim = await startSimProcess([]);
  const dir = mkdtempSync(join(tmpdir(), 'pes-bench-feed-'));
  const terminal = openDataLayer(sim.url, 'KIOSK-01', join(dir, 'terminal.db'), { syncIntervalMs: 3_600_000, outboxIntervalMs: 3_600_000 });
  try {
    terminal.data.start();
    await terminal.caughtUp();
    const repo = createObligationsRepo(terminal.db);
    const balance = () => repo.ofOwner('member', '1045678901').find((row) => row.id === 'LI-38')?.balance;
    const central = (await simAdmin<{ id: string; balance: number; paid: number }[]>(sim.url, '/sim/admin/obligations')).find(
      (o) => o.id === 'LI-38',
    );
    if (!central) throw new Error('LI-38 missing at the simulator');
    const times: number[] = [];
    for (let round = 0; round < (options.quick ? 5 : 20); round++) {
      // Let the terminal's next request be held first, as it is when a change comes at an ordinary moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const target = central.balance - (round + 1) * 1_000;
      const started = performance.now();
      await simAdmin(sim.url, '/sim/admin/obligations/LI-38', {
        method: 'PUT',
        body: { ...central, balance: target, paid: central.paid + (round + 1) * 1_000 },
      });
      while (balance() !== target) {
        if (performance.now() - started > 30_000) throw new Error('the change did not reach the local copy in 30 s');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      times.push(performance.now() - started);
    }
    return [{ name: 'sync_change_visible_ms', value: round(median(times), 1), unit: 'ms' }];
  } finally {
    await terminal.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fleet(options: BenchOptions): Promise<BenchResult[]> {
  // Quick: fewer terminals, time 300 times faster (the simulator's tokens then live 1 s, its shortest).
  const terminals = options.quick ? 20 : 200;
  const windowMs = options.quick ? 3_000 : 60_000;
  const scale = options.quick ? 300 : 60;
  /** The window stands for this many hours of a terminal's life. */
  const hours = ((windowMs / 1000) * scale) / 3600;
  const measure = async (mode: 'timer' | 'long-poll') => {
    // The simulator's token lifetime (300 s) compressed like everything else.
    const sim = await startSimProcess(['--token-ttl-s', String(300 / scale)]);
    try {
      const out = await runChild('bench/feed/fleet-child.ts', [sim.url, String(terminals), mode, String(windowMs), String(scale)], {
        timeoutMs: windowMs + 120_000,
      });
      const { requests, bytes } = JSON.parse(out) as { requests: number; bytes: number };
      return { requests: requests / terminals / hours, bytes: bytes / terminals / hours };
    } finally {
      await sim.stop();
    }
  };
  const timer = await measure('timer');
  const longPoll = await measure('long-poll');
  return [
    {
      name: 'fleet_idle_requests_per_terminal_hour',
      value: round(longPoll.requests, 1),
      unit: 'requests',
      ratio: round(longPoll.requests / timer.requests, 3),
    },
    {
      name: 'fleet_idle_bytes_per_terminal_hour',
      value: Math.round(longPoll.bytes),
      unit: 'bytes',
      ratio: round(longPoll.bytes / timer.bytes, 3),
    },
  ];
}
