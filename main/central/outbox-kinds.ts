import { z } from 'zod';
import { paymentRegistrationSchema } from './schemas';

/**
 * What the terminal tells the central API later, through the outbox: each kind with the body of its central
 * route (main/central/openapi.yaml). Producers write these shapes, the sender parses them again before sending
 * (a stored item that no longer parses is set aside, never sent half-right).
 */
export const PAYMENT_REGISTRATION = 'payment.register';
export const PAYMENT_VOID = 'payment.void';
export const SHIFT_CLOSE = 'shift.close';

/** `POST /v1/payment-voids`: a desk payment (cash, card) voided by a supervisor after it was registered. */
export const paymentVoidSchema = z.object({
  /** The registration's idempotency key: which registered payment is voided. */
  paymentKey: z.string().min(8).max(128),
  reference: z.string().min(1).max(64),
  obligationId: z.string().min(1).max(64),
  amount: z.number().int().positive().max(1e13),
  reason: z.string().min(1).max(200),
  supervisor: z.string().min(1).max(64),
  voidedAt: z.string().min(10).max(40),
  terminalId: z.string().min(1).max(32),
  shiftId: z.string().max(64).nullable(),
});
export type PaymentVoid = z.infer<typeof paymentVoidSchema>;

const methodTotal = z.object({
  method: z.enum(['pse', 'cash', 'card']),
  count: z.number().int().nonnegative(),
  amount: z.number().int().nonnegative(),
});

/** `POST /v1/shift-closes`: a desk's *cierre de caja*. */
export const shiftCloseSchema = z.object({
  shiftId: z.string().min(1).max(64),
  terminalId: z.string().min(1).max(32),
  siteId: z.string().max(32),
  operatorId: z.string().min(1).max(64),
  openedAt: z.string().min(10).max(40),
  closedAt: z.string().min(10).max(40),
  openingFloat: z.number().int().nonnegative(),
  totals: z.array(methodTotal).max(3),
  voidedCount: z.number().int().nonnegative(),
  expectedCash: z.number().int().nonnegative(),
  countedCash: z.number().int().nonnegative(),
  difference: z.number().int(),
  authorizedBy: z.string().max(64).nullable(),
  unregisteredCount: z.number().int().nonnegative(),
  receipts: z.object({ first: z.string().nullable(), last: z.string().nullable(), count: z.number().int().nonnegative() }),
});
export type ShiftClose = z.infer<typeof shiftCloseSchema>;

export const outboxKindSchemas = {
  [PAYMENT_REGISTRATION]: paymentRegistrationSchema,
  [PAYMENT_VOID]: paymentVoidSchema,
  [SHIFT_CLOSE]: shiftCloseSchema,
} as const;
export type OutboxKind = keyof typeof outboxKindSchemas;

/** One item as a producer hands it over: the kind decides the payload's type. */
export type OutboxItem = {
  [K in OutboxKind]: { kind: K; idempotencyKey: string; payload: z.input<(typeof outboxKindSchemas)[K]>; now: string };
}[OutboxKind];

/** How producers (payments, the desk) reach the outbox: inside their own transaction; true when newly queued. */
export interface OutboxPort {
  enqueue(item: OutboxItem): boolean;
}
