import { ApiError } from '../api/errors';
import type { AccessGuard, Admission } from '../api/dispatcher';
import { accessLevels, type Access } from '../api/contract/define';
import type { MethodName } from '../api/contract';
import type { SessionManager } from './session-manager';

const admitted: Admission = { commit: () => undefined };

/**
 * The dispatcher's gate, over the terminal's sessions (they live in the core, so the transport carries no
 * token). Each level of a method's rule either admits the caller or says why not; the first level that
 * admits wins. A cashier admitted by a supervisor's authorisation uses it up when the call runs (`commit`).
 * See `Access` in main/api/contract/define.ts for the meaning of each level.
 */
export function createAccessGuard(sessions: SessionManager): AccessGuard {
  function admit(method: MethodName, level: Access): Admission | ApiError {
    if (level === 'public') return admitted;
    if (level === 'person') {
      return sessions.currentPerson()
        ? admitted
        : new ApiError('UNAUTHENTICATED', 'person sign-in required', { reason: 'NO_PERSON_SESSION' });
    }
    const operator = sessions.currentOperator();
    if (!operator) return new ApiError('UNAUTHENTICATED', 'operator sign-in required', { reason: 'NO_OPERATOR_SESSION' });
    if (operator.locked) return new ApiError('UNAUTHENTICATED', 'operator session locked', { reason: 'OPERATOR_LOCKED' });
    if (level === 'operator' || operator.operator.role === 'supervisor') return admitted;
    if (sessions.supervisorAuthorization(method)) {
      return {
        commit: () => {
          if (!sessions.consumeSupervisorAuthorization(method))
            throw new ApiError('FORBIDDEN', 'supervisor authorisation gone', { reason: 'SUPERVISOR_REQUIRED' });
        },
      };
    }
    return new ApiError('FORBIDDEN', 'supervisor role required', { reason: 'SUPERVISOR_REQUIRED' });
  }

  return (method, rule) => {
    const refusals: ApiError[] = [];
    for (const level of accessLevels(rule)) {
      const answer = admit(method, level);
      if (!(answer instanceof ApiError)) return answer;
      refusals.push(answer);
    }
    // Say what is closest to letting the caller in: a locked desk or a missing supervisor before "sign in".
    throw (
      refusals.find((error) => error.details?.reason !== 'NO_PERSON_SESSION' && error.details?.reason !== 'NO_OPERATOR_SESSION') ??
      refusals[0] ??
      new ApiError('UNAUTHENTICATED', 'sign-in required')
    );
  };
}
