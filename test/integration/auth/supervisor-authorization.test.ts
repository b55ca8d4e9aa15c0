import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createApp, type App } from '../../../main/app';
import type { Envelope } from '../../../main/api/errors';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';
import { movableClock } from '../../support/movable-clock';

type Answer = Envelope<Record<string, unknown>>;

/**
 * *Autorización de supervisor* at a cashier's desk, through the real core (operator list from the simulator,
 * a real SQLite file): the supervisor's username and PIN let the signed-in cashier call one supervisor method
 * once, without signing the cashier out.
 */
describe("a supervisor's authorisation at a cashier's desk", () => {
  const temp = tempDir();
  const time = movableClock();
  let sim: Simulator;
  let app: App;
  let dbCount = 0;
  const call = (method: string, input: unknown = {}) => app.api.dispatch(method, input, { transport: 'test' }) as Promise<Answer>;
  const authorize = (username: string, pin: string, method: string) => call('auth.authorizeSupervisor', { username, pin, method });
  const supervisorRequired = { ok: false, error: { code: 'FORBIDDEN', details: { reason: 'SUPERVISOR_REQUIRED' } } };
  const audit = () =>
    app.db.prepare("SELECT event, actor, detail FROM audit_log WHERE event LIKE 'supervisor.%' ORDER BY id").all() as Array<{
      event: string;
      actor: string;
      detail: string | null;
    }>;

  beforeAll(async () => {
    sim = await startSimulator({ now: time.now });
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
  });
  afterEach(async () => {
    await app?.close();
    dbCount += 1;
    time.advance(600);
  });

  async function cashierAtDesk(operatorLockSeconds = 900): Promise<void> {
    app = createApp(
      testConfig(temp.dir, sim.url, {
        terminal: { id: 'DESK-01', role: 'desk' },
        database: { file: `${temp.dir}/desk-${dbCount}.db` },
        idle: { warnAfterSeconds: 60, graceSeconds: 20, maxSessionSeconds: 900, operatorLockSeconds },
      }),
      { clock: time.clock },
    );
    expect(await call('operator.signIn', { username: 'cajero1', pin: '1234' })).toMatchObject({
      ok: true,
      data: { operator: { role: 'cashier' } },
    });
  }

  it('refuses the cashier, admits one call once authorised, then refuses again; the cashier stays signed in', async () => {
    await cashierAtDesk();
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);

    const granted = await authorize('supervisor1', '9999', 'payments.terminalHistory');
    expect(granted).toEqual({
      ok: true,
      data: {
        method: 'payments.terminalHistory',
        supervisor: { username: 'supervisor1', displayName: 'Samuel Supervisor' },
        expiresInSeconds: 120,
      },
    });
    expect(await call('operator.session')).toMatchObject({
      ok: true,
      data: { operator: { username: 'cajero1', role: 'cashier' }, locked: false },
    });

    expect(await call('payments.terminalHistory')).toEqual({ ok: true, data: { items: [] } });
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);

    expect(audit()).toEqual([
      {
        event: 'supervisor.authorization.granted',
        actor: 'operator:supervisor1',
        detail: 'method=payments.terminalHistory cashier=cajero1 seconds=120',
      },
      {
        event: 'supervisor.authorization.used',
        actor: 'operator:cajero1',
        detail: 'method=payments.terminalHistory supervisor=supervisor1',
      },
    ]);
    expect(JSON.stringify(audit())).not.toContain('9999');
  });

  it("refuses a wrong PIN (counted towards the supervisor's lock-out) and grants nothing", async () => {
    await cashierAtDesk();
    expect(await authorize('supervisor1', '0000', 'payments.terminalHistory')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', details: { reason: 'BAD_CREDENTIALS', attemptsLeft: 4 } },
    });
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);
    expect(audit()).toEqual([
      { event: 'supervisor.authorization.refused', actor: 'operator:supervisor1', detail: 'reason=WRONG_PIN failures=1' },
    ]);
    for (let left = 3; left >= 1; left--) {
      expect(await authorize('supervisor1', '0000', 'payments.terminalHistory')).toMatchObject({
        error: { details: { attemptsLeft: left } },
      });
    }
    expect(await authorize('supervisor1', '0000', 'payments.terminalHistory')).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { reason: 'LOCKED_OUT' } },
    });
    // Locked out: even the right PIN authorises nothing now.
    expect(await authorize('supervisor1', '9999', 'payments.terminalHistory')).toMatchObject({
      error: { details: { reason: 'LOCKED_OUT' } },
    });
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);
  });

  it('expires after its two minutes unused', async () => {
    await cashierAtDesk();
    expect((await authorize('supervisor1', '9999', 'payments.terminalHistory')).ok).toBe(true);
    time.advance(119);
    await call('auth.touch');
    expect(app.sessions.supervisorAuthorization('payments.terminalHistory')).toBeDefined();
    time.advance(1);
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);
  });

  it("never takes the cashier's own PIN, nor authorises a method that is not a supervisor's", async () => {
    await cashierAtDesk();
    expect(await authorize('cajero1', '1234', 'payments.terminalHistory')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'SELF_AUTHORIZATION' } },
    });
    expect(await authorize('CAJERO1', '1234', 'payments.terminalHistory')).toMatchObject({
      error: { details: { reason: 'SELF_AUTHORIZATION' } },
    });
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);
    expect(await authorize('supervisor1', '9999', 'terminal.status')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: 'NOT_A_SUPERVISOR_METHOD' } },
    });
    expect(await authorize('supervisor1', '9999', 'no.suchMethod')).toMatchObject({
      error: { details: { reason: 'NOT_A_SUPERVISOR_METHOD' } },
    });
    expect(audit().map((row) => row.detail)).toEqual([
      'reason=SELF method=payments.terminalHistory',
      'reason=SELF method=payments.terminalHistory',
    ]);
  });

  it('opens only the method it was given for, and is dropped when the desk locks', async () => {
    await cashierAtDesk(60);
    expect((await authorize('supervisor1', '9999', 'printing.terminalReprint')).ok).toBe(true);
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);

    expect((await authorize('supervisor1', '9999', 'payments.terminalHistory')).ok).toBe(true);
    time.advance(61);
    app.sessions.tick();
    expect(await call('operator.signIn', { username: 'cajero1', pin: '1234' })).toMatchObject({ ok: true, data: { locked: false } });
    expect(await call('payments.terminalHistory')).toMatchObject(supervisorRequired);
  });

  it('needs an unlocked operator at the desk to be asked at all', async () => {
    await cashierAtDesk();
    await call('operator.signOut');
    expect(await authorize('supervisor1', '9999', 'payments.terminalHistory')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', details: { reason: 'NO_OPERATOR_SESSION' } },
    });
    expect(audit()).toEqual([]);
  });
});
