import { describe, expect, it } from 'vitest';
import { signInApiError } from '../../../main/auth/central-errors';
import { CentralError } from '../../../main/central/errors';
import { memoryLogger } from '../../support/logs';

describe('central sign-in refusals as the screen sees them', () => {
  const logger = memoryLogger('silent').logger;
  const map = (error: unknown) => {
    const apiError = signInApiError(error, logger, 'test');
    return { code: apiError.code, details: apiError.details };
  };

  it('keeps the central code as the reason, with its facts', () => {
    expect(map(new CentralError('rejected', '', 404, 'UNKNOWN_SUBJECT'))).toEqual({
      code: 'NOT_FOUND',
      details: { reason: 'UNKNOWN_SUBJECT' },
    });
    expect(map(new CentralError('rejected', '', 409, 'CONTACT_OUTDATED'))).toEqual({
      code: 'CONFLICT',
      details: { reason: 'CONTACT_OUTDATED' },
    });
    expect(map(new CentralError('rejected', '', 429, 'RESEND_TOO_SOON', { retryAfterSeconds: 12.2 }))).toEqual({
      code: 'RATE_LIMITED',
      details: { reason: 'RESEND_TOO_SOON', retryAfterSeconds: 13 },
    });
    expect(map(new CentralError('rejected', '', 429, 'SEND_CAP_REACHED', { retryAfterSeconds: 500 }))).toEqual({
      code: 'RATE_LIMITED',
      details: { reason: 'SEND_CAP_REACHED', retryAfterSeconds: 500 },
    });
    expect(map(new CentralError('rejected', '', 401, 'WRONG_CODE', { triesLeft: 2 }))).toEqual({
      code: 'UNAUTHENTICATED',
      details: { reason: 'WRONG_CODE', triesLeft: 2 },
    });
    expect(map(new CentralError('rejected', '', 410, 'EXPIRED'))).toEqual({ code: 'CONFLICT', details: { reason: 'EXPIRED' } });
    expect(map(new CentralError('rejected', '', 423, 'TOO_MANY_TRIES'))).toEqual({
      code: 'RATE_LIMITED',
      details: { reason: 'TOO_MANY_TRIES' },
    });
    expect(map(new CentralError('rejected', '', 404, 'UNKNOWN_CHALLENGE'))).toEqual({
      code: 'CONFLICT',
      details: { reason: 'NO_CHALLENGE' },
    });
    // The central API's own throttle of this terminal reads like the terminal's.
    expect(map(new CentralError('rejected', '', 429, 'TOO_MANY_ATTEMPTS', { retryAfterSeconds: 4.5 }))).toEqual({
      code: 'RATE_LIMITED',
      details: { reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 5 },
    });
  });

  it('reports every way of not getting an answer as the central API being unreachable', () => {
    for (const kind of ['unreachable', 'timeout', 'server', 'unauthorized', 'malformed'] as const) {
      expect(map(new CentralError(kind, ''))).toEqual({ code: 'UNAVAILABLE', details: { reason: 'CENTRAL_UNREACHABLE' } });
    }
    expect(map(new CentralError('rejected', '', 400, 'SOMETHING_NEW'))).toEqual({
      code: 'UNAVAILABLE',
      details: { reason: 'CENTRAL_UNREACHABLE' },
    });
    expect(map(new Error('bug'))).toEqual({ code: 'INTERNAL', details: undefined });
  });
});
