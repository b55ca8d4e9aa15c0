import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cedulaSchema, nitSchema, studentIdSchema } from '../../main/domain/identifiers-schema';
import type { SimContext } from '../context';
import type { LongPoll } from './long-poll';
import { registerOwnerNames } from './owner-names';
import type { World } from './world';

export const FEED_MAX_PAGE = 10_000;
export const FEED_DEFAULT_PAGE = 1_000;

const feedQuery = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(FEED_MAX_PAGE).default(FEED_DEFAULT_PAGE),
  wait: z.coerce.number().int().min(0).max(900).default(0),
});

export function terminalOf(request: FastifyRequest): string | undefined {
  return (request as FastifyRequest & { terminalId?: string }).terminalId;
}

/** The obligations routes of the central API: the terminal's delta feed and the live lookups. */
export function registerObligationRoutes(
  server: FastifyInstance,
  context: SimContext,
  world: World,
  longPoll: LongPoll,
): { resetNames(): void } {
  const guard = { preHandler: context.auth.requireTerminal };
  const iso = () => new Date(context.now()).toISOString();

  server.get<{ Params: { terminalId: string } }>('/v1/terminals/:terminalId/obligations/feed', guard, async (request, reply) => {
    if (terminalOf(request) !== request.params.terminalId) return reply.code(403).send({ error: 'TERMINAL_MISMATCH' });
    const query = feedQuery.safeParse(request.query);
    if (!query.success)
      return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'cursor up to 64 characters, limit 1 to 10000, wait 0 to 900' });
    const { cursor, limit, wait } = query.data;
    const holds = longPoll.settings.enabled && wait > 0 && cursor !== undefined;
    let answer = world.page(cursor, limit);
    if (holds && answer.kind === 'page' && answer.upserts.id.length === 0 && answer.deletes.id.length === 0) {
      await longPoll.hold(request, wait * 1000);
      if (request.raw.destroyed) return reply;
      answer = world.page(cursor, limit);
    }
    if (answer.kind === 'resync') {
      return reply.code(410).send({ error: 'RESYNC_REQUIRED', message: 'cursor is older than the change log; start a full sync' });
    }
    // Serialised by hand: a page can hold 10,000 obligations and this is the hot path of a full sync.
    const body = JSON.stringify({
      upserts: answer.upserts,
      deletes: answer.deletes,
      cursor: answer.cursor,
      hasMore: answer.hasMore,
      serverTime: iso(),
      ...(holds ? { heldUpToSeconds: wait } : {}),
    });
    return reply.type('application/json; charset=utf-8').send(body);
  });

  const names = registerOwnerNames(server);
  const list = (ownerType: 'member' | 'company' | 'student', ownerId: string) => {
    const obligations = world.ofOwner(ownerType, ownerId);
    return { asOf: iso(), obligations, ownerName: names.nameOf(ownerType, ownerId, obligations) };
  };

  server.get<{ Params: { cedula: string } }>('/v1/members/:cedula/obligations', guard, async (request, reply) => {
    if (!cedulaSchema.safeParse(request.params.cedula).success) return reply.code(400).send({ error: 'INVALID_DOCUMENT' });
    return list('member', request.params.cedula);
  });
  server.get<{ Params: { nit: string } }>('/v1/companies/:nit/obligations', guard, async (request, reply) => {
    if (!nitSchema.safeParse(request.params.nit).success) return reply.code(400).send({ error: 'INVALID_DOCUMENT' });
    return list('company', request.params.nit);
  });
  server.get<{ Params: { studentId: string } }>('/v1/students/:studentId/enrollment-slips', guard, async (request, reply) => {
    if (!studentIdSchema.safeParse(request.params.studentId).success) return reply.code(400).send({ error: 'INVALID_DOCUMENT' });
    return list('student', request.params.studentId);
  });
  return { resetNames: names.reset };
}
