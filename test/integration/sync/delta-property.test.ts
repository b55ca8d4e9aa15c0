import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ObligationFields } from '../../../sim/central/world';
import { startSimulator, type Simulator } from '../../../sim/server';
import { tempDir } from '../../support/temp';
import { centralCopy, integrity, localCopy, openTerminal } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

const ids = ['A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'C-1', 'C-2', 'C-3', 'LI-38', 'LI-51'];

const fieldsArb = fc.record({
  id: fc.constantFrom(...ids),
  owner: fc.constantFrom(
    { ownerType: 'member' as const, ownerId: '1045678901', kind: 'credit' as const },
    { ownerType: 'member' as const, ownerId: '2000000001', kind: 'credit' as const },
    { ownerType: 'company' as const, ownerId: '900123456-8', kind: 'credit' as const },
    { ownerType: 'student' as const, ownerId: '1043987654', kind: 'enrollmentSlip' as const },
  ),
  debt: fc.integer({ min: 1, max: 5_000_000 }),
  paidShare: fc.integer({ min: 0, max: 10 }),
  concept: fc.constantFrom('CREDITO POR LIBRANZAS', 'VOLANTES DE MATRICULA', 'CRÉDITO ÑANDÚ "especial"'),
});

type CentralOp =
  { op: 'upsert'; fields: ObligationFields } | { op: 'remove'; id: string; reason: 'paid' | 'withdrawn' } | { op: 'compact' };

const centralOpArb: fc.Arbitrary<CentralOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fieldsArb.map((f) => {
      const paid = Math.floor((f.debt * f.paidShare) / 10);
      return {
        op: 'upsert' as const,
        fields: {
          id: f.id,
          kind: f.owner.kind,
          ownerType: f.owner.ownerType,
          ownerId: f.owner.ownerId,
          document: f.id.replace('-', '- '),
          concept: f.concept,
          studentName: f.owner.kind === 'enrollmentSlip' ? 'ESTUDIANTE GENERICO' : null,
          validityYear: f.owner.kind === 'enrollmentSlip' ? 2026 : null,
          debt: f.debt,
          paid,
          balance: f.debt - paid,
          installment: Math.max(1, Math.round(f.debt / 12)),
        },
      };
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('remove' as const),
      id: fc.constantFrom(...ids),
      reason: fc.constantFrom('paid' as const, 'withdrawn' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'compact' as const }) },
);

/** A step: central changes now, then a sync during which more central changes land between its pages. */
const stepArb = fc.record({ before: fc.array(centralOpArb, { maxLength: 6 }), during: fc.array(centralOpArb, { maxLength: 4 }) });

describe('delta sync (real HTTP to the simulator, real SQLite)', () => {
  // Each run opens a terminal with its own writer and fetcher threads (from a bundle, main/sync/threads.ts): about a
  // minute on a busy machine (load 9 on two cores), more beside the other integration files.
  it(
    'ends with the local copy equal to the central state, whatever the interleaving of upserts, tombstones and forgotten logs',
    { timeout: 180_000 },
    async () => {
      const year = 2026;
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), async (steps, pageSize) => {
          const world = sim.central.world;
          world.reset(year);
          const apply = (op: CentralOp) => {
            if (op.op === 'upsert') world.upsert(op.fields);
            else if (op.op === 'remove') world.remove(op.id, op.reason);
            else world.compact();
          };
          let during: CentralOp[] = [];
          const dir = tempDir('pes-delta-');
          const terminal = openTerminal(dir.dir, sim.url, {
            pageSize,
            // Central changes arrive while the terminal is between pages of its sync.
            wrapObligations: (client) => ({
              ...client,
              feedPageBytes: (cursor, limit, options) => {
                const op = during.shift();
                if (op) apply(op);
                return client.feedPageBytes(cursor, limit, options);
              },
            }),
          });
          try {
            for (const step of steps) {
              step.before.forEach(apply);
              during = [...step.during];
              await terminal.engine.runOnce();
              during.forEach(apply); // whatever the sync did not reach lands after it
              during = [];
              await terminal.engine.runOnce();
              expect(localCopy(terminal.db)).toEqual(centralCopy(world));
            }
            expect(integrity(terminal.db)).toBe('ok');
            expect(terminal.engine.status()).toMatchObject({
              state: 'idle',
              mode: 'delta',
              lastError: null,
              rows: centralCopy(world).length,
            });
          } finally {
            await terminal.close();
            dir.remove();
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
