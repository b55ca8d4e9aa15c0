import type { FastifyInstance } from 'fastify';
import { paymentVoidSchema, shiftCloseSchema, type PaymentVoid, type ShiftClose } from '../../main/central/outbox-kinds';
import type { SimContext } from '../context';
import { terminalOf } from './obligations';
import type { World } from './world';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export interface RegisteredVoid extends PaymentVoid {
  idempotencyKey: string;
  voidId: string;
  voidedAtCentral: string;
  deliveries: number;
}
export interface RegisteredShiftClose extends ShiftClose {
  idempotencyKey: string;
  closeId: string;
  registeredAt: string;
  deliveries: number;
}

/**
 * The desk's central routes: `POST /v1/payment-voids` (a registered desk payment voided: the obligation gets its
 * amount back) and `POST /v1/shift-closes`, each once per idempotency key (a repeat replays the first answer).
 * `GET /sim/desk/voids` and `GET /sim/desk/shift-closes` show what arrived, with how many requests carried each key.
 */
export function registerDeskRoutes(
  server: FastifyInstance,
  context: SimContext,
  world: World,
  payments: { byKey(key: string): { obligationId: string; amount: number } | undefined },
) {
  const voids = new Map<string, RegisteredVoid>();
  const closes = new Map<string, RegisteredShiftClose>();
  let sequence = 0;

  const keyOf = (headers: Record<string, unknown>): string | null => {
    const key = headers['idempotency-key'];
    return typeof key === 'string' && KEY_PATTERN.test(key) ? key : null;
  };
  const nowIso = () => new Date(context.now()).toISOString();

  server.post('/v1/payment-voids', { preHandler: context.auth.requireTerminal }, async (request, reply) => {
    const key = keyOf(request.headers);
    if (!key) return reply.code(400).send({ error: 'MISSING_IDEMPOTENCY_KEY', message: 'Idempotency-Key header required' });
    const body = paymentVoidSchema.safeParse(request.body);
    if (!body.success)
      return reply.code(422).send({ error: 'INVALID_VOID', message: body.error.issues.map((i) => i.path.join('.')).join(', ') });
    if (body.data.terminalId !== terminalOf(request)) return reply.code(403).send({ error: 'TERMINAL_MISMATCH' });
    const earlier = voids.get(key);
    if (earlier) {
      earlier.deliveries++;
      return reply
        .code(201)
        .header('idempotent-replayed', 'true')
        .send({ voidId: earlier.voidId, paymentKey: earlier.paymentKey, voidedAt: earlier.voidedAtCentral });
    }
    const payment = payments.byKey(body.data.paymentKey);
    if (!payment) return reply.code(422).send({ error: 'UNKNOWN_PAYMENT', message: 'no registered payment with that key' });
    const current = world.get(payment.obligationId);
    if (current) world.upsert({ ...current, paid: Math.max(0, current.paid - payment.amount), balance: current.balance + payment.amount });
    const entry: RegisteredVoid = {
      ...body.data,
      idempotencyKey: key,
      voidId: `VOID-${String(++sequence).padStart(8, '0')}`,
      voidedAtCentral: nowIso(),
      deliveries: 1,
    };
    voids.set(key, entry);
    return reply.code(201).send({ voidId: entry.voidId, paymentKey: entry.paymentKey, voidedAt: entry.voidedAtCentral });
  });

  server.post('/v1/shift-closes', { preHandler: context.auth.requireTerminal }, async (request, reply) => {
    const key = keyOf(request.headers);
    if (!key) return reply.code(400).send({ error: 'MISSING_IDEMPOTENCY_KEY', message: 'Idempotency-Key header required' });
    const body = shiftCloseSchema.safeParse(request.body);
    if (!body.success)
      return reply.code(422).send({ error: 'INVALID_SHIFT_CLOSE', message: body.error.issues.map((i) => i.path.join('.')).join(', ') });
    if (body.data.terminalId !== terminalOf(request)) return reply.code(403).send({ error: 'TERMINAL_MISMATCH' });
    const earlier = closes.get(key);
    if (earlier) {
      earlier.deliveries++;
      return reply
        .code(201)
        .header('idempotent-replayed', 'true')
        .send({ closeId: earlier.closeId, shiftId: earlier.shiftId, registeredAt: earlier.registeredAt });
    }
    const entry: RegisteredShiftClose = {
      ...body.data,
      idempotencyKey: key,
      closeId: `CLOSE-${String(++sequence).padStart(8, '0')}`,
      registeredAt: nowIso(),
      deliveries: 1,
    };
    closes.set(key, entry);
    return reply.code(201).send({ closeId: entry.closeId, shiftId: entry.shiftId, registeredAt: entry.registeredAt });
  });

  server.get('/sim/desk/voids', async () => [...voids.values()]);
  server.get('/sim/desk/shift-closes', async () => [...closes.values()]);

  return {
    voids: () => [...voids.values()].map((v) => ({ ...v })),
    shiftCloses: () => [...closes.values()].map((c) => ({ ...c })),
    clear: () => {
      voids.clear();
      closes.clear();
      sequence = 0;
    },
  };
}
