import { z } from 'zod';

/**
 * Money is whole Colombian pesos held in a safe integer. COP has no minor unit in practice;
 * gateways that want minor units get `toMinorUnits` at their edge, nowhere else.
 */
export const pesosSchema = z
  .number()
  .int('amount must be whole pesos')
  .nonnegative('amount must not be negative')
  .max(Number.MAX_SAFE_INTEGER / 100, 'amount too large');
export type Pesos = z.infer<typeof pesosSchema>;

// One formatter for the whole product: `$ 1.752.770` (no-break space after `$`, no decimals).
const copFormatter = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

export function formatCop(amount: Pesos): string {
  return copFormatter.format(amount);
}

export class MoneyParseError extends Error {
  override name = 'MoneyParseError';
}

/**
 * Reads an amount typed by a person: digits with optional `$`, spaces and `.` thousands separators
 * (`1.752.770`, `$ 175.277`). Decimals are refused, not rounded: a person must see what is charged.
 */
export function parsePesos(text: string): Pesos {
  const trimmed = text.replace(/[\s\u00a0]/g, '').replace(/^\$/, '');
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(trimmed)) {
    throw new MoneyParseError(`not a whole peso amount: "${text.slice(0, 32)}"`);
  }
  const value = Number(trimmed.replace(/\./g, ''));
  const parsed = pesosSchema.safeParse(value);
  if (!parsed.success) throw new MoneyParseError(`amount out of range: "${text.slice(0, 32)}"`);
  return parsed.data;
}

export function toMinorUnits(amount: Pesos): number {
  return amount * 100;
}

export function fromMinorUnits(minor: number): Pesos {
  if (!Number.isSafeInteger(minor) || minor < 0 || minor % 100 !== 0) {
    throw new MoneyParseError(`minor units do not hold whole pesos: ${minor}`);
  }
  return minor / 100;
}
