import { contract, isMethodName, type ApiOutput, type KioskApiHandlers } from '../api/contract';
import { accessLevels } from '../api/contract/define';
import type { CallContext } from '../api/dispatcher';
import { ApiError } from '../api/errors';
import { maskTail } from '../domain/identifiers';
import type { OperatorService } from './operator-service';
import type { SessionManager } from './session-manager';
import type { SignInService } from './signin-service';

type AuthMethod =
  | 'auth.requestCode'
  | 'auth.resendCode'
  | 'auth.verifyCode'
  | 'auth.session'
  | 'auth.touch'
  | 'auth.signOut'
  | 'auth.profile'
  | 'operator.signIn'
  | 'operator.signOut'
  | 'operator.session'
  | 'auth.authorizeSupervisor';

/** The KioskApi methods of sign-in, over the session manager and the two sign-in services. */
export function authHandlers(deps: {
  sessions: SessionManager;
  signIn: SignInService;
  operators: OperatorService;
}): Pick<KioskApiHandlers<CallContext>, AuthMethod> {
  const { sessions, signIn, operators } = deps;

  function personSession(): ApiOutput<'auth.session'> {
    const state = sessions.personState();
    return {
      person: state && {
        type: state.subject.type,
        name: state.subject.name,
        email: state.subject.email,
        maskedPhone: maskTail(state.subject.phoneTail),
      },
      challenge: state ? null : signIn.challenge(),
      idle: state && {
        warning: state.warning,
        secondsUntilWarning: state.secondsUntilWarning,
        secondsUntilEnd: state.secondsUntilEnd,
        endsBy: state.endsBy,
      },
      lastEnd: state ? null : sessions.lastPersonEnd(),
    };
  }

  function operatorSession(): ApiOutput<'operator.session'> {
    const state = sessions.currentOperator();
    return state
      ? { operator: state.operator, locked: state.locked, secondsUntilLock: state.locked ? null : state.secondsUntilLock }
      : { operator: null, locked: false, secondsUntilLock: null };
  }

  return {
    'auth.requestCode': async ({ audience, document }) => signIn.requestCode(audience, document),
    'auth.resendCode': async () => signIn.resendCode(),
    'auth.verifyCode': async ({ code }) => {
      await signIn.verifyCode(code);
      return personSession();
    },
    'auth.session': async () => personSession(),
    'auth.touch': async () => {
      sessions.touch();
      return personSession();
    },
    'auth.signOut': async () => {
      signIn.cancel();
      sessions.endPerson('sign-out');
      return personSession();
    },
    'auth.profile': async () => {
      const person = sessions.currentPerson();
      if (!person) throw new ApiError('UNAUTHENTICATED', 'person sign-in required', { reason: 'NO_PERSON_SESSION' });
      return { type: person.type, name: person.name, email: person.email };
    },
    'operator.signIn': async ({ username, pin }) => {
      await operators.signIn(username, pin);
      return operatorSession();
    },
    'operator.signOut': async () => {
      operators.signOut();
      return operatorSession();
    },
    'operator.session': async () => operatorSession(),
    'auth.authorizeSupervisor': async ({ username, pin, method }) => {
      // Checked before the PIN: a mistyped method must not cost the supervisor an attempt.
      if (!isMethodName(method) || !accessLevels(contract[method].access).includes('supervisor')) {
        throw new ApiError('VALIDATION', 'method is not a supervisor method', { field: 'method', reason: 'NOT_A_SUPERVISOR_METHOD' });
      }
      return operators.authorizeSupervisor(username, pin, method);
    },
  };
}
