import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { banksAnswer, orderStatusAnswer, pseStatusAnswer, registerAnswer } from '../../../main/payments/credibanco/schemas';

describe('Credibanco answer schemas (property)', () => {
  it('never throw on any JSON: an answer parses or is reported malformed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const schema of [registerAnswer, orderStatusAnswer, pseStatusAnswer, banksAnswer]) {
          expect(typeof schema.safeParse(value).success).toBe('boolean');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('read order states and amounts whether the platform writes them as numbers or as strings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 2, 6, 7),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.boolean(),
        fc.option(fc.stringMatching(/^\d{6,12}$/), { nil: null }),
        (orderStatus, pesos, asText, cus) => {
          const minor = pesos * 100;
          const answer = {
            errorCode: asText ? '0' : 0,
            orderNumber: 'KIOSK01-250425110333-7QX2',
            orderStatus: asText ? String(orderStatus) : orderStatus,
            amount: asText ? String(minor) : minor,
            currency: asText ? '170' : 170,
            date: 1_587_830_613_000,
            pseInfo: { financialInstitutionCode: '1007', traceabilityCode: cus },
          };
          const parsed = orderStatusAnswer.parse(answer);
          expect(parsed.orderStatus).toBe(orderStatus);
          expect(parsed.amount).toBe(minor);
          expect(parsed.currency).toBe('170');
          expect(parsed.pseInfo?.traceabilityCode).toBe(cus);
        },
      ),
    );
  });

  it('refuse answers we cannot trust', () => {
    expect(registerAnswer.safeParse({ orderId: 'x', formUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(registerAnswer.safeParse({ errorCode: '0' }).success).toBe(false);
    expect(orderStatusAnswer.safeParse({ orderNumber: 'A', orderStatus: 2, amount: 1.5, currency: '170' }).success).toBe(false);
    expect(pseStatusAnswer.safeParse({ financialInstitutionCode: '1007', transactionStatus: 'APPROVED' }).success).toBe(false);
    expect(banksAnswer.safeParse({ banks: [{ financialInstitutionCode: '<b>', financialInstitutionName: 'X' }] }).success).toBe(false);
  });
});
