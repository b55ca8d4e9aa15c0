import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memoryLogger } from '../../support/logs';

describe('logs never hold personal data', () => {
  it('masks personal fields by name and personal values by pattern, at any depth', async () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        cedula: '1045678901',
        request: { phone: '3004567434', email: 'ing_demo@hotmail.com', otp: '123456', nested: { token: 'abc.def.ghi' } },
        note: 'payer 1045678901 wrote from ing_demo@hotmail.com with Bearer eyJhbGciOi.secret',
      },
      'sign-in for 1045678901 (ing_demo@hotmail.com)',
    );
    logger.error(new Error('lookup failed for cedula 1045678901'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const text = lines().join('\n');
    for (const secret of ['1045678901', '3004567434', 'ing_demo@hotmail.com', '123456', 'abc.def.ghi', 'eyJhbGciOi']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('sign-in for');
    expect(text).toContain('lookup failed for cedula');
  });

  it('no cédula-like or phone-like number survives in any message', async () => {
    const { logger, lines } = memoryLogger();
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{6,11}$/), fc.string({ maxLength: 10 }), (number, words) => {
        logger.warn({ detail: `${words} ${number}` }, `${words}${number}`);
      }),
      { numRuns: 50 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const line of lines()) expect(line).not.toMatch(/"(msg|detail)":"[^"]*\d{5,}/);
  });
});
