import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * The feed's long poll (`wait`, main/central/openapi.yaml): a request with nothing new to send is held until
 * the world changes or its wait runs out. One waiter per held request; a change wakes them all, and each asks
 * the world for its page again. `enabled: false` makes the simulator a central API without long polls (the
 * terminal must then fall back to its timer): `PUT /sim/admin/feed/long-poll {enabled}`.
 */
export function createLongPoll() {
  const waiters = new Set<() => void>();
  const settings = { enabled: true };
  let held = 0;

  return {
    settings,
    /** Requests held right now (the fleet benchmark reads it). */
    held: () => held,
    /** The world changed: every held request answers now. */
    notify(): void {
      for (const wake of [...waiters]) wake();
    },
    /** Resolves when the world changes, the wait runs out or the terminal hangs up, whichever comes first. */
    async hold(request: FastifyRequest, waitMs: number): Promise<void> {
      held++;
      try {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            waiters.delete(done);
            request.raw.off('close', done);
            resolve();
          };
          const timer = setTimeout(done, waitMs);
          waiters.add(done);
          request.raw.once('close', done);
        });
      } finally {
        held--;
      }
    },
  };
}
export type LongPoll = ReturnType<typeof createLongPoll>;

export function registerLongPollAdmin(server: FastifyInstance, longPoll: LongPoll): void {
  server.get('/sim/admin/feed/long-poll', async () => ({ ...longPoll.settings, held: longPoll.held() }));
  server.put('/sim/admin/feed/long-poll', async (request, reply) => {
    const body = z.object({ enabled: z.boolean() }).strict().safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'body {enabled: boolean}' });
    longPoll.settings.enabled = body.data.enabled;
    return { ...longPoll.settings, held: longPoll.held() };
  });
}
