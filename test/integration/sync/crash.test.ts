import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../../main/db/connection';
import { createOutboxRepo } from '../../../main/db/outbox-repo';
import { systemClock } from '../../../main/runtime/clock';
import { enqueue } from '../../../main/sync/outbox';
import { seededRandom } from '../../../sim/central/synthetic';
import { startSimulator, type Simulator } from '../../../sim/server';
import { tempDir } from '../../support/temp';
import { centralCopy, integrity, localCopy, paymentPayload, setFaults } from './support';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ central: { synthetic: { count: 2_500, seed: 21 } } });
});
afterAll(async () => {
  await sim.close();
});

interface Run {
  /** Resolves with the exit code, or 'killed'. */
  exit: Promise<number | 'killed'>;
  started: Promise<void>;
  kill(): void;
}

function runChild(mode: string, dbFile: string): Run {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, mode, sim.url, dbFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('started')) resolve();
    });
    proc.once('exit', () => reject(new Error(`child ended before starting: ${stderr.slice(0, 2000)}`)));
  });
  started.catch(() => undefined);
  const exit = new Promise<number | 'killed'>((resolve) => {
    proc.once('exit', (code, signal) => resolve(signal === 'SIGKILL' ? 'killed' : (code ?? -1)));
  });
  return { exit, started, kill: () => proc.kill('SIGKILL') };
}

// The random kill moments are the scenario: these sleeps wait for no condition.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the terminal's copy (a second reader of its WAL) until a full pass has committed a page but not its end. */
async function untilMidFullSync(dbFile: string, timeoutMs: number): Promise<boolean> {
  const db = openDatabase(dbFile);
  try {
    const read = db.prepare<[], { mode: string; cursor: string | null }>("SELECT mode, cursor FROM sync_state WHERE feed = 'obligations'");
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const state = read.get();
      if (state?.mode === 'full' && state.cursor !== null) return true;
      await sleep(1);
    }
    return false;
  } finally {
    db.close();
  }
}

function checkIntegrity(dbFile: string): string {
  const db = openDatabase(dbFile);
  try {
    return integrity(db);
  } finally {
    db.close();
  }
}

describe('crashes (SIGKILL at random points, many times)', () => {
  it('sync: after every kill the database is intact, and the copy converges to the central state', { timeout: 240_000 }, async () => {
    const dir = tempDir('pes-crash-sync-');
    const dbFile = join(dir.dir, 'terminal.db');
    const random = seededRandom(77);
    try {
      let caughtMidFullSync = 0;
      for (let round = 0; round < 10; round++) {
        const run = runChild('sync', dbFile);
        await run.started;
        // A random moment (the scenario itself): the writer thread's first page lands a second or more after
        // `started`, so the kills spread over the three seconds that follow.
        await sleep(Math.floor(random() * 2_000));
        // Central changes keep landing, sometimes with a forgotten log (full resync), while the terminal works.
        for (const o of sim.central.world.sampleLive(30, random)) {
          if (random() < 0.3) sim.central.world.remove(o.id, 'paid');
          else sim.central.world.upsert({ ...o, balance: Math.max(0, o.balance - 1), paid: o.paid + 1 });
        }
        if (round % 4 === 3) sim.central.world.compact();
        // The first pass, and the one after each forgotten log, are killed the moment a full pass is seen half
        // written (a random moment alone may miss it on a fast machine); the other rounds at a random moment.
        if (round % 4 === 0) await untilMidFullSync(dbFile, 20_000);
        else await sleep(Math.floor(random() * 1_000));
        run.kill();
        expect(await run.exit).toBe('killed');
        expect(checkIntegrity(dbFile)).toBe('ok');
        const db = openDatabase(dbFile);
        const state = db.prepare("SELECT mode, cursor FROM sync_state WHERE feed = 'obligations'").get() as
          { mode: string; cursor: string | null } | undefined;
        db.close();
        if (state?.mode === 'full' && state.cursor !== null) caughtMidFullSync++;
      }
      // The kills really landed in the middle of full passes, not only between them.
      expect(caughtMidFullSync).toBeGreaterThanOrEqual(1);
      const last = runChild('sync-once', dbFile);
      expect(await last.exit).toBe(0);
      const db = openDatabase(dbFile);
      try {
        expect(integrity(db)).toBe('ok');
        expect(localCopy(db)).toEqual(centralCopy(sim.central.world));
      } finally {
        db.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('outbox: after every kill the database is intact, and the central API saw each item exactly once', { timeout: 240_000 }, async () => {
    const dir = tempDir('pes-crash-outbox-');
    const dbFile = join(dir.dir, 'terminal.db');
    const random = seededRandom(78);
    sim.central.payments.clear();
    const keys = Array.from({ length: 80 }, (_, i) => `crash-payment-${String(i).padStart(3, '0')}`);
    {
      const db = openDatabase(dbFile);
      const repo = createOutboxRepo(db);
      keys.forEach((key, i) =>
        enqueue(repo, systemClock, { idempotencyKey: key, kind: 'payment.register', payload: paymentPayload(i, 'LI-51') }),
      );
      db.close();
    }
    // Answers get lost now and then: the terminal cannot know whether the central API registered the payment.
    // The latency makes the drain last long enough for many kills (about 10) whatever the CPU's speed; at 3 ms
    // a quick run could finish after only 4.
    await setFaults(sim.url, { dropRate: 0.2, latencyMs: 8, seed: 4 });
    try {
      let kills = 0;
      let finished = false;
      for (let round = 0; round < 40 && !finished; round++) {
        const run = runChild('outbox', dbFile);
        await run.started;
        const outcome = await Promise.race([run.exit, sleep(Math.floor(random() * 250)).then(() => 'running' as const)]);
        if (outcome === 'running') {
          run.kill();
          const exit = await run.exit;
          if (exit === 'killed') kills++;
          else finished = exit === 0;
        } else {
          finished = outcome === 0;
        }
        expect(checkIntegrity(dbFile)).toBe('ok');
      }
      expect(kills).toBeGreaterThanOrEqual(5);
      if (!finished) expect(await runChild('outbox', dbFile).exit).toBe(0);
      const arrived = sim.central.payments.list();
      expect(arrived.map((p) => p.idempotencyKey)).toEqual(keys);
      const db = openDatabase(dbFile);
      try {
        expect(createOutboxRepo(db).summary()).toMatchObject({ pending: 0, sent: 80, rejected: 0 });
      } finally {
        db.close();
      }
    } finally {
      await setFaults(sim.url, {});
      dir.remove();
    }
  });
});
