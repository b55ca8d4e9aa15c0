import type { Config } from '../config/schema';
import type { Clock } from '../runtime/clock';
import type { SignedInSubject } from '../central/signin';
import { operatorActor, personActor, type AuthAudit } from './audit';

export type IdleRules = Config['idle'];
export type PersonEndReason = 'sign-out' | 'idle' | 'max-length' | 'operator-ended';
export type OperatorRole = 'cashier' | 'supervisor';

export interface OperatorIdentity {
  username: string;
  displayName: string;
  role: OperatorRole;
}

export interface PersonState {
  subject: SignedInSubject;
  /** The *¿Sigue ahí?* phase: no activity for `warnAfterSeconds`; the session ends `graceSeconds` later. */
  warning: boolean;
  secondsUntilWarning: number;
  secondsUntilEnd: number;
  /** What ends the session first if nothing happens: inactivity, or the maximum session length. */
  endsBy: 'idle' | 'max-length';
}

export interface OperatorState {
  operator: OperatorIdentity;
  locked: boolean;
  secondsUntilLock: number;
}

interface PersonSession {
  subject: SignedInSubject;
  startedAt: number;
  lastActivityAt: number;
  /** While the person is on the bank's page (not ours), idle time does not count until then. */
  idleHeldUntil?: number;
}

interface OperatorSession {
  operator: OperatorIdentity;
  lastActivityAt: number;
  locked: boolean;
  /** Supervisor authorisations held by this session: method → who authorised it and until when (ms). */
  grants: Map<string, SupervisorGrant>;
  /** The grant the call running now consumed (the dispatcher uses it up before the handler runs). */
  used?: SupervisorGrant;
}

/** One *autorización de supervisor*: one call of `method`, before `expiresAt`. */
export interface SupervisorGrant {
  method: string;
  supervisor: string;
  /** The supervisor's name as printed (e.g. *Autorizó* on the cierre de caja and the ANULADO slip). */
  supervisorName?: string;
  expiresAt: number;
}

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The terminal's sessions, kept in the core only: one screen, so at most one person and one operator at a
 * time. Time comes from the injected clock; every read first applies the timers, so an expired session can
 * never authorise a call even between two ticks. `tick()` (run every second by the app) makes the
 * time-outs happen — and get audited — when nobody is calling.
 */
