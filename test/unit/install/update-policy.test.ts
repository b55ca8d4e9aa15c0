import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayInstallUpdate, nextQuietCheck } from '../../../main/install/update-policy';

describe('when an update may be installed', () => {
  it('installs only with nobody signed in and no payment open, whatever else holds', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.nat({ max: 50 }), (personSignedIn, operatorSignedIn, openPayments) => {
        const decision = mayInstallUpdate({ personSignedIn, operatorSignedIn, openPayments });
        expect(decision.install).toBe(!personSignedIn && !operatorSignedIn && openPayments === 0);
      }),
    );
  });

  it('says why it waits', () => {
    expect(mayInstallUpdate({ personSignedIn: true, operatorSignedIn: false, openPayments: 0 })).toEqual({
      install: false,
      reason: 'PERSON_SIGNED_IN',
    });
    expect(mayInstallUpdate({ personSignedIn: false, operatorSignedIn: true, openPayments: 0 })).toEqual({
      install: false,
      reason: 'OPERATOR_SIGNED_IN',
    });
    expect(mayInstallUpdate({ personSignedIn: false, operatorSignedIn: false, openPayments: 2 })).toEqual({
      install: false,
      reason: 'PAYMENT_OPEN',
    });
    expect(mayInstallUpdate({ personSignedIn: false, operatorSignedIn: false, openPayments: 0 })).toEqual({ install: true });
  });

  it('checks next at the quiet hour: today if it is still ahead, else tomorrow', () => {
    expect(nextQuietCheck(new Date(2026, 10, 30, 1, 15), 3)).toEqual(new Date(2026, 10, 30, 3, 0));
    expect(nextQuietCheck(new Date(2026, 10, 30, 3, 0), 3)).toEqual(new Date(2026, 11, 1, 3, 0));
    expect(nextQuietCheck(new Date(2026, 11, 31, 22, 0), 3)).toEqual(new Date(2027, 0, 1, 3, 0));
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2020, 0, 1), max: new Date(2035, 0, 1), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        (now, hour) => {
          const next = nextQuietCheck(now, hour);
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(next.getHours()).toBe(hour);
          expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3600_000);
        },
      ),
    );
  });
});
