import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createApp, type App } from '../../../main/app';
import type { Envelope } from '../../../main/api/errors';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';
import { movableClock } from '../../support/movable-clock';

type Answer = Envelope<Record<string, unknown>>;

describe('operator sign-in at a desk (operator list from the central API simulator)', () => {
  const temp = tempDir();
  const time = movableClock();
  let sim: Simulator;
  let app: App;
  let dbCount = 0;
  const config = () =>
    testConfig(temp.dir, sim.url, {
      terminal: { id: 'DESK-01', role: 'desk' },
      database: { file: `${temp.dir}/desk-${dbCount}.db` },
      idle: { warnAfterSeconds: 60, graceSeconds: 20, maxSessionSeconds: 900, operatorLockSeconds: 120 },
    });
  const call = (method: string, input: unknown = {}) => app.api.dispatch(method, input, { transport: 'test' }) as Promise<Answer>;
  const audit = () =>
    app.db.prepare("SELECT event, actor, detail FROM audit_log WHERE event LIKE 'operator.%' ORDER BY id").all() as Array<{
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
  });

  it('signs a cashier in with username and PIN, and out again', async () => {
    app = createApp(config(), { clock: time.clock });
    const answer = await call('operator.signIn', { username: 'cajero1', pin: '1234' });
    expect(answer).toEqual({
      ok: true,
      data: { operator: { username: 'cajero1', displayName: 'Carmen Cajera', role: 'cashier' }, locked: false, secondsUntilLock: 120 },
    });
    expect(await call('operator.session')).toMatchObject({ ok: true, data: { operator: { role: 'cashier' } } });
    expect(await call('operator.signOut')).toEqual({ ok: true, data: { operator: null, locked: false, secondsUntilLock: null } });
    expect(audit().map((row) => row.event)).toEqual(['operator.signin.success', 'operator.signout']);
    expect(audit()[0]).toMatchObject({ actor: 'operator:cajero1', detail: 'role=cashier' });
  });

  it('knows supervisors, and refuses an inactive operator even with the right PIN', async () => {
    app = createApp(config(), { clock: time.clock });
    expect(await call('operator.signIn', { username: 'Supervisor1', pin: '9999' })).toMatchObject({
      ok: true,
      data: { operator: { username: 'supervisor1', role: 'supervisor' } },
    });
    await call('operator.signOut');
    expect(await call('operator.signIn', { username: 'cajero2', pin: '5678' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'INACTIVE' } },
    });
  });

  it('counts failures down and locks the username out, across a restart, until the lock-out ends', async () => {
    app = createApp(config(), { clock: time.clock });
    for (let left = 4; left >= 1; left--) {
      expect(await call('operator.signIn', { username: 'cajero1', pin: '0000' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', details: { reason: 'BAD_CREDENTIALS', attemptsLeft: left } },
      });
    }
    expect(await call('operator.signIn', { username: 'cajero1', pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { reason: 'LOCKED_OUT', retryAfterSeconds: 300 } },
    });
    // Even the right PIN is refused while locked out; so after a restart.
    expect(await call('operator.signIn', { username: 'cajero1', pin: '1234' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'LOCKED_OUT' } },
    });
    await app.close();
    app = createApp({ ...config(), database: { file: `${temp.dir}/desk-${dbCount}.db` } }, { clock: time.clock });
    expect(await call('operator.signIn', { username: 'cajero1', pin: '1234' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'LOCKED_OUT' } },
    });
    // Another operator is not affected.
    expect((await call('operator.signIn', { username: 'supervisor1', pin: '9999' })).ok).toBe(true);
    await call('operator.signOut');
    time.advance(301);
    expect((await call('operator.signIn', { username: 'cajero1', pin: '1234' })).ok).toBe(true);
    const events = audit().map((row) => row.event);
    expect(events.filter((event) => event === 'operator.lockout')).toHaveLength(1);
    expect(events.filter((event) => event === 'operator.signin.failure').length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(audit())).not.toMatch(/0000|1234|scrypt/);
  });

  it('treats an unknown username like a wrong PIN and masks it in the audit log', async () => {
    app = createApp(config(), { clock: time.clock });
    expect(await call('operator.signIn', { username: '1045678901', pin: '1234' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'BAD_CREDENTIALS', attemptsLeft: 4 } },
    });
    expect(audit().at(-1)).toMatchObject({
      event: 'operator.signin.failure',
      actor: 'operator:unknown(****01)',
      detail: 'reason=UNKNOWN_USER failures=1',
    });
  });

  it("locks the desk after inactivity; only the same operator's PIN opens it, and a locked desk refuses operator work", async () => {
    app = createApp(config(), { clock: time.clock });
    await call('operator.signIn', { username: 'cajero1', pin: '1234' });
    time.advance(100);
    await call('auth.touch');
    time.advance(100);
    expect(await call('operator.session')).toMatchObject({ ok: true, data: { locked: false, secondsUntilLock: 20 } });
    time.advance(20);
    app.sessions.tick();
    expect(await call('operator.session')).toMatchObject({
      ok: true,
      data: { operator: { username: 'cajero1' }, locked: true, secondsUntilLock: null },
    });
    expect(await call('operator.signIn', { username: 'supervisor1', pin: '9999' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'OPERATOR_SIGNED_IN' } },
    });
    expect(await call('operator.signIn', { username: 'cajero1', pin: '0000' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'BAD_CREDENTIALS' } },
    });
    expect(await call('operator.signIn', { username: 'cajero1', pin: '1234' })).toMatchObject({ ok: true, data: { locked: false } });
    expect(audit().map((row) => row.event)).toEqual([
      'operator.signin.success',
      'operator.autolock',
      'operator.signin.failure',
      'operator.unlock',
    ]);
  });

  it('signs in offline from the cached list once it has been fetched', async () => {
    app = createApp(config(), { clock: time.clock });
    expect((await call('operator.signIn', { username: 'cajero1', pin: '1234' })).ok).toBe(true);
    await app.close();
    const offline = await startSimulator();
    const deadUrl = offline.url;
    await offline.close();
    app = createApp(
      {
        ...config(),
        database: { file: `${temp.dir}/desk-${dbCount}.db` },
        central: { baseUrl: `${deadUrl}/`, terminalSecret: 'demo-terminal-secret', timeoutMs: 300 },
      },
      { clock: time.clock },
    );
    expect(await call('operator.signIn', { username: 'supervisor1', pin: '9999' })).toMatchObject({
      ok: true,
      data: { operator: { role: 'supervisor' } },
    });
  });

  it('says so when no operator list was ever fetched and the central API is unreachable', async () => {
    const offline = await startSimulator();
    const deadUrl = offline.url;
    await offline.close();
    app = createApp(
      { ...config(), central: { baseUrl: `${deadUrl}/`, terminalSecret: 'demo-terminal-secret', timeoutMs: 300 } },
      { clock: time.clock },
    );
    expect(await call('operator.signIn', { username: 'cajero1', pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', details: { reason: 'NO_OPERATOR_LIST' } },
    });
  });
});
