import type { Pesos } from './money-schema';

/**
 * Money is whole Colombian pesos held in a safe integer. COP has no minor unit in practice;
 * gateways that want minor units get `toMinorUnits` at their edge, nowhere else. No zod here (its schema is
 * `money-schema.ts`): the renderer imports this module, and a type-only import leaves nothing in its bundle.
 */
export type { Pesos };

// One formatter for the whole product, screens and paper: `$ 1.752.770` (no-break space after `$`, no decimals).
// Made on first use: building it loads ICU's es-CO data (40–120 ms, measured with --cpu-prof), which a start must
// not wait for.
let copFormatter: Intl.NumberFormat | undefined;

export function formatCop(amount: Pesos): string {
  copFormatter ??= new Intl.NumberFormat('es-CO', {
    style: 'currency',
    currency: 'COP',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  return copFormatter.format(amount);
}

export class MoneyParseError extends Error {
  override name = 'MoneyParseError';
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
