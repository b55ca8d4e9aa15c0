import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type KioskApiHandlers, type MethodName } from '../../../main/api/contract';
import type { Access, AccessRule } from '../../../main/api/contract/define';
import { createDispatcher, type CallContext } from '../../../main/api/dispatcher';
import { ApiError, type Envelope } from '../../../main/api/errors';
import { createAccessGuard } from '../../../main/auth/access-guard';
import { createAuthAudit } from '../../../main/auth/audit';
import { createSessionManager, type SessionManager } from '../../../main/auth/session-manager';
import { openDatabase, type Db } from '../../../main/db/connection';
import { createAuditRepo } from '../../../main/db/terminal-repo';
import { memoryLogger } from '../../support/logs';
import { movableClock } from '../../support/movable-clock';

/**
 * Every method of the contract against every kind of caller, through the real dispatcher and the real session
 * guard. The table iterates over `contract` itself, so a method another capability adds later is covered the
 * day it appears. What each level admits is written here, independently of the guard's code (see `Access`).
 */
type Role = 'nobody' | 'member' | 'company' | 'cashier' | 'lockedCashier' | 'supervisor' | 'cashierAuthorisedElsewhere';
const roles: Role[] = ['nobody', 'member', 'company', 'cashier', 'lockedCashier', 'supervisor', 'cashierAuthorisedElsewhere'];

const admittedBy: Record<Access, readonly Role[]> = {
  public: roles,
  person: ['member', 'company'],
  operator: ['cashier', 'supervisor', 'cashierAuthorisedElsewhere'],
  supervisor: ['supervisor'],
};

function levelsOf(rule: AccessRule): readonly Access[] {
  return typeof rule === 'string' ? [rule] : rule;
}
function admits(rule: AccessRule, role: Role): boolean {
  return levelsOf(rule).some((level) => admittedBy[level].includes(role));
}
const supervisorMethods = methodNames.filter((method) => levelsOf(contract[method].access).includes('supervisor'));

const idle = { warnAfterSeconds: 60, graceSeconds: 20, maxSessionSeconds: 300, operatorLockSeconds: 120 };
const member = { type: 'member' as const, id: '1045678901', name: 'AFILIADO', email: 'a@example.com', phoneTail: '434' };
const company = { type: 'company' as const, id: '900123456-8', name: 'EMPRESA', email: 'e@example.com', phoneTail: '777' };
const cashier = { username: 'cajero1', displayName: 'Carmen', role: 'cashier' as const };
const supervisor = { username: 'supervisor1', displayName: 'Sofía', role: 'supervisor' as const };

/** Every handler records that it ran and stops there: reaching it is what the table looks at. */
function recordingHandlers(ran: MethodName[]): KioskApiHandlers<CallContext> {
  const entries = methodNames.map((method) => [
    method,
    async () => {
      ran.push(method);
      throw new ApiError('CONFLICT', 'handler reached');
    },
  ]);
  return Object.fromEntries(entries) as KioskApiHandlers<CallContext>;
}

