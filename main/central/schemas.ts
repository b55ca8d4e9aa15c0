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

export const FEED_PAGE_MAX = 10_000;

/**
 * A column of a feed page: an array whose every element passes `check`. Checked in one plain loop, because a
 * page holds up to 140,000 values and this is the hot path of a full sync.
 */
function column<T>(name: string, check: (value: unknown) => boolean) {
  return z.custom<T[]>((value) => Array.isArray(value) && value.length <= FEED_PAGE_MAX && value.every(check), {
    message: `${name} must be an array of at most ${FEED_PAGE_MAX} valid values`,
  });
}
const text = (min: number, max: number) => (v: unknown) => typeof v === 'string' && v.length >= min && v.length <= max;
const nullableText = (max: number) => (v: unknown) => v === null || (typeof v === 'string' && v.length <= max);
const amount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 1e13;
const positive = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const oneOf =
  (...values: string[]) =>
  (v: unknown) =>
    values.includes(v as string);

/**
 * The obligations of a feed page by column: element i of every array describes obligation i. Columns instead
 * of one object per obligation: a page of 10,000 parses about four times faster and is half the size.
 */
export const obligationColumnsSchema = z
  .object({
    id: column<string>('id', text(1, 64)),
    kind: column<CentralObligation['kind']>('kind', oneOf('credit', 'enrollmentSlip')),
    ownerType: column<CentralObligation['ownerType']>('ownerType', oneOf('member', 'company', 'student')),
    ownerId: column<string>('ownerId', text(1, 20)),
    document: column<string>('document', text(0, 40)),
    concept: column<string>('concept', text(1, 120)),
    studentName: column<string | null>('studentName', nullableText(120)),
    validityYear: column<number | null>(
      'validityYear',
      (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 1900 && (v as number) <= 2200),
    ),
    debt: column<number>('debt', amount),
    paid: column<number>('paid', amount),
    balance: column<number>('balance', amount),
    installment: column<number>('installment', amount),
    version: column<number>('version', positive),
    updatedAt: column<string>('updatedAt', text(10, 40)),
  })
  .refine((c) => Object.values(c).every((values) => values.length === c.id.length), {
    message: 'obligation columns must have equal lengths',
  });
export type ObligationColumns = z.infer<typeof obligationColumnsSchema>;

export const tombstoneColumnsSchema = z
  .object({
    id: column<string>('id', text(1, 64)),
    version: column<number>('version', positive),
    reason: column<CentralTombstone['reason']>('reason', oneOf('paid', 'withdrawn')),
  })
  .refine((c) => c.version.length === c.id.length && c.reason.length === c.id.length, {
    message: 'tombstone columns must have equal lengths',
  });
export type TombstoneColumns = z.infer<typeof tombstoneColumnsSchema>;

/**
 * One page of the delta feed. Each obligation appears at most once in a page, in its latest state, so the
 * order of `upserts` and `deletes` within a page does not matter.
 */
export const feedPageSchema = z.object({
  upserts: obligationColumnsSchema,
  deletes: tombstoneColumnsSchema,
  cursor: z.string().min(1).max(64),
  hasMore: z.boolean(),
  serverTime: z.string(),
  /** Present when the central API honoured a long poll (`wait`): how long it would hold the request. */
  heldUpToSeconds: z.number().int().min(1).max(900).optional(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

export const obligationListSchema = z.object({
  asOf: z.string(),
  obligations: z.array(obligationSchema).max(1000),
  /** The member's full name, the company's legal name or the student's name; absent or null when not known. */
  ownerName: z.string().max(120).nullable().optional(),
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
  /** The terminal's own ids, for tracing: its payment record and the gateway's order. */
  paymentId: z.string().max(64).optional(),
  gatewayOrderId: z.string().max(64).nullable().optional(),
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

// Shown as they come on every NOTA screen: bounded, and the e-mails must be e-mails.
const contactPhone = z.string().min(3).max(40);
export const contactChannelsSchema = z.object({
  site: z.object({
    name: z.string().min(1).max(120),
    phones: z.array(contactPhone).max(5),
    advisorEmail: z.email().max(120),
    portfolioEmail: z.email().max(120),
  }),
  kindergarten: z.object({ phones: z.array(contactPhone).max(5) }),
  customerService: z.object({ phone: contactPhone, email: z.email().max(120) }),
});
export type ContactChannels = z.infer<typeof contactChannelsSchema>;
