import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { createAuditRepo } from '../../../main/db/terminal-repo';
import { createAuthAudit } from '../../../main/auth/audit';
import { createSessionManager, type IdleRules } from '../../../main/auth/session-manager';
import { createAccessGuard } from '../../../main/auth/access-guard';
import { ApiError } from '../../../main/api/errors';
import { movableClock } from '../../support/movable-clock';

const idle: IdleRules = { warnAfterSeconds: 60, graceSeconds: 20, maxSessionSeconds: 300, operatorLockSeconds: 120 };
const member = { type: 'member' as const, id: '1045678901', name: 'AFILIADO', email: 'a@example.com', phoneTail: '434' };
const cashier = { username: 'cajero1', displayName: 'Carmen', role: 'cashier' as const };

function refusalOf(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? { code: error.code, reason: error.details?.reason } : error;
  }
  return undefined;
}

describe('session manager', () => {
  let db: Db;
  let time: ReturnType<typeof movableClock>;
  const manager = (role: 'kiosk' | 'desk' = 'kiosk') =>
    createSessionManager({ clock: time.clock, idle, audit: createAuthAudit(createAuditRepo(db, 'T-1'), time.clock), role });
  const events = () => db.prepare('SELECT event, actor, detail FROM audit_log ORDER BY id').all();

  beforeEach(() => {
    db = openDatabase(':memory:');
    time = movableClock();
  });
  afterEach(() => db.close());

  it('warns after warnAfterSeconds without activity and ends graceSeconds later', () => {
    const sessions = manager();
    sessions.startPerson(member);
    time.advance(59);
    expect(sessions.personState()).toMatchObject({ warning: false, secondsUntilWarning: 1, secondsUntilEnd: 21 });
    time.advance(1);
    expect(sessions.personState()).toMatchObject({ warning: true, secondsUntilEnd: 20, endsBy: 'idle' });
    time.advance(19);
    expect(sessions.currentPerson()).not.toBeNull();
    time.advance(1);
    expect(sessions.currentPerson()).toBeNull();
    expect(sessions.lastPersonEnd()).toEqual({ reason: 'idle', secondsAgo: 0 });
    expect(events()).toEqual([{ event: 'auth.timeout', actor: 'member:****8901', detail: 'reason=idle' }]);
  });

  it('lets activity, even during the warning, start the idle count again', () => {
    const sessions = manager();
    sessions.startPerson(member);
    time.advance(70);
    expect(sessions.personState()?.warning).toBe(true);
    sessions.touch();
    expect(sessions.personState()).toMatchObject({ warning: false, secondsUntilWarning: 60 });
  });

  it('does not count idle time while the person is at the bank, until the hold lapses or they are back', () => {
    const sessions = manager();
    sessions.startPerson(member);
    sessions.holdIdle(time.now() + 120_000);
    time.advance(150);
    expect(sessions.personState()).toMatchObject({ warning: false, secondsUntilWarning: 30 });
    sessions.releaseIdleHold();
    expect(sessions.personState()).toMatchObject({ warning: false, secondsUntilWarning: 60 });
    time.advance(80);
    expect(sessions.currentPerson()).toBeNull();
    expect(sessions.lastPersonEnd()?.reason).toBe('idle');
  });

  it('ends an abandoned bank visit when the hold lapses, and at the maximum length in any case', () => {
    const sessions = manager();
    sessions.startPerson(member);
    sessions.holdIdle(time.now() + 120_000);
    time.advance(120 + 60 + 20);
    expect(sessions.currentPerson()).toBeNull();
    sessions.startPerson(member);
    sessions.holdIdle(time.now() + 3600_000);
    time.advance(300);
    expect(sessions.currentPerson()).toBeNull();
    expect(sessions.lastPersonEnd()?.reason).toBe('max-length');
  });

  it('ends at the maximum length whatever the activity, and says so ahead', () => {
    const sessions = manager();
    sessions.startPerson(member);
    for (let t = 0; t < 250; t += 50) {
      time.advance(50);
      sessions.touch();
    }
    expect(sessions.personState()).toMatchObject({ endsBy: 'max-length', secondsUntilEnd: 50 });
    time.advance(50);
    sessions.tick();
    expect(sessions.currentPerson()).toBeNull();
    expect(sessions.lastPersonEnd()?.reason).toBe('max-length');
  });

  it('tells everything that holds person data when the person leaves, however they leave', () => {
    const sessions = manager();
    const heard: string[] = [];
    sessions.onPersonEnd((reason) => heard.push(reason));
    sessions.startPerson(member);
    sessions.endPerson('sign-out');
    sessions.startPerson(member);
    time.advance(80);
    sessions.tick();
    expect(heard).toEqual(['sign-out', 'idle']);
  });

  it('locks an idle operator without ending the shift; a locked desk drops the person looked up', () => {
    const sessions = manager('desk');
    sessions.startOperator(cashier);
    sessions.startPerson(member);
    time.advance(119);
    sessions.touch();
    time.advance(119);
    expect(sessions.currentOperator()).toMatchObject({ locked: false, secondsUntilLock: 1 });
    time.advance(1);
    sessions.tick();
    expect(sessions.currentOperator()).toMatchObject({ operator: cashier, locked: true });
    expect(sessions.currentPerson()).toBeNull();
    sessions.touch();
    expect(sessions.currentOperator()?.locked).toBe(true);
    sessions.unlockOperator();
    expect(sessions.currentOperator()).toMatchObject({ locked: false, secondsUntilLock: 120 });
  });

  it('guards methods by access: person needs a person, operator an unlocked operator', () => {
    const sessions = manager('desk');
    const guard = createAccessGuard(sessions);
    const ctx = { transport: 'test' as const };
    expect(refusalOf(() => guard('terminal.status', 'public', ctx))).toBeUndefined();
    expect(refusalOf(() => guard('terminal.status', 'person', ctx))).toEqual({ code: 'UNAUTHENTICATED', reason: 'NO_PERSON_SESSION' });
    expect(refusalOf(() => guard('terminal.status', 'operator', ctx))).toEqual({ code: 'UNAUTHENTICATED', reason: 'NO_OPERATOR_SESSION' });
    sessions.startOperator(cashier);
    sessions.startPerson(member);
    expect(refusalOf(() => guard('terminal.status', 'operator', ctx))).toBeUndefined();
    expect(refusalOf(() => guard('terminal.status', 'person', ctx))).toBeUndefined();
    time.advance(idle.operatorLockSeconds);
    expect(refusalOf(() => guard('terminal.status', 'operator', ctx))).toEqual({ code: 'UNAUTHENTICATED', reason: 'OPERATOR_LOCKED' });
    expect(refusalOf(() => guard('terminal.status', 'person', ctx))).toEqual({ code: 'UNAUTHENTICATED', reason: 'NO_PERSON_SESSION' });
  });

  it("keeps a supervisor's authorisation with the operator session: one use, until it expires, gone on lock or sign-out", () => {
    const sessions = manager('desk');
    const grant = () => ({ method: 'printing.test', supervisor: 'supervisor1', expiresAt: time.now() + 120_000 });
    expect(sessions.grantSupervisorAuthorization(grant())).toBe(false);
    sessions.startOperator(cashier);
    expect(sessions.grantSupervisorAuthorization(grant())).toBe(true);
    expect(sessions.supervisorAuthorization('payments.terminalHistory')).toBeUndefined();
    expect(sessions.consumeSupervisorAuthorization('printing.test')).toBe(true);
    expect(sessions.consumeSupervisorAuthorization('printing.test')).toBe(false);
    expect(events()).toContainEqual({
      event: 'supervisor.authorization.used',
      actor: 'operator:cajero1',
      detail: 'method=printing.test supervisor=supervisor1',
    });

    sessions.grantSupervisorAuthorization(grant());
    time.advance(60);
    sessions.touch();
    time.advance(59);
    expect(sessions.supervisorAuthorization('printing.test')).toBeDefined();
    time.advance(1);
    expect(sessions.supervisorAuthorization('printing.test')).toBeUndefined();
    expect(sessions.currentOperator()?.locked).toBe(false);

    expect(sessions.grantSupervisorAuthorization(grant())).toBe(true);
    time.advance(idle.operatorLockSeconds);
    expect(sessions.currentOperator()?.locked).toBe(true);
    expect(sessions.grantSupervisorAuthorization(grant())).toBe(false);
    sessions.unlockOperator();
    expect(sessions.supervisorAuthorization('printing.test')).toBeUndefined();

    sessions.grantSupervisorAuthorization(grant());
    sessions.endOperator();
    sessions.startOperator(cashier);
    expect(sessions.supervisorAuthorization('printing.test')).toBeUndefined();
  });

  it('never lets an expired session through, even before the timer ticks', () => {
    const sessions = manager();
    const guard = createAccessGuard(sessions);
    sessions.startPerson(member);
    time.advance(idle.maxSessionSeconds + 1);
    expect(refusalOf(() => guard('terminal.status', 'person', { transport: 'test' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
