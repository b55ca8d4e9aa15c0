import type { Logger } from 'pino';
import { ApiError } from '../api/errors';
import { CentralError } from '../central/errors';

/**
 * Turns a refusal or failure of the central API's sign-in endpoints into the KioskApi error the screen
 * understands; `details.reason` carries the central code so the screen can say exactly what happened.
 */
export function signInApiError(error: unknown, logger: Logger, during: string): ApiError {
  if (!(error instanceof CentralError)) {
    logger.error({ err: error, during }, 'sign-in call failed unexpectedly');
    return new ApiError('INTERNAL', 'internal error');
  }
  if (error.transient) {
    logger.warn({ kind: error.kind, during }, 'central API unreachable during sign-in');
    return new ApiError('UNAVAILABLE', 'central API unreachable', { reason: 'CENTRAL_UNREACHABLE' });
  }
  if (error.kind === 'unauthorized' || error.kind === 'malformed') {
    logger.error({ kind: error.kind, status: error.status, during }, 'central API refused the terminal or answered out of contract');
    return new ApiError('UNAVAILABLE', 'central API unusable', { reason: 'CENTRAL_UNREACHABLE' });
  }
  const seconds = typeof error.details.retryAfterSeconds === 'number' ? Math.max(1, Math.ceil(error.details.retryAfterSeconds)) : undefined;
  switch (error.code) {
    case 'UNKNOWN_SUBJECT':
      return new ApiError('NOT_FOUND', 'no member or company with that document', { reason: 'UNKNOWN_SUBJECT' });
    case 'CONTACT_OUTDATED':
      return new ApiError('CONFLICT', 'no usable phone on file', { reason: 'CONTACT_OUTDATED' });
    case 'TOO_MANY_ATTEMPTS':
      return new ApiError('RATE_LIMITED', 'too many sign-in attempts from this terminal', {
        reason: 'TOO_MANY_ATTEMPTS',
        retryAfterSeconds: seconds ?? 10,
      });
    case 'RESEND_TOO_SOON':
    case 'SEND_CAP_REACHED':
      return new ApiError('RATE_LIMITED', `code send refused: ${error.code}`, { reason: error.code, retryAfterSeconds: seconds ?? 30 });
    case 'WRONG_CODE': {
      const triesLeft = typeof error.details.triesLeft === 'number' ? Math.max(0, Math.floor(error.details.triesLeft)) : 0;
      return new ApiError('UNAUTHENTICATED', 'wrong code', { reason: 'WRONG_CODE', triesLeft });
    }
    case 'EXPIRED':
      return new ApiError('CONFLICT', 'code expired', { reason: 'EXPIRED' });
    case 'TOO_MANY_TRIES':
      return new ApiError('RATE_LIMITED', 'too many wrong codes', { reason: 'TOO_MANY_TRIES' });
    case 'UNKNOWN_CHALLENGE':
      return new ApiError('CONFLICT', 'no code challenge in progress', { reason: 'NO_CHALLENGE' });
    default:
      logger.error({ code: error.code, status: error.status, during }, 'central API refused a sign-in call with an unexpected code');
      return new ApiError('UNAVAILABLE', 'central API refused the call', { reason: 'CENTRAL_UNREACHABLE' });
  }
}
