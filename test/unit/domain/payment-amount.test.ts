import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountError, amountOptions, chooseAmount, type PayableObligation } from '../../../main/domain/payment-amount';

const credit: PayableObligation = { kind: 'credit', balance: 1_752_770, installment: 175_277 };
const slip: PayableObligation = { kind: 'enrollmentSlip', balance: 482_213, installment: 482_213 };
const MIN = 10_000;

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AmountError) return error.reason;
    throw error;
  }
  return 'none';
}

describe('Monto a Pagar', () => {
  it('pays the cuota, the saldo or another whole amount', () => {
    expect(chooseAmount(credit, 'installment', MIN)).toBe(175_277);
    expect(chooseAmount(credit, 'balance', MIN)).toBe(1_752_770);
    expect(chooseAmount(credit, { other: 500_000 }, MIN)).toBe(500_000);
    expect(chooseAmount(credit, { other: MIN }, MIN)).toBe(MIN);
    expect(chooseAmount(credit, { other: 1_752_770 }, MIN)).toBe(1_752_770);
  });

  it('pays the saldo with the cuota option when the saldo is below the cuota', () => {
    const almostPaid = { kind: 'credit' as const, balance: 50_000, installment: 250_000 };
    expect(chooseAmount(almostPaid, 'installment', MIN)).toBe(50_000);
    expect(amountOptions(almostPaid, MIN).installment).toBe(50_000);
  });

  it('pays enrollment slips in full only', () => {
    expect(chooseAmount(slip, 'balance', MIN)).toBe(482_213);
    expect(reasonOf(() => chooseAmount(slip, 'installment', MIN))).toBe('FULL_PAYMENT_ONLY');
    expect(reasonOf(() => chooseAmount(slip, { other: 100_000 }, MIN))).toBe('FULL_PAYMENT_ONLY');
    expect(amountOptions(slip, MIN)).toEqual({ installment: null, balance: 482_213, other: null });
  });

  it('refuses with a clear Spanish reason', () => {
    const cases: [() => unknown, string, RegExp][] = [
      [() => chooseAmount(credit, { other: 9_999 }, MIN), 'BELOW_MINIMUM', /El valor mínimo a pagar es \$\s10\.000\./],
      [() => chooseAmount(credit, { other: 1_752_771 }, MIN), 'ABOVE_BALANCE', /no puede ser mayor que su saldo de \$\s1\.752\.770/],
      [() => chooseAmount(credit, { other: 10_000.5 }, MIN), 'NOT_WHOLE_PESOS', /sin centavos ni decimales/],
      [() => chooseAmount(credit, { other: -5 }, MIN), 'NOT_WHOLE_PESOS', /en pesos/],
      [() => chooseAmount({ ...credit, balance: 0 }, 'balance', MIN), 'NOTHING_TO_PAY', /no tiene saldo pendiente/],
      [() => chooseAmount({ ...credit, installment: 0 }, 'installment', MIN), 'NO_INSTALLMENT', /no tiene una cuota asignada/],
      [() => chooseAmount({ ...credit, balance: 5_000 }, { other: 5_000 }, MIN), 'BALANCE_BELOW_MINIMUM', /Elija pagar el saldo total/],
      // Otro Valor not offered is said before anything about the value typed into it.
      [() => chooseAmount({ ...credit, balance: 5_000 }, { other: -5 }, MIN), 'BALANCE_BELOW_MINIMUM', /Elija pagar el saldo total/],
    ];
    for (const [fn, reason, text] of cases) {
      try {
        fn();
        expect.unreachable(`expected ${reason}`);
      } catch (error) {
        expect(error).toBeInstanceOf(AmountError);
        expect((error as AmountError).reason).toBe(reason);
        expect((error as AmountError).text).toMatch(text);
      }
    }
  });

  it('never charges more than the saldo, less than one peso, or a fraction (property)', () => {
    const obligation = fc.record({
      kind: fc.constantFrom('credit' as const, 'enrollmentSlip' as const),
      balance: fc.integer({ min: 0, max: 50_000_000 }),
      installment: fc.integer({ min: 0, max: 50_000_000 }),
    });
    const choice = fc.oneof(
      fc.constant('installment' as const),
      fc.constant('balance' as const),
      fc.record({ other: fc.oneof(fc.integer({ min: -10, max: 60_000_000 }), fc.double({ noNaN: true })) }),
    );
    fc.assert(
      fc.property(obligation, choice, fc.integer({ min: 1, max: 100_000 }), (o, c, minimum) => {
        let amount: number;
        try {
          amount = chooseAmount(o, c, minimum);
        } catch (error) {
          expect(error).toBeInstanceOf(AmountError);
          expect((error as AmountError).text.length).toBeGreaterThan(10);
          return;
        }
        expect(Number.isSafeInteger(amount)).toBe(true);
        expect(amount).toBeGreaterThan(0);
        expect(amount).toBeLessThanOrEqual(o.balance);
        if (typeof c === 'object') expect(amount).toBeGreaterThanOrEqual(minimum);
        if (o.kind === 'enrollmentSlip') expect(amount).toBe(o.balance);
      }),
      { numRuns: 3000 },
    );
  });
});
