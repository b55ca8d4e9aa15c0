import { ApiError } from '../api/errors';
import type { AccessGuard } from '../api/dispatcher';
import type { SessionManager } from './session-manager';

/**
 * The dispatcher's gate: 'person' methods need a signed-in person on this terminal, 'operator' methods an
 * operator whose session is not locked. The session lives in the core, so the transport carries no token.
 */
export function createAccessGuard(sessions: SessionManager): AccessGuard {
  return (access) => {
    if (access === 'public') return;
    if (access === 'person') {
      if (!sessions.currentPerson()) throw new ApiError('UNAUTHENTICATED', 'person sign-in required', { reason: 'NO_PERSON_SESSION' });
      return;
    }
    const operator = sessions.currentOperator();
    if (!operator) throw new ApiError('UNAUTHENTICATED', 'operator sign-in required', { reason: 'NO_OPERATOR_SESSION' });
    if (operator.locked) throw new ApiError('UNAUTHENTICATED', 'operator session locked', { reason: 'OPERATOR_LOCKED' });
  };
}
