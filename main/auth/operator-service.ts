import type { Logger } from 'pino';
import { ApiError } from '../api/errors';
import type { LockoutRepo, OperatorRepo } from '../db/auth-repo';
import type { Clock } from '../runtime/clock';
import { operatorActor, type AuthAudit } from './audit';
import type { OperatorSource } from './operator-source';
import { cachedHashKind, decoyVerify, pepperPinHash, verifyPepperedPin } from './pin-hash';
import type { OperatorIdentity, SessionManager } from './session-manager';

export interface LockoutPolicy {
  /** Consecutive failures that lock the username. */
  maxFailures: number;
  lockoutSeconds: number;
  /** An unknown username refreshes the list from the central API at most this often. */
  refreshIntervalSeconds: number;
}

export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, lockoutSeconds: 300, refreshIntervalSeconds: 60 };

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

  function failure(key: string, actor: string, reason: string): never {
    const at = now();
    const failures = lockouts.get(key).failures + 1;
    if (failures >= policy.maxFailures) {
      lockouts.save(key, { failures: 0, lockedUntil: new Date(at + policy.lockoutSeconds * 1000).toISOString() }, clock.now().toISOString());
      audit.record('operator.signin.failure', actor, { reason });
      audit.record('operator.lockout', actor, { seconds: policy.lockoutSeconds });
      throw new ApiError('RATE_LIMITED', 'operator locked out', { reason: 'LOCKED_OUT', retryAfterSeconds: policy.lockoutSeconds });
    }
    lockouts.save(key, { failures, lockedUntil: null }, clock.now().toISOString());
    audit.record('operator.signin.failure', actor, { reason, failures });
    throw new ApiError('UNAUTHENTICATED', 'wrong username or PIN', { reason: 'BAD_CREDENTIALS', attemptsLeft: policy.maxFailures - failures });
  }

  async function signIn(username: string, pin: string): Promise<OperatorIdentity> {
    const name = username.toLowerCase();
    const key = `operator:${name}`;
    const current = sessions.currentOperator();
    if (current && current.operator.username !== name) {
      throw new ApiError('CONFLICT', 'another operator is signed in', { reason: 'OPERATOR_SIGNED_IN' });
    }
    const lock = lockouts.get(key);
    const lockedFor = lock.lockedUntil ? Math.ceil((Date.parse(lock.lockedUntil) - now()) / 1000) : 0;
    if (lockedFor > 0) {
      audit.record('operator.signin.failure', operatorActor(name, operators.find(name) !== undefined), { reason: 'LOCKED_OUT' });
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
      return failure(key, operatorActor(name, false), 'UNKNOWN_USER');
    }
    const actor = operatorActor(name, true);
    if (!(await verifyPepperedPin(pin, operator.pinHash, pepper))) return failure(key, actor, 'WRONG_PIN');
    if (!operator.active) {
      // The PIN was right, so saying why tells a guesser nothing.
      audit.record('operator.signin.failure', actor, { reason: 'INACTIVE' });
      throw new ApiError('FORBIDDEN', 'operator account inactive', { reason: 'INACTIVE' });
    }
    lockouts.clear(key);
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

  return {
    refresh,
    signIn(username: string, pin: string): Promise<OperatorIdentity> {
      const run = queue.then(() => signIn(username, pin));
      queue = run.catch(() => undefined);
      return run;
    },
    signOut(): void {
      sessions.endOperator();
    },
  };
}
export type OperatorService = ReturnType<typeof createOperatorService>;
