import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCop, fromMinorUnits, MoneyParseError, parsePesos, toMinorUnits } from '../../../main/domain/money';

const NBSP = '\u00a0';

describe('money (whole COP pesos)', () => {
  it('formats like the portal with one es-CO formatter', () => {
    expect(formatCop(1_752_770)).toBe(`$${NBSP}1.752.770`);
    expect(formatCop(175_277)).toBe(`$${NBSP}175.277`);
    expect(formatCop(0)).toBe(`$${NBSP}0`);
  });

  it('parses what a person types, with or without thousands dots and $', () => {
    expect(parsePesos('1.752.770')).toBe(1_752_770);
    expect(parsePesos('$ 175.277')).toBe(175_277);
    expect(parsePesos('482213')).toBe(482_213);
  });

  it('refuses decimals, negatives, letters and misplaced separators instead of guessing', () => {
    for (const text of ['175.277,50', '-100', '12a', '', '1.75.277', '1,000', '$', '١٢٣']) {
      expect(() => parsePesos(text), text).toThrow(MoneyParseError);
    }
  });

  it('round-trips every amount through the formatter and the parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (amount) => {
        expect(parsePesos(formatCop(amount))).toBe(amount);
      }),
    );
  });

  it('never throws anything but MoneyParseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          const value = parsePesos(text);
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        } catch (error) {
          expect(error).toBeInstanceOf(MoneyParseError);
        }
      }),
    );
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
