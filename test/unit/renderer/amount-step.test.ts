import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import type { ApiOutput } from '../../../main/api/contract';
import { AmountError, amountOptions, chooseAmount, type AmountChoice, type PayableObligation } from '../../../main/domain/payment-amount';
import { usePaymentStore } from '../../../renderer/stores/payment';
import { useChargeStore } from '../../../renderer/stores/desk/charge';

/**
 * Monto a Pagar (kiosk) and Cobrar's Otro Valor (desk) check the amount on screen before anything is sent. For any
 * obligation, minimum and amount, the screen must accept exactly what the core accepts (`chooseAmount`, run by
 * `payments.start` and the desk's pay methods) and refuse with the core's own text.
 */

const obligationArb = fc.record({
  kind: fc.constantFrom('credit' as const, 'enrollmentSlip' as const),
  balance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000_000 })),
  installment: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000_000 })),
});
const minimumArb = fc.integer({ min: 1, max: 100_000 });

/** An amount typed on the keypad: anywhere, or right at the bounds the rule compares with. */
function typedArb(o: PayableObligation, minimum: number) {
  return fc.oneof(
    fc.integer({ min: 1, max: 999_999_999_999 }),
    fc.integer({ min: 1, max: 60_000_000 }),
    fc.constantFrom(minimum - 1, minimum, minimum + 1, o.balance - 1, o.balance, o.balance + 1).filter((v) => v >= 1),
  );
}

const caseArb = fc.tuple(obligationArb, minimumArb).chain(([o, minimum]) =>
  fc.record({
    o: fc.constant(o),
    minimum: fc.constant(minimum),
    kind: fc.constantFrom('installment' as const, 'balance' as const, 'other' as const),
    typed: typedArb(o, minimum),
  }),
);

/** What the core says of a choice: the amount it charges, or its refusal's Spanish text. */
function core(o: PayableObligation, choice: AmountChoice, minimum: number): { amount: number } | { text: string } {
  try {
    return { amount: chooseAmount(o, choice, minimum) };
  } catch (error) {
    if (error instanceof AmountError) return { text: error.text };
    throw error;
  }
}

function view(o: PayableObligation): ApiOutput<'payments.quote'>['obligation'] {
  return { id: 'LI-1', document: 'LI- 1', concept: 'CREDITO', studentName: null, validityYear: null, debt: o.balance, paid: 0, ...o };
}

const available = { available: true, reason: null };

function freshPinia(): void {
  const pinia = createPinia();
  createApp({}).use(pinia);
  setActivePinia(pinia);
}

describe('the amount step on screen agrees with the core (property)', () => {
  it('Monto a Pagar accepts what the core accepts and refuses with its text', () => {
    freshPinia();
    const payment = usePaymentStore();
    let refused = 0;
    fc.assert(
      fc.property(caseArb, ({ o, minimum, kind, typed }) => {
        // What `payments.quote` answers: the obligation and the core's options for it.
        payment.quote = {
          obligation: view(o),
          options: amountOptions(o, minimum),
          payer: payment.quote?.payer ?? payerOf(),
          blocked: null,
        };
        if (kind === 'other') payment.setOther(String(typed));
        else payment.choose(kind);
        const accepted = payment.confirmAmount();
        const said = core(o, kind === 'other' ? { other: typed } : kind, minimum);
        if ('amount' in said) {
          expect(accepted).toBe(true);
          expect(payment.confirmedAmount).toBe(said.amount);
          expect(payment.amountError).toBeNull();
        } else {
          refused += 1;
          expect(accepted).toBe(false);
          expect(payment.amountError).toBe(said.text);
        }
      }),
      { numRuns: 2000 },
    );
    // Both sides of the rule were exercised.
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(1900);
  });

  it("Cobrar's Otro Valor refuses exactly what the core refuses, with its text", () => {
    freshPinia();
    const charge = useChargeStore();
    fc.assert(
      fc.property(caseArb, ({ o, minimum, typed }) => {
        charge.quote = {
          obligation: view(o),
          options: amountOptions(o, minimum),
          methods: { cash: available, card: available, pse: available },
          blocked: null,
          source: 'local',
          ageSeconds: 0,
        };
        charge.amountKind = 'other';
        charge.otherDigits = String(typed);
        charge.check();
        const said = core(o, { other: typed }, minimum);
        expect(charge.errors.amount ?? null).toBe('text' in said ? said.text : null);
      }),
      { numRuns: 1000 },
    );
  });

  it('asks for a value when Otro Valor is chosen and nothing is typed (the core never sees that state)', () => {
    freshPinia();
    const payment = usePaymentStore();
    const o: PayableObligation = { kind: 'credit', balance: 1_752_770, installment: 175_277 };
    payment.quote = { obligation: view(o), options: amountOptions(o, 10_000), payer: payerOf(), blocked: null };
    payment.choose('other');
    expect(payment.confirmAmount()).toBe(false);
    expect(payment.amountError).toBe('Escriba el valor a pagar con el teclado numérico.');
  });
});

function payerOf(): ApiOutput<'payments.quote'>['payer'] {
  return {
    personType: 'natural',
    docType: 'CC',
    docNumber: '1045678901',
    fullName: 'ANA MARÍA GUTIÉRREZ DE LA HOZ',
    email: 'ana@example.com',
    phone: '',
    editable: ['fullName', 'email', 'phone'],
  };
}
