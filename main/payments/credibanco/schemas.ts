import { z } from 'zod';

/**
 * Credibanco's answers, parsed before anything trusts them. The platform writes numbers sometimes as strings
 * ("0") and sometimes as numbers; both are accepted where the manual's examples disagree. Unknown extra fields
 * are ignored; a missing or mistyped field we rely on makes the whole answer malformed.
 */
const code = z.union([z.string(), z.number()]).transform(String);
const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const epochMs = z
  .number()
  .int()
  .nonnegative()
  .nullish()
  .transform((v) => (v === undefined || v === null ? null : new Date(v)));

export const registerAnswer = z.union([
  z.object({ orderId: z.string().min(1).max(64), formUrl: z.url({ protocol: /^https?$/ }) }),
  z.object({ errorCode: code.refine((c) => c !== '0', 'an error answer has a non-zero errorCode'), errorMessage: z.string().default('') }),
]);

const pseInfo = z.object({
  financialInstitutionCode: optionalText,
  traceabilityCode: optionalText,
  userType: z.union([z.string(), z.number()]).nullish(),
  docType: z.string().nullish(),
  docNumber: z.string().nullish(),
});

export const orderStatusAnswer = z.object({
  errorCode: code.optional(),
  errorMessage: z.string().optional(),
  orderNumber: z.string().min(1),
  orderStatus: int,
  actionCode: int.nullish(),
  actionCodeDescription: optionalText,
  amount: int,
  currency: code,
  date: epochMs,
  ip: optionalText,
  terminalId: optionalText,
  authRefNum: optionalText,
  authDateTime: epochMs,
  cardAuthInfo: z.object({ approvalCode: optionalText }).partial().nullish(),
  paymentAmountInfo: z.object({ paymentState: z.string().optional(), totalAmount: int.optional() }).nullish(),
  bankInfo: z.record(z.string(), z.unknown()).nullish(),
  paymentWay: optionalText,
  pseInfo: pseInfo.nullish(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
});
export type OrderStatusAnswer = z.infer<typeof orderStatusAnswer>;

/** Answer of an order lookup that failed: RBS platforms answer errorCode 6 for an unknown order. */
export const errorAnswer = z.object({ errorCode: code, errorMessage: z.string().default('') });

export const achStatus = z.enum(['OK', 'NOT_AUTHORIZED', 'PENDING', 'FAILED']);

export const pseStatusAnswer = z.object({
  errorCode: code.optional(),
  traceabilityCode: optionalText,
  nit: optionalText,
  serviceCode: optionalText,
  // Every order of ours names its bank; an answer without it is not about our order.
  financialInstitutionCode: z.string().regex(/^\d{1,8}$/),
  financialInstitutionName: optionalText,
  userType: z.union([z.string(), z.number()]).nullish(),
  docType: z.string().nullish(),
  docNumber: z.string().nullish(),
  ticketId: optionalText,
  // Present, and null until the payer has acted at the bank.
  transactionStatus: achStatus.nullable(),
});

export const banksAnswer = z.object({
  errorCode: code.optional(),
  banks: z
    .array(z.object({ financialInstitutionCode: z.string().regex(/^\d{1,8}$/), financialInstitutionName: z.string().min(1).max(120) }))
    .max(500),
});
