import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sim/server';
import { tempDir } from '../../support/temp';
import { centralCopy, integrity, localCopy, openTerminal } from './support';

/** Pages large enough for the multi-row upserts (batches of 64) and their remainder land exactly. */
describe('full and delta sync with large pages', () => {
  let sim: Simulator;
  const dir = tempDir();
  beforeAll(async () => {
    sim = await startSimulator();
    const loaded = await fetch(`${sim.url}/sim/admin/synthetic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1_000, seed: 7 }),
    });
    expect(loaded.ok).toBe(true);
  });
  afterAll(async () => {
    await sim.close();
    dir.remove();
  });

  it('copies every row exactly, then applies a churn of changes and deletions exactly', async () => {
    const terminal = openTerminal(dir.dir, sim.url, { pageSize: 300 });
    try {
      await terminal.engine.runOnce();
      expect(localCopy(terminal.db)).toEqual(centralCopy(sim.central.world));
      const churned = await fetch(`${sim.url}/sim/admin/churn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 450, seed: 3, deleteShare: 0.2 }),
      });
      expect(churned.ok).toBe(true);
      await terminal.engine.runOnce();
      expect(localCopy(terminal.db)).toEqual(centralCopy(sim.central.world));
      expect(integrity(terminal.db)).toBe('ok');
    } finally {
      await terminal.close();
    }
  });
});