describe('who may call each method of the contract', () => {
  let db: Db;
  let time: ReturnType<typeof movableClock>;
  let sessions: SessionManager;
  const ran: MethodName[] = [];
  let dispatch: (method: MethodName, input: unknown) => Promise<Envelope>;

  beforeAll(() => {
    db = openDatabase(':memory:');
    time = movableClock();
  });
  afterAll(() => db.close());

  /** A fresh terminal with the role's sessions, the way sign-in leaves them. */
  function as(role: Role, grantFor?: string): void {
    sessions = createSessionManager({
      clock: time.clock,
      idle,
      audit: createAuthAudit(createAuditRepo(db, 'T-1'), time.clock),
      role: 'desk',
    });
    const api = createDispatcher(recordingHandlers(ran), memoryLogger('silent').logger, createAccessGuard(sessions));
    dispatch = (method, input) => api.dispatch(method, input, { transport: 'test' });
    if (role === 'member') sessions.startPerson(member);
    if (role === 'company') sessions.startPerson(company);
    if (role === 'supervisor') sessions.startOperator(supervisor);
    if (role === 'cashier' || role === 'lockedCashier' || role === 'cashierAuthorisedElsewhere') sessions.startOperator(cashier);
    if (role === 'lockedCashier') time.advance(idle.operatorLockSeconds + 1);
    const grant = role === 'cashierAuthorisedElsewhere' ? grantFor : undefined;
    if (grant)
      expect(sessions.grantSupervisorAuthorization({ method: grant, supervisor: 'supervisor1', expiresAt: time.now() + 120_000 })).toBe(
        true,
      );
  }

  it('the contract has methods of every level, so the table below checks something', () => {
    const levels = new Set(methodNames.flatMap((method) => levelsOf(contract[method].access)));
    expect([...levels].sort()).toEqual(['operator', 'person', 'public', 'supervisor']);
    expect(supervisorMethods.length).toBeGreaterThan(1);
    // Some supervisor methods run on {}, so the test below sees an authorisation used up, not only kept.
    expect(supervisorMethods.filter((method) => contract[method].input.safeParse({}).success).length).toBeGreaterThan(0);
  });

  for (const method of methodNames) {
    for (const role of roles) {
      const rule = contract[method].access;
      const expected = admits(rule, role) ? 'admitted' : 'refused';
      it(`${method} (${JSON.stringify(rule)}) — ${role}: ${expected}`, async () => {
        // Authorised for another supervisor method than this one (if this is one).
        as(
          role,
          supervisorMethods.find((other) => other !== method),
        );
        ran.length = 0;
        const answer = await dispatch(method, {});
        const unknownKey = await dispatch(method, { notInTheContract: 1 });
        if (expected === 'refused') {
          expect(answer.ok).toBe(false);
          expect(answer.ok ? undefined : answer.error.code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
          // Refused before the input is read: a wrong input gets the very same answer.
          expect(unknownKey).toEqual(answer);
          expect(ran).toEqual([]);
        } else {
          // Past the guard: the handler ran, or the input ({}) was refused by its schema.
          const reached = ran.includes(method) || (!answer.ok && answer.error.code === 'VALIDATION');
          expect(reached, JSON.stringify(answer)).toBe(true);
          // Every input is strict: an unknown key is refused, never dropped.
          expect(unknownKey).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        }
      });
    }
  }

  for (const method of supervisorMethods) {
    it(`${method}: a cashier authorised for it is admitted once, then refused again`, async () => {
      as('cashier');
      ran.length = 0;
      expect(await dispatch(method, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } },
      });
      sessions.grantSupervisorAuthorization({ method, supervisor: 'supervisor1', expiresAt: time.now() + 120_000 });
      // A wrong input does not use the authorisation up.
      expect(await dispatch(method, { notInTheContract: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(sessions.supervisorAuthorization(method)).toBeDefined();
      const first = await dispatch(method, {});
      if (!first.ok && first.error.code === 'VALIDATION') {
        // A method that needs input: its schema refused {} and the authorisation is still there.
        expect(ran).toEqual([]);
        expect(sessions.supervisorAuthorization(method)).toBeDefined();
      } else {
        expect(ran).toEqual([method]);
        expect(sessions.supervisorAuthorization(method)).toBeUndefined();
        expect(await dispatch(method, {})).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } },
        });
        expect(ran).toEqual([method]);
      }
    });
  }

  it('says why: sign in, unlock the desk, or ask a supervisor', async () => {
    as('nobody');
    expect(await dispatch('auth.profile', {})).toMatchObject({
      error: { code: 'UNAUTHENTICATED', details: { reason: 'NO_PERSON_SESSION' } },
    });
    expect(await dispatch('printing.test', {})).toMatchObject({
      error: { code: 'UNAUTHENTICATED', details: { reason: 'NO_OPERATOR_SESSION' } },
    });
    as('lockedCashier');
    expect(await dispatch('obligations.ofStudent', {})).toMatchObject({
      error: { code: 'UNAUTHENTICATED', details: { reason: 'OPERATOR_LOCKED' } },
    });
    as('cashier');
    expect(await dispatch('printing.test', {})).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } } });
  });
});

describe('the access decided for the methods of issue 10', () => {
  const decided: Partial<Record<MethodName, AccessRule>> = {
    'obligations.ofStudent': ['person', 'operator'],
    'printing.test': 'supervisor',
    'printing.terminalReprint': 'supervisor',
    'printing.reprint': 'person',
    'printing.jobStatus': ['person', 'operator'],
    'payments.terminalHistory': 'supervisor',
    'payments.terminalVoucher': 'supervisor',
    'payments.voucher': 'person',
    'auth.authorizeSupervisor': 'operator',
  };
  for (const [method, rule] of Object.entries(decided)) {
    it(`${method} is ${JSON.stringify(rule)}`, () => {
      expect(contract[method as MethodName].access).toEqual(rule);
    });
  }
});
