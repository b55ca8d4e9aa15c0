import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createSignInClient, type SignInClient } from '../../../main/central/signin';
import { CentralError } from '../../../main/central/errors';
import { centralFor, lastCodeTo, smsInbox, wrongCode } from '../../support/central';
import { movableClock } from '../../support/movable-clock';
import { rejectionOf } from '../../support/rejection';

const MEMBER = '1045678901';
const MEMBER_PHONE = '3004567434';
const COMPANY = '900123456-8';
const COMPANY_PHONE = '3015550987';

async function refusal(
  promise: Promise<unknown>,
): Promise<{ kind: string; status?: number; code?: string; details: Record<string, unknown> }> {
  const error = await rejectionOf(promise, CentralError);
  return { kind: error.kind, status: error.status, code: error.code, details: error.details };
}

describe('sign-in codes: the central API client against the simulator', () => {
  const time = movableClock();
  let sim: Simulator;
  let client: SignInClient;

  beforeAll(async () => {
    sim = await startSimulator({ now: time.now });
    client = createSignInClient(centralFor(sim));
  });
  afterAll(async () => {
    await sim.close();
  });
  // Each test starts after the send window of the one before: the cap counts sends per 10 minutes.
  beforeEach(() => time.advance(11 * 60));

  it('sends a 6-digit code to the registered phone and shows only its last 3 digits', async () => {
    const answer = await client.requestChallenge('member', MEMBER);
    expect(answer.phoneTail).toBe('434');
    expect(answer.expiresInSeconds).toBe(120);
    expect(answer.resendAfterSeconds).toBeGreaterThan(0);
    const sms = (await smsInbox(sim)).at(-1);
    expect(sms?.to).toBe(MEMBER_PHONE);
    expect(sms?.code).toMatch(/^\d{6}$/);
    expect(sms?.text).toContain(sms?.code);
    const subject = await client.verify(answer.challengeId, sms?.code ?? '');
    // Only once the code is right does the full phone come (the PSE payer's Celular prefill).
    expect(subject).toEqual({
      type: 'member',
      id: MEMBER,
      name: 'ANA MARÍA GUTIÉRREZ DE LA HOZ',
      email: 'ing_demo@hotmail.com',
      phoneTail: '434',
      phone: '3004567434',
    });
  });

  it('signs an empresa in by NIT with its check digit; a used code cannot be used again', async () => {
    const answer = await client.requestChallenge('company', COMPANY);
    expect(answer.phoneTail).toBe('987');
    const code = await lastCodeTo(sim, COMPANY_PHONE);
    const subject = await client.verify(answer.challengeId, code);
    expect(subject).toMatchObject({ type: 'company', id: COMPANY, name: 'DISTRIBUIDORA DEL CARIBE S.A.S.' });
    expect(await refusal(client.verify(answer.challengeId, code))).toMatchObject({
      kind: 'rejected',
      status: 404,
      code: 'UNKNOWN_CHALLENGE',
    });
  });

  it('counts wrong codes down and ends the challenge at the third, even for the right code after it', async () => {
    const answer = await client.requestChallenge('member', MEMBER);
    const code = await lastCodeTo(sim, MEMBER_PHONE);
    // A WRONG_CODE 401 is a refusal, not a terminal problem: exactly one try is spent per call.
    expect(await refusal(client.verify(answer.challengeId, wrongCode(code)))).toMatchObject({
      kind: 'rejected',
      status: 401,
      code: 'WRONG_CODE',
      details: { triesLeft: 2 },
    });
    expect(await refusal(client.verify(answer.challengeId, wrongCode(code)))).toMatchObject({
      code: 'WRONG_CODE',
      details: { triesLeft: 1 },
    });
    expect(await refusal(client.verify(answer.challengeId, wrongCode(code)))).toMatchObject({ status: 423, code: 'TOO_MANY_TRIES' });
    expect(await refusal(client.verify(answer.challengeId, code))).toMatchObject({ status: 423, code: 'TOO_MANY_TRIES' });
    expect(await refusal(client.resend(answer.challengeId))).toMatchObject({ status: 404, code: 'UNKNOWN_CHALLENGE' });
  });

  it('lets a wrong code be followed by the right one', async () => {
    const answer = await client.requestChallenge('member', MEMBER);
    const code = await lastCodeTo(sim, MEMBER_PHONE);
    expect(await refusal(client.verify(answer.challengeId, wrongCode(code)))).toMatchObject({
      code: 'WRONG_CODE',
      details: { triesLeft: 2 },
    });
    expect((await client.verify(answer.challengeId, code)).id).toBe(MEMBER);
  });

  it('expires a code after 120 seconds', async () => {
    const answer = await client.requestChallenge('member', MEMBER);
    const code = await lastCodeTo(sim, MEMBER_PHONE);
    time.advance(121);
    expect(await refusal(client.verify(answer.challengeId, code))).toMatchObject({ status: 410, code: 'EXPIRED' });
  });

  it('refuses a resend inside the cool-down, then sends a new code that replaces the old one', async () => {
    const answer = await client.requestChallenge('member', MEMBER);
    const first = await lastCodeTo(sim, MEMBER_PHONE);
    const tooSoon = await refusal(client.resend(answer.challengeId));
    expect(tooSoon).toMatchObject({ status: 429, code: 'RESEND_TOO_SOON' });
    expect(tooSoon.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(tooSoon.details.retryAfterSeconds).toBeLessThanOrEqual(answer.resendAfterSeconds);
    time.advance(answer.resendAfterSeconds);
    const again = await client.resend(answer.challengeId);
    expect(again.challengeId).toBe(answer.challengeId);
    const second = await lastCodeTo(sim, MEMBER_PHONE);
    if (second !== first) {
      expect(await refusal(client.verify(answer.challengeId, first))).toMatchObject({ code: 'WRONG_CODE' });
    }
    expect((await client.verify(answer.challengeId, second)).id).toBe(MEMBER);
  });

  it('caps the sends per subject in a window, and says when the next one is possible', async () => {
    const answer = await client.requestChallenge('member', MEMBER);
    time.advance(answer.resendAfterSeconds);
    await client.resend(answer.challengeId);
    time.advance(answer.resendAfterSeconds);
    await client.requestChallenge('member', MEMBER);
    time.advance(answer.resendAfterSeconds);
    const capped = await refusal(client.requestChallenge('member', MEMBER));
    expect(capped).toMatchObject({ status: 429, code: 'SEND_CAP_REACHED' });
    expect(capped.details.retryAfterSeconds).toBeGreaterThan(answer.resendAfterSeconds);
    time.advance(Number(capped.details.retryAfterSeconds));
    expect((await client.requestChallenge('member', MEMBER)).phoneTail).toBe('434');
  });

  it('tells an unknown cédula from a person without a phone on file', async () => {
    expect(await refusal(client.requestChallenge('member', '1099999999'))).toMatchObject({ status: 404, code: 'UNKNOWN_SUBJECT' });
    expect(await refusal(client.requestChallenge('member', '1045000000'))).toMatchObject({ status: 409, code: 'CONTACT_OUTDATED' });
    expect(await refusal(client.requestChallenge('company', '800197268-4'))).toMatchObject({ status: 404, code: 'UNKNOWN_SUBJECT' });
  });

  it('renews a lapsed terminal token by itself, while a wrong code spends exactly one try', async () => {
    const answer = await client.requestChallenge('member', MEMBER);
    const code = await lastCodeTo(sim, MEMBER_PHONE);
    sim.context.auth.expireAll();
    expect(await refusal(client.verify(answer.challengeId, wrongCode(code)))).toMatchObject({
      code: 'WRONG_CODE',
      details: { triesLeft: 2 },
    });
    sim.context.auth.expireAll();
    expect((await client.verify(answer.challengeId, code)).id).toBe(MEMBER);
  });

  it('serves sign-in only to an authenticated terminal', async () => {
    const stranger = createSignInClient(centralFor(sim, { terminalSecret: 'not-the-secret' }));
    expect(await refusal(stranger.requestChallenge('member', MEMBER))).toMatchObject({ kind: 'unauthorized' });
    const anonymous = await fetch(`${sim.url}/v1/sign-in/challenges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ audience: 'member', document: MEMBER }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses malformed requests with 400', async () => {
    const token = (await (
      await fetch(`${sim.url}/v1/terminal/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ terminalId: 'K', secret: 'demo-terminal-secret' }),
      })
    ).json()) as { token: string };
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.token}` },
        body: JSON.stringify(body),
      });
    expect((await post('/v1/sign-in/challenges', { audience: 'member', document: '12ab' })).status).toBe(400);
    expect((await post('/v1/sign-in/challenges', { audience: 'company', document: '900123456' })).status).toBe(400);
    expect((await post('/v1/sign-in/challenges', { audience: 'robot', document: MEMBER })).status).toBe(400);
    const answer = await client.requestChallenge('member', MEMBER);
    expect((await post(`/v1/sign-in/challenges/${answer.challengeId}/verify`, { code: '12345' })).status).toBe(400);
  });
});
