import type { CentralHttp } from './http';
import { paymentReceiptSchema, type PaymentReceipt, type PaymentRegistration } from './schemas';

export function createPaymentsClient(http: CentralHttp) {
  return {
    /**
     * Tells the central API of a payment taken here. The idempotency key makes retries safe (so it is
     * retried like any idempotent call): the central API registers a key once and replays its answer.
     */
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
  };
}
export type PaymentsClient = ReturnType<typeof createPaymentsClient>;
