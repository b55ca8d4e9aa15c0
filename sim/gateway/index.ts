import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendCallback } from './answers';
import { createGatewayState, type GatewayState } from './state';
import { gatewayApi } from './api';

export type { GatewayState } from './state';

/**
 * The simulated Credibanco gateway and its banks: the REST API under `/payment` (the default
 * `gateway.baseUrl` is `http://127.0.0.1:5171/payment/`), the bank's page, and an admin API under
 * `/sim/gateway` that tests and demos use to resolve pending orders, inject faults and move the clock.
 */
const operations = z.enum(['register', 'orderStatus', 'pseStatus', 'banks', 'bankPage']);
const faultInput = z.object({
  operations: z.array(operations).min(1).default(['register', 'orderStatus', 'pseStatus', 'banks']),
  mode: z.enum(['down', 'latency', 'http500', 'malformed', 'truncated']),
  phase: z.enum(['before', 'after']).optional(),
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  times: z.number().int().min(1).nullable().default(null),
});
const resolveInput = z.object({ status: z.enum(['approved', 'rejected', 'failed', 'pending']) });
// Any text or number Credibanco's answers allow (main/payments/credibanco/schemas.ts): the fields have no bounds there.
const text = z.string().max(100_000).nullable().optional();
const epoch = z.number().int().nonnegative().nullable().optional();
const answerInput = z
  .object({
    actionCode: z.number().int().nullable().optional(),
    actionCodeDescription: text,
    ip: text,
    authRefNum: text,
    date: epoch,
    authDateTime: epoch,
    approvalCode: text,
    cus: text,
    bankName: text,
    ticketId: text,
  })
  .strict();

function adminRoutes(state: GatewayState) {
  return async function routes(server: FastifyInstance): Promise<void> {
    server.get('/orders', async () => ({ orders: state.list() }));
    server.get<{ Params: { orderNumber: string } }>('/orders/by-number/:orderNumber', async (request, reply) => {
      const order = state.order({ orderNumber: request.params.orderNumber });
      return order ?? reply.code(404).send({ error: 'no such order' });
    });
    server.post<{ Params: { orderId: string } }>('/orders/:orderId/resolve', async (request, reply) => {
      const parsed = resolveInput.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send({ error: 'status must be approved, rejected, failed or pending' });
      const order = state.order({ orderId: request.params.orderId });
      if (!order) return reply.code(404).send({ error: 'no such order' });
      const changed = state.decide(order, parsed.data.status);
      if (changed) sendCallback(state, order);
      return { changed, order };
    });
    // What the gateway answers about an order from now on (orderStatus and pse/status), field by field.
    server.put<{ Params: { orderId: string } }>('/orders/:orderId/answer', async (request, reply) => {
      const parsed = answerInput.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
      const order = state.order({ orderId: request.params.orderId });
      if (!order) return reply.code(404).send({ error: 'no such order' });
      order.answer = parsed.data;
      return { order };
    });
    server.post('/faults', async (request, reply) => {
      const parsed = faultInput.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
      const f = parsed.data;
      const phase = f.phase ?? (f.mode === 'malformed' || f.mode === 'truncated' ? 'after' : 'before');
      state.setFault({ operations: f.operations, mode: f.mode, phase, latencyMs: f.latencyMs, remaining: f.times });
      return { ok: true };
    });
    server.delete('/faults', async () => {
      state.clearFaults();
      return { ok: true };
    });
    server.post('/clock', async (request, reply) => {
      const parsed = z.object({ advanceMs: z.number().int().min(0) }).safeParse(request.body);
      if (!parsed.success) return reply.code(400).send({ error: 'advanceMs must be a non-negative integer' });
      state.advance(parsed.data.advanceMs);
      return { now: state.now() };
    });
    server.post('/callbacks', async (request, reply) => {
      const parsed = z.object({ enabled: z.boolean() }).safeParse(request.body);
      if (!parsed.success) return reply.code(400).send({ error: 'enabled must be a boolean' });
      state.setCallbacks(parsed.data.enabled);
      return { ok: true };
    });
    server.get('/callbacks', async () => ({ callbacks: state.callbacks }));
    server.post('/reset', async () => {
      state.reset();
      return { ok: true };
    });
  };
}

export interface GatewaySimOptions {
  userName?: string;
  password?: string;
  /** The simulator's clock (ms since the epoch); `POST /sim/gateway/clock` moves the gateway ahead of it. */
  now?: () => number;
}

/** One registration in sim/server.ts mounts both the gateway (`/payment`) and its admin (`/sim/gateway`). */
export function gatewaySimulator(options: GatewaySimOptions = {}) {
  const state = createGatewayState(
    { userName: options.userName ?? 'cajacopi-demo', password: options.password ?? 'demo-password' },
    options.now ?? Date.now,
  );
  return {
    state,
    async plugin(server: FastifyInstance): Promise<void> {
      await server.register(gatewayApi(state), { prefix: '/payment' });
      await server.register(adminRoutes(state), { prefix: '/sim/gateway' });
    },
  };
}
