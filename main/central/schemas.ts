import { z } from 'zod';

/**
 * The central API's wire shapes, as `openapi.yaml` documents them. Every answer is parsed with one of these
 * before the rest of the core sees it; the simulator builds its answers from the same types.
 */

const money = z.number().int().nonnegative().max(1e13);

export const obligationSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(['credit', 'enrollmentSlip']),
  ownerType: z.enum(['member', 'company', 'student']),
  ownerId: z.string().min(1).max(20),
  document: z.string().max(40),
  concept: z.string().min(1).max(120),
  studentName: z.string().max(120).nullable(),
  validityYear: z.number().int().min(1900).max(2200).nullable(),
  debt: money,
  paid: money,
  balance: money,
  installment: money,
  /** Rises with every change of this obligation at the central API; the delta feed is ordered by it. */
  version: z.number().int().positive(),
  updatedAt: z.string().min(10).max(40),
});
export type CentralObligation = z.infer<typeof obligationSchema>;

export const tombstoneSchema = z.object({
  id: z.string().min(1).max(64),
  version: z.number().int().positive(),
  reason: z.enum(['paid', 'withdrawn']),
});
export type CentralTombstone = z.infer<typeof tombstoneSchema>;

/**
 * One page of the delta feed. Each obligation appears at most once in a page, in its latest state, so the
 * order of `upserts` and `deletes` within a page does not matter.
 */
export const feedPageSchema = z.object({
  upserts: z.array(obligationSchema).max(10_000),
  deletes: z.array(tombstoneSchema).max(10_000),
  cursor: z.string().min(1).max(64),
  hasMore: z.boolean(),
  serverTime: z.string(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

export const obligationListSchema = z.object({
  asOf: z.string(),
  obligations: z.array(obligationSchema).max(1000),
});
export type ObligationList = z.infer<typeof obligationListSchema>;

/** What the kiosk tells the central API about a payment it took; the body of `POST /v1/payments`. */
export const paymentRegistrationSchema = z.object({
  reference: z.string().min(1).max(64),
  obligationId: z.string().min(1).max(64),
  amount: z.number().int().positive().max(1e13),
  method: z.enum(['pse', 'cash', 'card']),
  cus: z.string().max(64).nullable().optional(),
  bank: z.string().max(120).nullable().optional(),
  paidAt: z.string().min(10).max(40),
  terminalId: z.string().min(1).max(32),
  siteId: z.string().max(32).optional(),
  operatorId: z.string().max(64).nullable().optional(),
  shiftId: z.string().max(64).nullable().optional(),
});
export type PaymentRegistration = z.infer<typeof paymentRegistrationSchema>;

export const paymentReceiptSchema = z.object({
  registrationId: z.string().min(1),
  reference: z.string(),
  obligationId: z.string(),
  amount: z.number().int().positive(),
  registeredAt: z.string(),
  /** The obligation after the payment, when it still exists at the central API. */
  obligation: z.object({ balance: money, paid: money, version: z.number().int().positive() }).nullable(),
});
export type PaymentReceipt = z.infer<typeof paymentReceiptSchema>;

/**
 * `scrypt$N$r$p$saltB64$hashB64`: Node's `crypto.scrypt(pin, salt, 32, {N, r, p})`, salt and hash in standard
 * base64. Desks verify an operator's PIN offline against it; the PIN itself never travels.
 */
export const pinHashSchema = z.string().regex(/^scrypt\$\d{4,7}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);

export const operatorSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,32}$/),
  displayName: z.string().min(1).max(80),
  role: z.enum(['cashier', 'supervisor']),
  pinHash: pinHashSchema,
  active: z.boolean(),
});
export type CentralOperator = z.infer<typeof operatorSchema>;
export const operatorListSchema = z.array(operatorSchema).max(500);

export const contactChannelsSchema = z.object({
  site: z.object({
    name: z.string(),
    phones: z.array(z.string()).max(5),
    advisorEmail: z.string(),
    portfolioEmail: z.string(),
  }),
  kindergarten: z.object({ phones: z.array(z.string()).max(5) }),
  customerService: z.object({ phone: z.string(), email: z.string() }),
});
export type ContactChannels = z.infer<typeof contactChannelsSchema>;
