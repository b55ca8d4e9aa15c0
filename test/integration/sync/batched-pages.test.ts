import { describe, expect, it } from 'vitest';
import { centralCopy, churn, integrity, localCopy, openTerminal, useSyntheticCentral } from './support';

/** Pages large enough for the multi-row upserts (batches of 64) and their remainder land exactly. */
describe('full and delta sync with large pages', () => {
  const rig = useSyntheticCentral({ count: 1_000, seed: 7 });

  it('copies every row exactly, then applies a churn of changes and deletions exactly', async () => {
    const terminal = openTerminal(rig.dir, rig.sim.url, { pageSize: 300 });
    try {
      await terminal.engine.runOnce();
      expect(localCopy(terminal.db)).toEqual(centralCopy(rig.sim.central.world));
      await churn(rig.sim.url, { count: 450, seed: 3, deleteShare: 0.2 });
      await terminal.engine.runOnce();
      expect(localCopy(terminal.db)).toEqual(centralCopy(rig.sim.central.world));
      expect(integrity(terminal.db)).toBe('ok');
    } finally {
      await terminal.close();
    }
  });
});
