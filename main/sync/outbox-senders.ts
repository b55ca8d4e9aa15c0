import type { z } from 'zod';
import { CentralError } from '../central/errors';
import { outboxKindSchemas, PAYMENT_REGISTRATION, PAYMENT_VOID, SHIFT_CLOSE, type OutboxKind } from '../central/outbox-kinds';
import type { PaymentsClient } from '../central/payments';
import type { PaymentRegistration } from '../central/schemas';
import { oneField } from '../domain/text-field';
import { OutboxRejection, type OutboxSender } from './outbox';

export interface SenderHooks {
  /**
   * The central API refused a payment because its obligation was paid or changed meanwhile. Called before the
   * item is set aside, so a crash in between only sends it again (the key replays the same refusal).
   */
  onPaymentConflict?: (payment: PaymentRegistration, idempotencyKey: string, refusal: CentralError) => void;
}

/**
 * Items written before 0008 carry the payments service's old names `approvedAt` and `bankName`; the central
 * API's registration calls them `paidAt` and `bank`. Unknown fields are dropped by the schema.
 */
function legacyPayment(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  const p = payload as Record<string, unknown>;
  return { ...p, paidAt: p.paidAt ?? p.approvedAt, cus: within(p.cus, 64), bank: within(p.bank ?? p.bankName, 120) };
}

/**
 * The gateway's CUS and bank name have no bound in its contract; the central API takes 64 and 120 characters.
 * An approved payment is registered whatever the gateway sent: one field, cut to the bound (the terminal keeps
 * the full value), never a refused registration.
 */
function within(value: unknown, max: number): unknown {
  if (typeof value !== 'string') return value;
  let out = '';
  for (const char of oneField(value)) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

function parse<K extends OutboxKind>(kind: K, payload: unknown): z.output<(typeof outboxKindSchemas)[K]> {
  const parsed = outboxKindSchemas[kind].safeParse(kind === PAYMENT_REGISTRATION ? legacyPayment(payload) : payload);
  if (!parsed.success) {
    const where = parsed.error.issues
      .map((i) => i.path.join('.'))
      .slice(0, 3)
      .join(', ');
    throw new OutboxRejection('INVALID_PAYLOAD', `${kind} payload failed its schema at ${where}`);
  }
  return parsed.data as z.output<(typeof outboxKindSchemas)[K]>;
}

/** One sender per outbox kind, each checking its payload against the central API's shape before it goes. */
export function createOutboxSenders(payments: PaymentsClient, hooks: SenderHooks = {}): Record<OutboxKind, OutboxSender> {
  return {
    [PAYMENT_REGISTRATION]: async (payload, key, signal) => {
      const payment = parse(PAYMENT_REGISTRATION, payload);
      try {
        await payments.register(payment, key, { signal });
      } catch (error) {
        if (error instanceof CentralError && error.kind === 'rejected' && error.code === 'OBLIGATION_CONFLICT') {
          hooks.onPaymentConflict?.(payment, key, error);
        }
        throw error;
      }
    },
    [PAYMENT_VOID]: async (payload, key, signal) => {
      await payments.void(parse(PAYMENT_VOID, payload), key, { signal });
    },
    [SHIFT_CLOSE]: async (payload, key, signal) => {
      await payments.closeShift(parse(SHIFT_CLOSE, payload), key, { signal });
    },
  };
}
