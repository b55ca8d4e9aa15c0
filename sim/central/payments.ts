import type { FastifyInstance } from 'fastify';
import { paymentRegistrationSchema, type PaymentReceipt, type PaymentRegistration } from '../../main/central/schemas';
import type { SimContext } from '../context';
import { terminalOf } from './obligations';
import type { World } from './world';
import { deskConflict } from './desk-conflicts';

export interface RegisteredPayment extends PaymentRegistration {
  idempotencyKey: string;
  registrationId: string;
  registeredAt: string;
  /** How many requests arrived with this key (retries included); registration happened once. */
  deliveries: number;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

function fingerprint(body: PaymentRegistration): string {
  return JSON.stringify(
    Object.keys(body)
      .sort()
      .map((key) => [key, body[key as keyof PaymentRegistration] ?? null]),
  );
}

/**
 * `POST /v1/payments`: the central API learns of a payment taken at a sede. The idempotency key makes it
 * exactly-once: a repeat with the same key and body gets the first answer again (and changes nothing); the
 * same key with another body is refused. `GET /sim/payments` lets tests count what arrived.
 */
export function registerPaymentRoutes(server: FastifyInstance, context: SimContext, world: World) {
  const registered = new Map<string, { payment: RegisteredPayment; receipt: PaymentReceipt; print: string }>();
  const conflicts = new Map<string, { body: ReturnType<typeof deskConflict>; print: string }>();
  let sequence = 0;

  server.post('/v1/payments', { preHandler: context.auth.requireTerminal }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      return reply
        .code(400)
        .send({ error: 'MISSING_IDEMPOTENCY_KEY', message: 'Idempotency-Key header of 8 to 128 safe characters required' });
    }
    const body = paymentRegistrationSchema.safeParse(request.body);
    if (!body.success) {
      return reply.code(422).send({ error: 'INVALID_PAYMENT', message: body.error.issues.map((i) => i.path.join('.')).join(', ') });
    }
    if (body.data.terminalId !== terminalOf(request)) return reply.code(403).send({ error: 'TERMINAL_MISMATCH' });
    const print = fingerprint(body.data);
    const refused = conflicts.get(key);
    if (refused && refused.print === print) return reply.code(409).send(refused.body);
    const earlier = registered.get(key);
    if (earlier) {
      earlier.payment.deliveries++;
      if (earlier.print !== print)
        return reply.code(409).send({ error: 'IDEMPOTENCY_KEY_REUSED', message: 'this key was used for another payment' });
      return reply.code(201).header('idempotent-replayed', 'true').send(earlier.receipt);
    }
    const current = world.get(body.data.obligationId);
    if (current === undefined) return reply.code(422).send({ error: 'UNKNOWN_OBLIGATION', message: 'no such obligation' });
    // A desk payment (cash, card) taken offline against a saldo the central API no longer has is refused with
    // both facts; the refusal is remembered under the key, so a retry gets the same answer (desk-conflicts.ts).
    const conflict = deskConflict(body.data, current);
    if (conflict) {
      conflicts.set(key, { body: conflict, print });
      return reply.code(409).send(conflict);
    }
    // PSE money already taken is always recorded; an obligation settled meanwhile just gets no balance change.
    let after: PaymentReceipt['obligation'] = null;
    if (current) {
      const paid = current.paid + body.data.amount;
      const balance = Math.max(0, current.balance - body.data.amount);
      if (balance === 0) {
        world.remove(current.id, 'paid');
      } else {
        const updated = world.upsert({ ...current, paid, balance });
        after = { balance: updated.balance, paid: updated.paid, version: updated.version };
      }
    }
    const registeredAt = new Date(context.now()).toISOString();
    const registrationId = `REG-${String(++sequence).padStart(8, '0')}`;
    const receipt: PaymentReceipt = {
      registrationId,
      reference: body.data.reference,
      obligationId: body.data.obligationId,
      amount: body.data.amount,
      registeredAt,
      obligation: after,
    };
    registered.set(key, { payment: { ...body.data, idempotencyKey: key, registrationId, registeredAt, deliveries: 1 }, receipt, print });
    return reply.code(201).send(receipt);
  });

  server.get('/sim/payments', async () => [...registered.values()].map((entry) => entry.payment));
  server.get('/sim/payments/conflicts', async () =>
    [...conflicts.entries()].map(([idempotencyKey, entry]) => ({ idempotencyKey, ...entry.body })),
  );

  return {
    list: () => [...registered.values()].map((entry) => ({ ...entry.payment })),
    conflicts: () => [...conflicts.keys()],
    /** Whether a registration with this key took effect (for voids). */
    byKey: (key: string) => registered.get(key)?.payment,
    clear: () => {
      conflicts.clear();
      registered.clear();
      sequence = 0;
    },
  };
}
