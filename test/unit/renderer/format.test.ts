import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCop, groupDigits, pesosFromDigits } from '../../../renderer/format';
import { formatCop as coreFormatCop } from '../../../main/domain/money';
import { newRequestId } from '../../../renderer/payments/request-id';

describe('money on screen (renderer/format.ts)', () => {
  it("formats pesos with the core's own formatter (one for screens and paper)", () => {
    expect(formatCop).toBe(coreFormatCop);
    expect(formatCop(1_752_770)).toBe('$\u00a01.752.770');
    expect(formatCop(175_277).replace(/\s/g, ' ')).toBe('$ 175.277');
  });

  it('reads the digits typed for Otro Valor, and groups them as the person types', () => {
    expect(pesosFromDigits('')).toBeNull();
    expect(pesosFromDigits('$ 1.234.567')).toBe(1_234_567);
    expect(groupDigits('1234567')).toBe('1.234.567');
    expect(groupDigits('000')).toBe('0');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (pesos) => {
        const shown = groupDigits(String(pesos));
        // What the field shows is what is charged.
        return pesosFromDigits(shown) === pesos;
      }),
    );
  });

  it('makes request ids as uuid v4, each new', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRequestId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
