import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCop, fromMinorUnits, MoneyParseError, toMinorUnits } from '../../../main/domain/money';

const NBSP = '\u00a0';

describe('money (whole COP pesos)', () => {
  it('formats like the portal with one es-CO formatter', () => {
    expect(formatCop(1_752_770)).toBe(`$${NBSP}1.752.770`);
    expect(formatCop(175_277)).toBe(`$${NBSP}175.277`);
    expect(formatCop(0)).toBe(`$${NBSP}0`);
  });

  it('converts to and from gateway minor units exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (amount) => {
        expect(fromMinorUnits(toMinorUnits(amount))).toBe(amount);
      }),
    );
    expect(() => fromMinorUnits(17_527_750)).toThrow(MoneyParseError);
  });
});
