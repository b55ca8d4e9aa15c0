import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../main/api/contract';
import { oneField } from '../../../main/domain/text-field';

/**
 * The contract's inputs are strict at every object level and its free-text fields arrive as one field: what
 * the schemas let through is what the handlers (and the gateway behind them) may trust.
 */
const startInput = contract['payments.start'].input;
const validStart = {
  requestId: '2f1c8a4e-4b7e-4c1a-9a57-0d7b8f1e2c3d',
  obligationId: 'LI-38',
  amount: { kind: 'installment' },
  bankCode: '1022',
  payer: {
    fullName: 'JOSÉ PEÑA',
    email: 'jose@example.com',
    phone: '3001234567',
  },
};

const amounts = fc.oneof(
  fc.constant({ kind: 'installment' }),
  fc.constant({ kind: 'balance' }),
  fc.integer({ min: 1, max: 10_000_000 }).map((pesos) => ({ kind: 'other', pesos })),
);
const controlled = fc.constantFrom('\n', '\r', '\t', '\u0000', '\u001b[2J', '\u0085', '\u2028', '\u202e', '\u200f', '\u00a0', '  ');
const nameText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), controlled, fc.constantFrom('JOSÉ', 'PEÑA', 'Total $ 1')), {
    maxLength: 8,
  })
  .map((p) => p.join(''));
const extraKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((key) => !['kind', 'pesos', 'fullName', 'email', 'phone', '__proto__'].includes(key));

describe('payments.start input', () => {
  it('accepts every amount choice and payer the contract allows', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        expect(startInput.safeParse({ ...validStart, amount }).success).toBe(true);
      }),
    );
  });

  it('refuses an unknown key inside amount and inside payer, instead of dropping it', () => {
    fc.assert(
      fc.property(amounts, extraKey, fc.jsonValue(), (amount, key, value) => {
        const inAmount = startInput.safeParse({
          ...validStart,
          amount: { ...amount, [key]: value },
        });
        const inPayer = startInput.safeParse({
          ...validStart,
          payer: { ...validStart.payer, [key]: value },
        });
        expect(inAmount.success).toBe(false);
        expect(inPayer.success).toBe(false);
        expect(inPayer.error?.issues.map((issue) => issue.path[0])).toContain('payer');
      }),
    );
  });

  it('hands payer.fullName over as one field: never a newline, tab, control or bidi character', () => {
    fc.assert(
      fc.property(nameText, (fullName) => {
        const parsed = startInput.safeParse({
          ...validStart,
          payer: { ...validStart.payer, fullName },
        });
        const field = oneField(fullName);
        const chars = [...field].length; // zod counts code points, not UTF-16 units
        const acceptable = chars >= 3 && chars <= 80 && !/["|]/.test(field) && fullName.length <= 400;
        expect(parsed.success).toBe(acceptable);
        if (parsed.success) {
          expect(parsed.data.payer.fullName).toBe(field);
          expect(parsed.data.payer.fullName).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u200e\u200f]/u);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('turns the forged-line name of the report into one line', () => {
    const parsed = startInput.parse({
      ...validStart,
      payer: { ...validStart.payer, fullName: 'JOSÉ PEÑA\nTotal pagado $ 1' },
    });
    expect(parsed.payer.fullName).toBe('JOSÉ PEÑA Total pagado $ 1');
  });
});
