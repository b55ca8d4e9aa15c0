import { z } from 'zod';
import { cardFranchise } from '../api/contract/desk';

/**
 * What only one method has, kept as `payments.method_json`: cash received and change; the datáfono slip's
 * franchise, last four digits and authorization code. `balanceBefore` is the obligation's local saldo when the
 * payment was taken, shown beside the central side if the payment ends up in the conflict list.
 */
export const cashFactsSchema = z.object({
  method: z.literal('cash'),
  received: z.number().int().nonnegative(),
  change: z.number().int().nonnegative(),
  balanceBefore: z.number().int().nonnegative(),
});
export const cardFactsSchema = z.object({
  method: z.literal('card'),
  franchise: cardFranchise,
  last4: z.string().regex(/^\d{4}$/),
  authorizationCode: z.string().regex(/^[A-Za-z0-9]{4,8}$/),
  terminalReference: z.string().nullable(),
  balanceBefore: z.number().int().nonnegative(),
});
export const methodFactsSchema = z.discriminatedUnion('method', [cashFactsSchema, cardFactsSchema]);
export type CashFacts = z.infer<typeof cashFactsSchema>;
export type CardFacts = z.infer<typeof cardFactsSchema>;
export type MethodFacts = z.infer<typeof methodFactsSchema>;

export function readFacts(json: string | null): MethodFacts | null {
  if (!json) return null;
  const parsed = methodFactsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** Change due for cash; null when the amount received does not cover the payment. */
export function changeDue(amount: number, received: number): number | null {
  return received >= amount ? received - amount : null;
}
