import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, DEMO_TERMINAL_SECRET, type Simulator } from '../../../sim/server';
import { createApp, type App } from '../../../main/app';
import type { Envelope } from '../../../main/api/errors';
import { createCentralHttp } from '../../../main/central/http';
import { CentralError } from '../../../main/central/errors';
import { createSignInClient } from '../../../main/central/signin';
import { personSignInThrottle } from '../../../main/auth/attempt-throttle';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';
import { lastCodeTo } from '../../support/central';
import { memoryLogger } from '../../support/logs';
import { movableClock } from '../../support/movable-clock';
import { rejectionOf } from '../../support/rejection';

/**
 * Trying cédulas one after another from a kiosk: the terminal lets a person's few attempts through untouched,
 * refuses a burst with a stable code and the seconds to wait, and the central API (the simulator) holds each
 * terminal to a rate of its own, for a terminal that would not throttle itself.
 */
describe('sign-in attempts per terminal', () => {
  const temp = tempDir();
  const time = movableClock();
  let sim: Simulator;
  let app: App | undefined;
  let dbCount = 0;
  const call = (method: string, input: unknown = {}) =>
    app!.api.dispatch(method, input, { transport: 'test' }) as Promise<Envelope<Record<string, unknown>>>;
  const unknownCedula = (n: number) => String(1_090_000_000 + n);

  beforeAll(async () => {
    sim = await startSimulator({ now: time.now });
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    dbCount += 1;
    // The simulator's buckets and send windows refill before the next test.
    time.advance(30 * 60);
  });
  const kiosk = () =>
    createApp(testConfig(temp.dir, sim.url, { database: { file: `${temp.dir}/kiosk-${dbCount}.db` } }), { clock: time.clock });

  it('refuses a burst of unknown cédulas with TOO_MANY_ATTEMPTS and the wait, then lets one through per interval', async () => {
    app = kiosk();
    const burst = personSignInThrottle.burst;
    for (let n = 0; n < burst; n++) {
      expect(await call('auth.requestCode', { audience: 'member', document: unknownCedula(n) })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', details: { reason: 'SUBJECT_UNAVAILABLE' } },
      });
    }
    const refused = await call('auth.requestCode', { audience: 'member', document: unknownCedula(burst) });
    const interval = 60 / personSignInThrottle.refillPerMinute;
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { reason: 'TOO_MANY_ATTEMPTS' } } });
    const wait = refused.ok ? 0 : Number(refused.error.details?.retryAfterSeconds);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(interval);
    // A malformed document is refused on its own and costs nothing; a known one is throttled like the rest.
    expect(await call('auth.requestCode', { audience: 'member', document: '12' })).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(await call('auth.requestCode', { audience: 'member', document: '1045678901' })).toMatchObject({
      error: { details: { reason: 'TOO_MANY_ATTEMPTS' } },
    });

    time.advance(wait);
    expect(await call('auth.requestCode', { audience: 'member', document: unknownCedula(99) })).toMatchObject({
      error: { details: { reason: 'SUBJECT_UNAVAILABLE' } },
    });
    expect(await call('auth.requestCode', { audience: 'member', document: unknownCedula(100) })).toMatchObject({
      error: { details: { reason: 'TOO_MANY_ATTEMPTS' } },
    });
  });

  it('never slows a real person: a mistyped cédula, the right one, a resend and the code', async () => {
    app = kiosk();
    expect(await call('auth.requestCode', { audience: 'member', document: '1045678911' })).toMatchObject({
      error: { details: { reason: 'SUBJECT_UNAVAILABLE' } },
    });
    expect(await call('auth.requestCode', { audience: 'member', document: '1045678901' })).toMatchObject({
      ok: true,
      data: { maskedPhone: '****434' },
    });
    time.advance(31);
    expect(await call('auth.resendCode')).toMatchObject({ ok: true });
    expect(await call('auth.verifyCode', { code: await lastCodeTo(sim, '3004567434') })).toMatchObject({
      ok: true,
      data: { person: { type: 'member' } },
    });
  });

  it('throttles operator PINs at the terminal too, whatever the usernames', async () => {
    app = createApp(
      testConfig(temp.dir, sim.url, { terminal: { id: 'DESK-01', role: 'desk' }, database: { file: `${temp.dir}/desk-${dbCount}.db` } }),
      { clock: time.clock },
    );
    const answers = [];
    for (let n = 0; n < 12; n++) answers.push(await call('operator.signIn', { username: `nadie${n}`, pin: '0000' }));
    const reasons = answers.map((answer) => (answer.ok ? 'ok' : answer.error.details?.reason));
    expect(reasons.filter((reason) => reason === 'BAD_CREDENTIALS').length).toBeGreaterThanOrEqual(5);
    expect(reasons.at(-1)).toBe('TOO_MANY_ATTEMPTS');
    // Throttled attempts never reached the PIN check: no failure was counted for them.
    const counted = app.db.prepare("SELECT COUNT(*) FROM sign_in_lockouts WHERE subject LIKE 'operator:nadie%'").pluck().get();
    expect(counted).toBe(reasons.filter((reason) => reason === 'BAD_CREDENTIALS').length);
  });

  it('the simulated central API holds each terminal to its own rate of code requests', async () => {
    const clientOf = (terminalId: string) =>
      createSignInClient(
        createCentralHttp({
          baseUrl: `${sim.url}/`,
          terminalId,
          terminalSecret: DEMO_TERMINAL_SECRET,
          timeoutMs: 2000,
          logger: memoryLogger('silent').logger,
          sleep: async () => undefined,
        }),
      );
    const script = clientOf('KIOSK-SCRIPT');
    const codes: (string | undefined)[] = [];
    for (let n = 0; n < 25; n++) codes.push((await rejectionOf(script.requestChallenge('member', unknownCedula(n)), CentralError)).code);
    const firstRefused = codes.indexOf('TOO_MANY_ATTEMPTS');
    expect(firstRefused).toBeGreaterThan(5);
    expect(codes.slice(0, firstRefused).every((code) => code === 'UNKNOWN_SUBJECT')).toBe(true);
    expect(codes.slice(firstRefused).every((code) => code === 'TOO_MANY_ATTEMPTS')).toBe(true);
    const refusal = await rejectionOf(script.requestChallenge('member', '1045678901'), CentralError);
    expect(refusal).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(refusal.details.retryAfterSeconds)).toBeGreaterThanOrEqual(1);
    // Another terminal is not affected.
    expect(await clientOf('KIOSK-OTHER').requestChallenge('member', '1045678901')).toMatchObject({ phoneTail: '434' });
  });
});
