import { z } from 'zod';
import type { CentralHttp } from './http';
import type { PaymentVoid, ShiftClose } from './outbox-kinds';
import { paymentReceiptSchema, type PaymentReceipt, type PaymentRegistration } from './schemas';

const voidReceiptSchema = z.object({ voidId: z.string().min(1), paymentKey: z.string(), voidedAt: z.string() });
const shiftCloseReceiptSchema = z.object({ closeId: z.string().min(1), shiftId: z.string(), registeredAt: z.string() });

/**
 * What the terminal tells the central API about money: payments, voids of desk payments, shift closes. Every
 * call carries an idempotency key, which makes retries safe (so they are retried like any idempotent call): the
 * central API acts on a key once and replays its answer.
 */
export function createPaymentsClient(http: CentralHttp) {
  return {
    /** A payment taken here. A desk payment the obligation no longer allows is refused `OBLIGATION_CONFLICT`. */
    register(payment: PaymentRegistration, idempotencyKey: string, options: { signal?: AbortSignal } = {}): Promise<PaymentReceipt> {
      return http.send({
        method: 'POST',
        path: 'v1/payments',
        body: payment,
        schema: paymentReceiptSchema,
        idempotent: true,
        idempotencyKey,
        ...options,
      });
    },
    void(body: PaymentVoid, idempotencyKey: string, options: { signal?: AbortSignal } = {}) {
      return http.send({
        method: 'POST',
        path: 'v1/payment-voids',
        body,
        schema: voidReceiptSchema,
        idempotent: true,
        idempotencyKey,
        ...options,
      });
    },
    closeShift(body: ShiftClose, idempotencyKey: string, options: { signal?: AbortSignal } = {}) {
      return http.send({
        method: 'POST',
        path: 'v1/shift-closes',
        body,
        schema: shiftCloseReceiptSchema,
        idempotent: true,
        idempotencyKey,
        ...options,
      });
    },
  };
}
export type PaymentsClient = ReturnType<typeof createPaymentsClient>;
