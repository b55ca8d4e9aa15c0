import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personLookupInput } from '../../../main/api/contract/desk';
import { nitCheckDigit } from '../../../main/domain/identifiers';

/** The reason a refused input names (the dispatcher hands it to the screen as `details.reason`). */
function reasonOf(input: unknown): string | undefined {
  const parsed = personLookupInput.safeParse(input);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => (i as { params?: { reason?: string } }).params?.reason).find(Boolean);
}

/** Dots or spaces between the digits of a base, as a cashier may type them. */
const separated = (base: string, seps: string[]) => [...base].map((d, i) => (i < base.length - 1 ? `${d}${seps[i] ?? ''}` : d)).join('');
const seps = fc.array(fc.constantFrom('', '', '.', ' '), { minLength: 15, maxLength: 15 });

/**
 * `desk.lookup`'s NIT in the contract itself: every way of writing a NIT it allows becomes `base-checkDigit`; a
 * wrong check digit is refused with `NIT_CHECK_DIGIT`, never read as another NIT.
 */
describe("desk.lookup's NIT (contract)", () => {
  it('reads a NIT with its check digit dashed, attached or left out, with dots and spaces, as base-checkDigit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), seps, fc.constantFrom('', ' '), (base, between, pad) => {
        const expected = `${base}-${nitCheckDigit(base)}`;
        const dv = nitCheckDigit(base);
        for (const typed of [
          base,
          `${base}-${dv}`,
          `${base}${dv}`,
          `${separated(base, between)}-${dv}`,
          `${pad}${separated(base, between)}${pad}`,
        ]) {
          const parsed = personLookupInput.parse({ by: 'nit', value: typed, source: 'local' });
          expect(parsed.value, typed).toBe(expected);
        }
      }),
    );
    // Shorter and longer bases: dashed always; bare while it cannot be read as base + attached digit.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6,15}$/), (base) => {
        const expected = `${base}-${nitCheckDigit(base)}`;
        expect(personLookupInput.parse({ by: 'nit', value: `${base}-${nitCheckDigit(base)}` }).value).toBe(expected);
        if (base.length <= 9) expect(personLookupInput.parse({ by: 'nit', value: base }).value).toBe(expected);
      }),
    );
  });

  it('refuses a wrong check digit as NIT_CHECK_DIGIT, dashed or attached', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 9 }), fc.boolean(), (base, shift, dashed) => {
        const wrong = (nitCheckDigit(base) + shift) % 10;
        expect(reasonOf({ by: 'nit', value: `${base}${dashed ? '-' : ''}${wrong}` })).toBe('NIT_CHECK_DIGIT');
      }),
    );
    expect(reasonOf({ by: 'nit', value: '900123456-1' })).toBe('NIT_CHECK_DIGIT');
  });

  it('refuses what is not a NIT as NIT_FORMAT, and keeps the input strict', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (text) => {
        const parsed = personLookupInput.safeParse({ by: 'nit', value: text });
        if (!parsed.success) expect(['NIT_CHECK_DIGIT', 'NIT_FORMAT']).toContain(reasonOf({ by: 'nit', value: text }));
        else expect(parsed.data.value).toMatch(/^\d{6,15}-\d$/);
      }),
    );
    expect(reasonOf({ by: 'nit', value: '12345' })).toBe('NIT_FORMAT');
    expect(personLookupInput.safeParse({ by: 'nit', value: '900123456', extra: 1 }).success).toBe(false);
    expect(personLookupInput.safeParse({ by: 'nit', value: '900123456', source: 'both' }).success).toBe(false);
  });
});
