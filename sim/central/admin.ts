import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { obligationSchema } from '../../main/central/schemas';
import type { FaultInjector } from './faults';
import { seededRandom, syntheticObligations } from './synthetic';
import type { World } from './world';

const fieldsSchema = obligationSchema.omit({ id: true, version: true, updatedAt: true });
const churnSchema = z.object({
  count: z.number().int().min(1).max(100_000),
  seed: z.number().int().default(1),
  deleteShare: z.number().min(0).max(1).default(0.1),
});
const syntheticSchema = z.object({ count: z.number().int().min(1).max(5_000_000), seed: z.number().int().default(1) });

export interface AdminDeps {
  world: World;
  faults: FaultInjector;
  currentYear: () => number;
  clearPayments: () => void;
  resetContacts: () => void;
}

/** Loads N synthetic obligations into the world (deterministic for a seed); returns the head version. */
export function loadSynthetic(world: World, count: number, seed: number, year: number): number {
  let last = 0;
  for (const fields of syntheticObligations(count, seed, year)) last = world.upsert(fields).version;
  return last;
}

/**
 * `/sim/admin/...`: what tests and demos do to the central side — change obligations (the delta feed
 * carries it to terminals), forget tombstones, load synthetic data, set faults. Never faulted itself.
 */
export function registerAdminRoutes(server: FastifyInstance, deps: AdminDeps): void {
  const { world, faults } = deps;

  server.get('/sim/admin/faults', async () => ({ faults: faults.get(), counts: faults.counts() }));
  server.put('/sim/admin/faults', async (request, reply) => {
    try {
      return { faults: faults.set((request.body ?? {}) as object) };
    } catch (error) {
      return reply.code(400).send({ error: 'INVALID_FAULTS', message: (error as Error).message.slice(0, 500) });
    }
  });

  server.get('/sim/admin/obligations', async () => world.liveState());
  server.put<{ Params: { id: string } }>('/sim/admin/obligations/:id', async (request, reply) => {
    const fields = fieldsSchema.safeParse(request.body);
    if (!fields.success || !obligationSchema.shape.id.safeParse(request.params.id).success) {
      return reply
        .code(400)
        .send({ error: 'INVALID_OBLIGATION', message: fields.error?.issues.map((i) => i.path.join('.')).join(', ') ?? 'id' });
    }
    return world.upsert({ id: request.params.id, ...fields.data });
  });
  server.delete<{ Params: { id: string }; Querystring: { reason?: string } }>('/sim/admin/obligations/:id', async (request, reply) => {
    const reason = request.query.reason === 'paid' ? 'paid' : 'withdrawn';
    const tombstone = world.remove(request.params.id, reason);
    return tombstone ?? reply.code(404).send({ error: 'UNKNOWN_OBLIGATION' });
  });

  server.post('/sim/admin/feed/compact', async () => {
    world.compact();
    return world.stats();
  });
  server.get('/sim/admin/stats', async () => world.stats());

  server.post('/sim/admin/synthetic', async (request, reply) => {
    const body = syntheticSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'count 1 to 5,000,000 and an integer seed' });
    const head = loadSynthetic(world, body.data.count, body.data.seed, deps.currentYear());
    return { loaded: body.data.count, head };
  });

  // Changes `count` random live obligations at once: a share of them withdrawn, the rest with a new balance.
  server.post('/sim/admin/churn', async (request, reply) => {
    const body = churnSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'count 1 to 100,000, seed, deleteShare 0..1' });
    const random = seededRandom(body.data.seed);
    let upserts = 0;
    let deletes = 0;
    for (const o of world.sampleLive(body.data.count, random)) {
      if (random() < body.data.deleteShare) {
        world.remove(o.id, 'withdrawn');
        deletes++;
      } else {
        const paid = Math.min(o.debt, o.paid + Math.max(1, Math.floor(random() * o.installment)));
        world.upsert({ ...o, paid, balance: o.debt - paid });
        upserts++;
      }
    }
    return { upserts, deletes, head: world.stats().head };
  });

  server.post('/sim/admin/reset', async () => {
    world.reset(deps.currentYear());
    deps.clearPayments();
    deps.resetContacts();
    faults.set({});
    return world.stats();
  });
}
