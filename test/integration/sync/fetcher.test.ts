import { describe, expect, it } from 'vitest';
import { centralCopy, churn, integrity, localCopy, openTerminal, useSyntheticCentral } from './support';

/**
 * The feed's pages are downloaded by the sync's fetcher thread and moved to the writer thread: the engine, on
 * the main thread, sees only a reference to each page (main/sync/fetcher.ts), never its bytes.
 */
describe('the sync fetcher thread', () => {
  const rig = useSyntheticCentral({ count: 700, seed: 11 });

  it('brings every page to the writer without its bytes reaching the main thread, and the copy is exact', async () => {
    const answers: unknown[] = [];
    const terminal = openTerminal(rig.dir, rig.sim.url, {
      pageSize: 100,
      wrapObligations: (client) => ({
        ...client,
        feedPageBytes: async (cursor, limit, options) => {
          const answer = await client.feedPageBytes(cursor, limit, options);
          answers.push(answer);
          return answer;
        },
      }),
    });
    try {
      const run = await terminal.engine.runOnce();
      // The synthetic rows and the demo ones the simulator always holds.
      expect(run.changes).toBe(centralCopy(rig.sim.central.world).length);
      expect(answers.length).toBeGreaterThanOrEqual(7);
      for (const answer of answers) {
        expect(answer).not.toBeInstanceOf(Uint8Array);
        expect(answer).toEqual({ ref: expect.any(Number) as number });
      }
      expect(localCopy(terminal.db)).toEqual(centralCopy(rig.sim.central.world));
      // A delta through the same threads after the full pass.
      await churn(rig.sim.url, { count: 120, seed: 5, deleteShare: 0.25 });
      expect((await terminal.engine.runOnce()).changes).toBe(120);
      expect(localCopy(terminal.db)).toEqual(centralCopy(rig.sim.central.world));
      // The central API forgets its change log: its refusal (an error body, read on the main thread) starts a
      // new full pass through the same threads.
      await churn(rig.sim.url, { count: 30, seed: 6, deleteShare: 0 });
      rig.sim.central.world.compact();
      const resync = await terminal.engine.runOnce();
      expect(resync.fullSync).toBe(true);
      expect(localCopy(terminal.db)).toEqual(centralCopy(rig.sim.central.world));
      expect(integrity(terminal.db)).toBe('ok');
    } finally {
      await terminal.close();
    }
  });
});
