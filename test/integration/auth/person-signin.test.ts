import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createApp, type App } from '../../../main/app';
import type { Envelope } from '../../../main/api/errors';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';
import { lastCodeTo, smsInbox, wrongCode } from '../../support/central';
import { movableClock } from '../../support/movable-clock';

const MEMBER = '1045678901';
const MEMBER_PHONE = '3004567434';
const COMPANY_PHONE = '3015550987';

type Answer = Envelope<Record<string, unknown>>;

describe('person sign-in through the core (KioskApi → central API simulator)', () => {
  const temp = tempDir();
  const time = movableClock();
  let sim: Simulator;
  let app: App;
  const call = (method: string, input: unknown = {}) => app.api.dispatch(method, input, { transport: 'test' }) as Promise<Answer>;
  const data = async (method: string, input: unknown = {}) => {
    const answer = await call(method, input);
    if (!answer.ok) throw new Error(`${method} refused: ${JSON.stringify(answer.error)}`);
    return answer.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const auditRows = () =>
    app.db.prepare('SELECT event, actor, detail FROM audit_log WHERE event NOT LIKE ? ORDER BY id').all('terminal.%') as Array<{
      event: string;
      actor: string | null;
      detail: string | null;
    }>;

  beforeAll(async () => {
    sim = await startSimulator({ now: time.now });
    app = createApp(
      testConfig(temp.dir, sim.url, { idle: { warnAfterSeconds: 60, graceSeconds: 20, maxSessionSeconds: 900, operatorLockSeconds: 300 } }),
      { clock: time.clock },
    );
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
    temp.remove();
  });
  beforeEach(async () => {
    await call('auth.signOut');
    time.advance(11 * 60);
  });

  it('signs an afiliado in: code sent, masked phone, then the session with name and e-mail', async () => {
    const challenge = await data('auth.requestCode', { audience: 'member', document: MEMBER });
    expect(challenge).toEqual({ audience: 'member', maskedPhone: '****434', expiresInSeconds: 120, resendInSeconds: 30 });
    expect((await data('auth.session')).challenge).toMatchObject({ maskedPhone: '****434' });
    const session = await data('auth.verifyCode', { code: await lastCodeTo(sim, MEMBER_PHONE) });
    expect(session.person).toEqual({
      type: 'member',
      name: 'ANA MARÍA GUTIÉRREZ DE LA HOZ',
      email: 'ing_demo@hotmail.com',
      maskedPhone: '****434',
    });
    expect(session.challenge).toBeNull();
    expect(session.idle).toMatchObject({ warning: false, secondsUntilWarning: 60, secondsUntilEnd: 80, endsBy: 'idle' });
    expect(await data('auth.profile')).toEqual({ type: 'member', name: 'ANA MARÍA GUTIÉRREZ DE LA HOZ', email: 'ing_demo@hotmail.com' });
    // Nothing in the session's answer would let the renderer act as the person elsewhere.
    expect(JSON.stringify(session)).not.toMatch(/token|challengeId|1045678901/);
  });

  it('accepts the NIT typed with or without the check digit and the dash', async () => {
    for (const typed of ['900123456-8', '9001234568', '900123456', '900.123.456-8']) {
      time.advance(11 * 60);
      const challenge = await data('auth.requestCode', { audience: 'company', document: typed });
      expect(challenge.maskedPhone).toBe('****987');
      await data('auth.verifyCode', { code: await lastCodeTo(sim, COMPANY_PHONE) });
      expect((await data('auth.session')).person).toMatchObject({
        type: 'company',
        name: 'DISTRIBUIDORA DEL CARIBE S.A.S.',
        email: 'tesoreria@example.com',
      });
      await data('auth.signOut');
    }
  });

  it('refuses a malformed cédula or a NIT whose check digit does not match, without calling the central API', async () => {
    const before = (await smsInbox(sim)).length;
    for (const [audience, document, reason] of [
      ['member', '12ab45', 'format'],
      ['member', '123', 'length'],
      ['member', '12345678901', 'length'],
      ['company', '900123456-7', 'checkDigit'],
      ['company', '90012', 'format'],
    ] as const) {
      const answer = await call('auth.requestCode', { audience, document });
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'document', reason } } });
    }
    expect((await smsInbox(sim)).length).toBe(before);
  });

  it('says how many tries are left, then ends the challenge at the third wrong code', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    const code = await lastCodeTo(sim, MEMBER_PHONE);
    expect(await call('auth.verifyCode', { code: wrongCode(code) })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', details: { reason: 'WRONG_CODE', triesLeft: 2 } },
    });
    expect(await call('auth.verifyCode', { code: wrongCode(code) })).toMatchObject({
      ok: false,
      error: { details: { reason: 'WRONG_CODE', triesLeft: 1 } },
    });
    expect(await call('auth.verifyCode', { code: wrongCode(code) })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', details: { reason: 'TOO_MANY_TRIES' } },
    });
    expect((await data('auth.session')).challenge).toBeNull();
    expect(await call('auth.verifyCode', { code })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'NO_CHALLENGE' } },
    });
    expect((await data('auth.session')).person).toBeNull();
  });

  it('signs in with the right code after a wrong one', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    const code = await lastCodeTo(sim, MEMBER_PHONE);
    expect(await call('auth.verifyCode', { code: wrongCode(code) })).toMatchObject({ ok: false, error: { details: { triesLeft: 2 } } });
    expect((await data('auth.verifyCode', { code })).person).toMatchObject({ type: 'member' });
  });

  it('refuses an expired code, found by the core itself or by the central API', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    time.advance(121);
    expect((await data('auth.session')).challenge).toMatchObject({ expiresInSeconds: 0 });
    expect(await call('auth.verifyCode', { code: await lastCodeTo(sim, MEMBER_PHONE) })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'EXPIRED' } },
    });
  });

  it('resends only after the cool-down, with a fresh 120 s', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    const tooSoon = await call('auth.resendCode');
    expect(tooSoon).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { reason: 'RESEND_TOO_SOON' } } });
    time.advance(121);
    const again = await data('auth.resendCode');
    expect(again).toMatchObject({ maskedPhone: '****434', expiresInSeconds: 120 });
    expect((await data('auth.verifyCode', { code: await lastCodeTo(sim, MEMBER_PHONE) })).person).not.toBeNull();
  });

  it("answers an unknown cédula and outdated contact data alike (the manual's NOTA); the audit keeps which", async () => {
    const unknown = await call('auth.requestCode', { audience: 'member', document: '1099999999' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'SUBJECT_UNAVAILABLE' } } });
    expect(await call('auth.requestCode', { audience: 'member', document: '1045000000' })).toEqual(unknown);
    const failures = auditRows()
      .filter((row) => row.event === 'auth.signin.failure')
      .slice(-2);
    expect(failures).toEqual([
      { event: 'auth.signin.failure', actor: 'member:****9999', detail: 'reason=UNKNOWN_SUBJECT' },
      { event: 'auth.signin.failure', actor: 'member:****0000', detail: 'reason=CONTACT_OUTDATED' },
    ]);
  });

  it('warns after inactivity, ends the session after the grace, and forgets the person', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    await data('auth.verifyCode', { code: await lastCodeTo(sim, MEMBER_PHONE) });
    time.advance(45);
    await data('auth.touch');
    time.advance(59);
    expect((await data('auth.session')).idle).toMatchObject({ warning: false, secondsUntilWarning: 1 });
    time.advance(1);
    expect((await data('auth.session')).idle).toMatchObject({ warning: true, secondsUntilEnd: 20, endsBy: 'idle' });
    time.advance(20);
    app.sessions.tick();
    const after = await data('auth.session');
    expect(after).toEqual({ person: null, challenge: null, idle: null, lastEnd: { reason: 'idle', secondsAgo: 0 } });
    expect(await call('auth.profile')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', details: { reason: 'NO_PERSON_SESSION' } },
    });
    expect(auditRows().at(-1)).toMatchObject({ event: 'auth.timeout', actor: 'member:****8901', detail: 'reason=idle' });
  });

  it('ends a session at its maximum length however active the person is', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    await data('auth.verifyCode', { code: await lastCodeTo(sim, MEMBER_PHONE) });
    for (let elapsed = 0; elapsed < 880; elapsed += 40) {
      time.advance(40);
      await data('auth.touch');
    }
    expect((await data('auth.session')).idle).toMatchObject({ endsBy: 'max-length' });
    time.advance(20);
    expect((await data('auth.touch')).lastEnd).toMatchObject({ reason: 'max-length' });
  });

  it('signs out on Salir and refuses person calls afterwards', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    await data('auth.verifyCode', { code: await lastCodeTo(sim, MEMBER_PHONE) });
    expect((await call('auth.profile')).ok).toBe(true);
    expect(await data('auth.signOut')).toMatchObject({ person: null, lastEnd: { reason: 'sign-out' } });
    expect((await call('auth.profile')).ok).toBe(false);
  });

  it('refuses a second sign-in while a person is signed in', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    await data('auth.verifyCode', { code: await lastCodeTo(sim, MEMBER_PHONE) });
    expect(await call('auth.requestCode', { audience: 'company', document: '900123456-8' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'SESSION_ACTIVE' } },
    });
  });

  it('audits sign-in success, failure and sign-out with masked actors and no codes or full documents', async () => {
    await data('auth.requestCode', { audience: 'member', document: MEMBER });
    const code = await lastCodeTo(sim, MEMBER_PHONE);
    await call('auth.verifyCode', { code: wrongCode(code) });
    await data('auth.verifyCode', { code });
    await data('auth.signOut');
    const rows = auditRows();
    const events = rows.map((row) => row.event);
    expect(events).toEqual(expect.arrayContaining(['auth.code.sent', 'auth.signin.failure', 'auth.signin.success', 'auth.signout']));
    expect(rows.find((row) => row.event === 'auth.signin.failure')).toMatchObject({
      actor: 'member:****8901',
      detail: 'reason=WRONG_CODE triesLeft=2',
    });
    const all = JSON.stringify(app.db.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toContain(MEMBER);
    expect(all).not.toContain(MEMBER_PHONE);
    expect(all).not.toContain(code);
    expect(all).not.toContain('900123456');
    expect(app.db.prepare('SELECT DISTINCT terminal_id FROM audit_log').pluck().all()).toEqual(['KIOSK-01']);
  });
});

describe('person sign-in when the central API cannot be reached', () => {
  it('says the central API is unreachable and sends nothing', async () => {
    const temp = tempDir();
    const sim = await startSimulator();
    const url = sim.url;
    await sim.close();
    const app = createApp(
      testConfig(temp.dir, url, { central: { baseUrl: `${url}/`, terminalSecret: 'demo-terminal-secret', timeoutMs: 500 } }),
    );
    try {
      const answer = await app.api.dispatch('auth.requestCode', { audience: 'member', document: MEMBER }, { transport: 'test' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { reason: 'CENTRAL_UNREACHABLE' } } });
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
