import { describe, expect, it } from 'vitest';
import type { CentralObligation } from '../../../main/central/schemas';
import { createChangeLog, type Logged } from '../../../sim/central/change-log';

const obligation = (id: string, version: number): CentralObligation => ({
  id,
  kind: 'credit',
  ownerType: 'member',
  ownerId: '1045678901',
  document: `LI-${id}`,
  concept: 'CREDITO POR LIBRANZAS',
  studentName: null,
  validityYear: null,
  debt: 1_000,
  paid: 0,
  balance: 1_000,
  installment: 100,
  version,
  updatedAt: '2026-11-26T10:00:00.000Z',
});

describe("the simulator's change log", () => {
  it('reads current changes in version order, skipping superseded ones, with tombstones apart, before and after compaction', () => {
    const log = createChangeLog<Logged & { id: string }>();
    const a = { id: 'A', logIndex: -1 };
    const b = { id: 'B', logIndex: -1 };
    const c = { id: 'C', logIndex: -1 };
    log.append(a, 1, obligation('A', 1), 'A');
    log.append(b, 2, obligation('B', 2), 'B');
    log.append(c, 3, obligation('C', 3), 'C');
    log.append(a, 4, obligation('A', 4), 'A'); // supersedes version 1
    log.append(b, 5, null, 'B', 'paid'); // B's tombstone supersedes version 2
    const expectAll = () => {
      const all = log.read(log.after(0), 10);
      expect(all.upserts.id).toEqual(['C', 'A']);
      expect(all.upserts.version).toEqual([3, 4]);
      expect(all.deletes).toEqual({ id: ['B'], version: [5], reason: ['paid'] });
      expect(all.lastVersion).toBe(5);
      expect(all.next).toBe(log.length);
    };
    expectAll();
    // A page of one, from the start: the first current change (C), and the cursor passes the superseded ones.
    const first = log.read(log.after(0), 1);
    expect(first.upserts.id).toEqual(['C']);
    expect(first.lastVersion).toBe(3);
    expect(log.read(log.after(3), 10).upserts.id).toEqual(['A']);
    log.compact();
    expect(log.length).toBe(3);
    expectAll();
    log.retire(b); // B's tombstone forgotten
    log.compact();
    expect(log.read(log.after(0), 10).deletes.id).toEqual([]);
    expect(log.read(log.after(0), 10).upserts.id).toEqual(['C', 'A']);
    log.append(c, 6, obligation('C', 6), 'C'); // after compaction, C's position was updated
    expect(log.read(log.after(0), 10).upserts.id).toEqual(['A', 'C']);
  });
});
