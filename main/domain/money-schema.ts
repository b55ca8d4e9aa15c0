import { z } from 'zod';

/**
 * Money at a boundary: whole Colombian pesos in a safe integer (the pure arithmetic and the one formatter are
 * `money.ts`). Apart from `money.ts` so that the renderer, which imports `money.ts`, does not ship zod.
 */
export const pesosSchema = z
  .number()
  .int('amount must be whole pesos')
  .nonnegative('amount must not be negative')
  .max(Number.MAX_SAFE_INTEGER / 100, 'amount too large');
export type Pesos = z.infer<typeof pesosSchema>;
