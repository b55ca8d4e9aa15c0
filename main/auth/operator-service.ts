import type { Logger } from 'pino';
import { ApiError } from '../api/errors';
import type { LockoutRepo, OperatorRepo, OperatorRow } from '../db/auth-repo';
import type { Clock } from '../runtime/clock';
import { operatorActor, type AuthAudit } from './audit';
import type { OperatorSource } from './operator-source';
import { cachedHashKind, decoyVerify, pepperPinHash, verifyPepperedPin } from './pin-hash';
import type { OperatorIdentity, SessionManager } from './session-manager';
import { createAttemptThrottle, operatorPinThrottle, type AttemptThrottle } from './attempt-throttle';

export interface LockoutPolicy {
  /** Consecutive failures that lock the username. */
  maxFailures: number;
  lockoutSeconds: number;
  /** An unknown username refreshes the list from the central API at most this often. */
  refreshIntervalSeconds: number;
  /** How long a supervisor's authorisation waits for its one call. */
  authorizationSeconds: number;
}

export const defaultLockoutPolicy: LockoutPolicy = {
  maxFailures: 5,
  lockoutSeconds: 300,
  refreshIntervalSeconds: 60,
  authorizationSeconds: 120,
};

export interface SupervisorAuthorization {
  method: string;
  supervisor: { username: string; displayName: string };
  expiresInSeconds: number;
}

export interface OperatorServiceDeps {
  operators: OperatorRepo;
  lockouts: LockoutRepo;
  source: OperatorSource;
  sessions: SessionManager;
  audit: AuthAudit;
  clock: Clock;
  logger: Logger;
  /** The terminal's PIN pepper (SecretStore `pin-pepper`): cached hashes are useless without it. */
  pepper: Buffer;
  policy?: LockoutPolicy;
  /** PIN attempts of this terminal (default: `operatorPinThrottle`). */
  throttle?: AttemptThrottle;
}

/** A central hash this terminal cannot use is cached as such, so that operator's sign-in fails like a wrong PIN. */
const UNUSABLE_HASH = 'unusable';

/**
 * Operator sign-in at a desk: username + PIN checked against the cached operator list (scrypt hashes from
 * the central API), so it works offline once the list has been fetched. Failures count per username and
 * survive restarts; too many lock the username for a while. Sign-ins run one at a time, so parallel
 * guesses cannot slip past the counter.
 */
