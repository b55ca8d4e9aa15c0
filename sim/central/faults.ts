import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { seededRandom } from './synthetic';

/**
 * What can go wrong between a terminal and the central API, set by flags at start or by
 * `PUT /sim/admin/faults` while running. Rates are per request, drawn from a seeded generator so a test run
 * is repeatable. Faults touch only the central API (`/v1/...`), never the simulator's own `/sim/...` routes.
 */
export const faultsSchema = z.object({
  /** Added before every answer. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  /** Share of requests answered 503 before anything happens. */
  errorRate: z.number().min(0).max(1).default(0),
  /** Share of requests whose connection is cut after the request was carried out (the answer is lost). */
  dropRate: z.number().min(0).max(1).default(0),
  /** Share of answers replaced by valid JSON of the wrong shape. */
  malformedRate: z.number().min(0).max(1).default(0),
  /** Share of answers cut in the middle (invalid JSON). */
  truncatedRate: z.number().min(0).max(1).default(0),
  /** Every request's connection is cut at once: the central API is down. */
  outage: z.boolean().default(false),
  seed: z.number().int().default(1),
});
export type Faults = z.infer<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

export const noFaults: Faults = faultsSchema.parse({});

const MALFORMED_BODY = JSON.stringify({ unexpected: 'shape', upserts: 'not-a-list', token: 1 });

export function createFaults(initial: FaultsInput = {}) {
  let faults = faultsSchema.parse(initial);
  let random = seededRandom(faults.seed);
  const counts = { requests: 0, errors: 0, drops: 0, malformed: 0, truncated: 0, outage: 0 };
  const chance = (rate: number) => rate > 0 && random() < rate;
  /** `/v1` requests being answered (a held long poll among them): an outage cuts them too, as a real one would. */
  const inFlight = new Set<FastifyRequest>();

  function applies(request: FastifyRequest): boolean {
    return request.url.startsWith('/v1/');
  }

  function cut(request: FastifyRequest): void {
    request.raw.socket?.destroy();
  }

  /** Global hooks (registered on the root instance) so they cover every capability's `/v1` routes. */
  function register(server: FastifyInstance): void {
    server.addHook('onRequest', async (request, reply) => {
      if (!applies(request)) return;
      counts.requests++;
      if (faults.outage) {
        counts.outage++;
        reply.hijack();
        cut(request);
        return;
      }
      inFlight.add(request);
      request.raw.once('close', () => inFlight.delete(request));
      if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
      if (chance(faults.errorRate)) {
        counts.errors++;
        await reply.code(503).send({ error: 'SERVICE_UNAVAILABLE', message: 'simulated fault' });
      }
    });
    server.addHook('onSend', async (request, reply, payload) => {
      if (!applies(request) || reply.statusCode === 503) return payload;
      if (chance(faults.dropRate)) {
        counts.drops++;
        cut(request);
        return payload;
      }
      if (chance(faults.malformedRate)) {
        counts.malformed++;
        reply.header('content-length', Buffer.byteLength(MALFORMED_BODY));
        return MALFORMED_BODY;
      }
      if (chance(faults.truncatedRate) && typeof payload === 'string' && payload.length > 1) {
        counts.truncated++;
        const half = payload.slice(0, Math.floor(payload.length / 2));
        reply.header('content-length', Buffer.byteLength(half));
        return half;
      }
      return payload;
    });
  }

  return {
    register,
    get: (): Faults => ({ ...faults }),
    set(next: FaultsInput): Faults {
      faults = faultsSchema.parse(next);
      random = seededRandom(faults.seed);
      if (faults.outage) for (const request of inFlight) cut(request);
      return { ...faults };
    },
    counts: () => ({ ...counts }),
  };
}
export type FaultInjector = ReturnType<typeof createFaults>;