export function createSessionManager(deps: { clock: Clock; idle: IdleRules; audit: AuthAudit; role: 'kiosk' | 'desk' }) {
  const { clock, idle, audit, role } = deps;
  let person: PersonSession | null = null;
  let operator: OperatorSession | null = null;
  let lastPersonEnd: { reason: PersonEndReason; at: number } | null = null;
  const personEndListeners = new Set<(reason: PersonEndReason) => void>();
  const now = () => clock.now().getTime();

  function personDeadlines(session: PersonSession) {
    const warnAt = Math.max(session.lastActivityAt, session.idleHeldUntil ?? 0) + idle.warnAfterSeconds * 1000;
    const idleEndAt = warnAt + idle.graceSeconds * 1000;
    const maxEndAt = session.startedAt + idle.maxSessionSeconds * 1000;
    return { warnAt, endAt: Math.min(idleEndAt, maxEndAt), endsBy: maxEndAt <= idleEndAt ? ('max-length' as const) : ('idle' as const) };
  }

  function endPerson(reason: PersonEndReason): void {
    if (!person) return;
    const ended = person;
    person = null;
    lastPersonEnd = { reason, at: now() };
    const actor = personActor(ended.subject.type, ended.subject.id);
    audit.record(reason === 'idle' || reason === 'max-length' ? 'auth.timeout' : 'auth.signout', actor, { reason });
    for (const listener of personEndListeners) listener(reason);
  }

  function applyTimers(): void {
    const at = now();
    if (person) {
      const { endAt, endsBy } = personDeadlines(person);
      if (at >= endAt) endPerson(endsBy);
    }
    if (operator && !operator.locked && at >= operator.lastActivityAt + idle.operatorLockSeconds * 1000) {
      operator.locked = true;
      // An authorisation was given to the person at the desk now; whoever unlocks it later asks again.
      operator.grants.clear();
      audit.record('operator.autolock', operatorActor(operator.operator.username, true), { after: idle.operatorLockSeconds });
      // A locked desk shows nobody's data: the person looked up in it goes too.
      if (role === 'desk') endPerson('operator-ended');
    }
  }

  function heldGrant(method: string): SupervisorGrant | undefined {
    applyTimers();
    const grant = operator?.grants.get(method);
    if (!operator || !grant) return undefined;
    if (now() >= grant.expiresAt) {
      operator.grants.delete(method);
      return undefined;
    }
    return grant;
  }

  return {
    tick: applyTimers,

    startPerson(subject: SignedInSubject): void {
      if (person) endPerson('sign-out');
      const at = now();
      person = { subject, startedAt: at, lastActivityAt: at };
      lastPersonEnd = null;
    },
    currentPerson(): SignedInSubject | null {
      applyTimers();
      return person?.subject ?? null;
    },
    personState(): PersonState | null {
      applyTimers();
      if (!person) return null;
      const at = now();
      const { warnAt, endAt, endsBy } = personDeadlines(person);
      return {
        subject: person.subject,
        warning: at >= warnAt,
        secondsUntilWarning: secondsUntil(warnAt, at),
        secondsUntilEnd: secondsUntil(endAt, at),
        endsBy,
      };
    },
    endPerson(reason: PersonEndReason): void {
      applyTimers();
      endPerson(reason);
    },
    /** Why and how long ago the last person session ended (the Ingreso screen says so), or null. */
    lastPersonEnd(): { reason: PersonEndReason; secondsAgo: number } | null {
      return lastPersonEnd && { reason: lastPersonEnd.reason, secondsAgo: Math.floor((now() - lastPersonEnd.at) / 1000) };
    },
    /** Everything that holds a person's data in the core subscribes here and forgets it. */
    onPersonEnd(listener: (reason: PersonEndReason) => void): () => void {
      personEndListeners.add(listener);
      return () => personEndListeners.delete(listener);
    },

    startOperator(identity: OperatorIdentity): void {
      operator = { operator: identity, lastActivityAt: now(), locked: false, grants: new Map() };
    },
    /** The operator, locked or not (a locked desk still knows whose shift it is). */
    currentOperator(): OperatorState | null {
      applyTimers();
      if (!operator) return null;
      return {
        operator: operator.operator,
        locked: operator.locked,
        secondsUntilLock: operator.locked ? 0 : secondsUntil(operator.lastActivityAt + idle.operatorLockSeconds * 1000, now()),
      };
    },
    unlockOperator(): void {
      if (!operator) return;
      operator.locked = false;
      operator.lastActivityAt = now();
    },
    endOperator(): void {
      applyTimers();
      if (!operator) return;
      audit.record('operator.signout', operatorActor(operator.operator.username, true));
      operator = null;
      if (role === 'desk') endPerson('operator-ended');
    },

    /**
     * A supervisor authorised the signed-in, unlocked operator to call `method` once, until `expiresAt` (ms);
     * a newer authorisation of the same method replaces the older. False when no unlocked operator is there.
     */
    grantSupervisorAuthorization(grant: SupervisorGrant): boolean {
      applyTimers();
      if (!operator || operator.locked) return false;
      operator.grants.set(grant.method, grant);
      return true;
    },
    /** The unexpired authorisation of `method` that the operator holds, if any (not consumed). */
    supervisorAuthorization(method: string): SupervisorGrant | undefined {
      return heldGrant(method);
    },
    /**
     * Who authorised the supervisor method `method` now running at this desk: the signed-in supervisor, or the
     * supervisor whose one-call authorisation the dispatcher has just used up for it.
     */
    authorizingSupervisor(method: string): { username: string; displayName: string } | undefined {
      applyTimers();
      if (!operator || operator.locked) return undefined;
      if (operator.operator.role === 'supervisor')
        return { username: operator.operator.username, displayName: operator.operator.displayName };
      const used = operator.used;
      if (!used || used.method !== method) return undefined;
      return { username: used.supervisor, displayName: used.supervisorName ?? used.supervisor };
    },
    /** Uses the authorisation up (the dispatcher, as the call it was given for runs); false when there was none. */
    consumeSupervisorAuthorization(method: string): boolean {
      const grant = heldGrant(method);
      if (!operator || !grant) return false;
      operator.grants.delete(method);
      operator.used = grant;
      audit.record('supervisor.authorization.used', operatorActor(operator.operator.username, true), {
        method,
        supervisor: grant.supervisor,
      });
      return true;
    },

    /**
     * The person left for the bank's page: no ¿Sigue ahí? can reach them there, so idle time does not count
     * until `untilMs` (the maximum session length still does). Released when they are back on our screens.
     */
    holdIdle(untilMs: number): void {
      applyTimers();
      if (person) person.idleHeldUntil = untilMs;
    },
    releaseIdleHold(): void {
      applyTimers();
      if (!person || person.idleHeldUntil === undefined) return;
      person.idleHeldUntil = undefined;
      person.lastActivityAt = now();
    },

    /** Activity on the screen: postpones the idle warning, the end and the operator's lock. */
    touch(): void {
      applyTimers();
      const at = now();
      if (person) person.lastActivityAt = at;
      if (operator && !operator.locked) operator.lastActivityAt = at;
    },
  };
}
export type SessionManager = ReturnType<typeof createSessionManager>;