export function createOperatorService(deps: OperatorServiceDeps) {
  const { operators, lockouts, source, sessions, audit, clock, logger } = deps;
  const policy = deps.policy ?? defaultLockoutPolicy;
  const throttle = deps.throttle ?? createAttemptThrottle(operatorPinThrottle, clock);
  let lastRefreshAt = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();
  const now = () => clock.now().getTime();
  const { pepper } = deps;

  // Caches written before the pepper existed are peppered in place (no PIN is needed: the pepper wraps the
  // central hash); a cache peppered by another secret (key file lost, database copied elsewhere) is dropped and
  // fetched again at the next sign-in while the central API answers.
  const rewritten = operators.rewritePinHashes((stored) => {
    switch (cachedHashKind(stored, pepper)) {
      case 'peppered':
        return stored;
      case 'legacy':
        return pepperPinHash(stored, pepper) ?? UNUSABLE_HASH;
      case 'foreign':
        return null;
      case 'unusable':
        return stored === UNUSABLE_HASH ? stored : UNUSABLE_HASH;
    }
  });
  if (rewritten > 0) logger.info({ rows: rewritten }, 'cached operator PIN hashes peppered or dropped');

  async function refresh(): Promise<boolean> {
    lastRefreshAt = now();
    try {
      const list = await source.fetchOperators();
      const cached = list.map((operator) => ({ ...operator, pinHash: pepperPinHash(operator.pinHash, pepper) ?? UNUSABLE_HASH }));
      operators.replaceAll(cached, clock.now().toISOString());
      logger.info({ operators: list.length }, 'operator list refreshed');
      return true;
    } catch (error) {
      logger.warn({ kind: (error as { kind?: string }).kind ?? 'unknown' }, 'operator list could not be refreshed; using the cached one');
      return false;
    }
  }

  type FailureEvent = 'operator.signin.failure' | 'supervisor.authorization.refused';

  function failure(key: string, actor: string, reason: string, event: FailureEvent): never {
    const at = now();
    const failures = lockouts.get(key).failures + 1;
    if (failures >= policy.maxFailures) {
      lockouts.save(
        key,
        { failures: 0, lockedUntil: new Date(at + policy.lockoutSeconds * 1000).toISOString() },
        clock.now().toISOString(),
      );
      audit.record(event, actor, { reason });
      audit.record('operator.lockout', actor, { seconds: policy.lockoutSeconds });
      throw new ApiError('RATE_LIMITED', 'operator locked out', { reason: 'LOCKED_OUT', retryAfterSeconds: policy.lockoutSeconds });
    }
    lockouts.save(key, { failures, lockedUntil: null }, clock.now().toISOString());
    audit.record(event, actor, { reason, failures });
    throw new ApiError('UNAUTHENTICATED', 'wrong username or PIN', {
      reason: 'BAD_CREDENTIALS',
      attemptsLeft: policy.maxFailures - failures,
    });
  }

  /**
   * Username + PIN against the cached list, with the lock-out: the one check behind a sign-in, an unlock and
   * a supervisor's authorisation. Every attempt spends one of the terminal's PIN attempts first.
   */
  async function checkCredentials(name: string, pin: string, event: FailureEvent): Promise<OperatorRow> {
    throttle.take();
    const key = `operator:${name}`;
    const lock = lockouts.get(key);
    const lockedFor = lock.lockedUntil ? Math.ceil((Date.parse(lock.lockedUntil) - now()) / 1000) : 0;
    if (lockedFor > 0) {
      audit.record(event, operatorActor(name, operators.find(name) !== undefined), { reason: 'LOCKED_OUT' });
      throw new ApiError('RATE_LIMITED', 'operator locked out', { reason: 'LOCKED_OUT', retryAfterSeconds: lockedFor });
    }
    if (operators.summary().count === 0) await refresh();
    if (operators.summary().count === 0) {
      throw new ApiError('UNAVAILABLE', 'no operator list yet and the central API is unreachable', { reason: 'NO_OPERATOR_LIST' });
    }
    let operator = operators.find(name);
    // Someone added at the central API since the last fetch: look once more (not more than once a minute).
    if (!operator && now() - lastRefreshAt >= policy.refreshIntervalSeconds * 1000 && (await refresh())) operator = operators.find(name);
    if (!operator) {
      await decoyVerify(pin);
      return failure(key, operatorActor(name, false), 'UNKNOWN_USER', event);
    }
    const actor = operatorActor(name, true);
    if (!(await verifyPepperedPin(pin, operator.pinHash, pepper))) return failure(key, actor, 'WRONG_PIN', event);
    if (!operator.active) {
      // The PIN was right, so saying why tells a guesser nothing.
      audit.record(event, actor, { reason: 'INACTIVE' });
      throw new ApiError('FORBIDDEN', 'operator account inactive', { reason: 'INACTIVE' });
    }
    lockouts.clear(key);
    return operator;
  }

  async function signIn(username: string, pin: string): Promise<OperatorIdentity> {
    const name = username.toLowerCase();
    const current = sessions.currentOperator();
    if (current && current.operator.username !== name) {
      throw new ApiError('CONFLICT', 'another operator is signed in', { reason: 'OPERATOR_SIGNED_IN' });
    }
    const operator = await checkCredentials(name, pin, 'operator.signin.failure');
    const actor = operatorActor(name, true);
    const identity: OperatorIdentity = { username: operator.username, displayName: operator.displayName, role: operator.role };
    if (current?.locked) {
      sessions.unlockOperator();
      audit.record('operator.unlock', actor);
    } else {
      sessions.startOperator(identity);
      audit.record('operator.signin.success', actor, { role: identity.role });
    }
    return identity;
  }

  /**
   * *Autorización de supervisor*: a supervisor types their username and PIN at a cashier's desk; the cashier's
   * session may then call `method` once within `authorizationSeconds`, without anyone signing out. The
   * signed-in operator's own PIN never authorises (a cashier cannot authorise themselves), nor a cashier's.
   */
  async function authorizeSupervisor(username: string, pin: string, method: string): Promise<SupervisorAuthorization> {
    const name = username.toLowerCase();
    const current = sessions.currentOperator();
    if (!current || current.locked) throw new ApiError('UNAUTHENTICATED', 'operator sign-in required', { reason: 'NO_OPERATOR_SESSION' });
    const cashier = current.operator.username;
    if (name === cashier) {
      audit.record('supervisor.authorization.refused', operatorActor(name, true), { reason: 'SELF', method });
      throw new ApiError('FORBIDDEN', 'the signed-in operator cannot authorise their own action', { reason: 'SELF_AUTHORIZATION' });
    }
    const operator = await checkCredentials(name, pin, 'supervisor.authorization.refused');
    if (operator.role !== 'supervisor') {
      audit.record('supervisor.authorization.refused', operatorActor(name, true), { reason: 'NOT_SUPERVISOR', method });
      throw new ApiError('FORBIDDEN', 'only a supervisor can authorise', { reason: 'NOT_A_SUPERVISOR' });
    }
    const seconds = policy.authorizationSeconds;
    // The PIN check awaited: the desk may have locked or changed hands meanwhile, and then nothing is granted.
    const granted =
      sessions.currentOperator()?.operator.username === cashier &&
      sessions.grantSupervisorAuthorization({
        method,
        supervisor: operator.username,
        supervisorName: operator.displayName,
        expiresAt: now() + seconds * 1000,
      });
    if (!granted)
      throw new ApiError('UNAUTHENTICATED', 'operator session ended during the authorisation', { reason: 'NO_OPERATOR_SESSION' });
    audit.record('supervisor.authorization.granted', operatorActor(operator.username, true), { method, cashier, seconds });
    return { method, supervisor: { username: operator.username, displayName: operator.displayName }, expiresInSeconds: seconds };
  }

  /** One sign-in or authorisation at a time, so parallel guesses cannot slip past the counter. */
  function serially<T>(run: () => Promise<T>): Promise<T> {
    const result = queue.then(run);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    refresh,
    signIn(username: string, pin: string): Promise<OperatorIdentity> {
      return serially(() => signIn(username, pin));
    },
    authorizeSupervisor(username: string, pin: string, method: string): Promise<SupervisorAuthorization> {
      return serially(() => authorizeSupervisor(username, pin, method));
    },
    signOut(): void {
      sessions.endOperator();
    },
  };
}
export type OperatorService = ReturnType<typeof createOperatorService>;
