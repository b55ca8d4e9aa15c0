import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { payerProblems, payerTexts } from '../../../main/domain/payer';
import { payerEditsInput } from '../../../main/api/contract/payments';

const good = { fullName: 'JOSÉ MUÑOZ', email: 'jose.munoz@correo.com', phone: '3004567434' };

describe('the PSE payer rules, held once (main/domain/payer.ts)', () => {
  it('accepts a payer that keeps every rule, accents included', () => {
    expect(payerProblems(good)).toEqual({});
    expect(payerProblems({ ...good, fullName: '  ANA MARÍA GUTIÉRREZ DE LA HOZ  ' })).toEqual({});
  });

  it('names each broken field with its Spanish text', () => {
    expect(payerProblems({ fullName: 'AB', email: 'sin-arroba', phone: '300' })).toEqual({
      fullName: payerTexts.fullName,
      email: payerTexts.email,
      phone: payerTexts.phone,
    });
    expect(payerProblems({ ...good, fullName: 'ANA "LA" PEREZ' })).toEqual({ fullName: payerTexts.fullName });
    expect(payerProblems({ ...good, fullName: 'ANA | PEREZ' })).toEqual({ fullName: payerTexts.fullName });
  });

  it('is the rule the contract applies to payments.start: the same fields refused, for any input', () => {
    const text = fc.oneof(fc.string({ maxLength: 130 }), fc.constantFrom('', '  ', 'a@b.co', 'JOSÉ MUÑOZ', '3001234567', 'x"y', 'x|y'));
    fc.assert(
      fc.property(fc.record({ fullName: text, email: text, phone: fc.oneof(text, fc.stringMatching(/^\d{10}$/)) }), (payer) => {
        const parsed = payerEditsInput.safeParse(payer);
        const refused = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].sort();
        expect(refused).toEqual(Object.keys(payerProblems(payer)).sort());
      }),
    );
  });
});
