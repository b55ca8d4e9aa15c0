import type { FastifyInstance } from 'fastify';
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { demoCompanies, demoMembers } from '../demo-data';
import type { SimContext } from '../context';

/**
 * The central API's sign-in codes and the SMS channel behind them. The rules of design/product.md are enforced
 * here as the real central system would: a 6-digit code valid 120 s, 3 wrong tries end the challenge, a resend
 * only after a cool-down, a cap of sends per subject per window, and only the phone's last 3 digits leave.
 */
export interface SignInRules {
  codeTtlSeconds: number;
  maxWrongTries: number;
  resendCooldownSeconds: number;
  sendCap: number;
  sendWindowSeconds: number;
  /**
   * Code requests per terminal, as a token bucket: `attemptBurst` at once, then `attemptsPerMinute`. The
   * terminal throttles its own screen more tightly; this holds a terminal that does not (a script with its
   * secret) to a rate that makes trying documents one by one pointless.
   */
  attemptBurst: number;
  attemptsPerMinute: number;
}

export const defaultSignInRules: SignInRules = {
  codeTtlSeconds: 120,
  maxWrongTries: 3,
  resendCooldownSeconds: 30,
  sendCap: 3,
  sendWindowSeconds: 600,
  attemptBurst: 20,
  attemptsPerMinute: 12,
};

export interface SimSms {
  /** The full phone number: only the simulator's inbox shows it. */
  to: string;
  text: string;
  code: string;
  at: string;
}

interface Subject {
  type: 'member' | 'company';
  id: string;
  name: string;
  email: string;
  phone: string;
}

interface Challenge {
  id: string;
  subject: Subject;
  code: string;
  expiresAt: number;
  wrongTries: number;
  locked: boolean;
}

const requestBody = z.object({
  audience: z.enum(['member', 'company']),
  document: z.string().max(32),
});
const verifyBody = z.object({ code: z.string().regex(/^\d{6}$/) });
const challengeParams = z.object({ challengeId: z.string().min(1).max(64) });

function findSubject(audience: 'member' | 'company', document: string): Subject | 'invalid' | undefined {
  if (audience === 'member') {
    if (!/^\d{5,12}$/.test(document)) return 'invalid';
    const member = demoMembers.find((m) => m.cedula === document);
    return member && { type: 'member', id: member.cedula, name: member.fullName, email: member.email, phone: member.phone };
  }
  if (!/^\d{6,15}-\d$/.test(document)) return 'invalid';
  const company = demoCompanies.find((c) => c.nit === document);
  return company && { type: 'company', id: company.nit, name: company.legalName, email: company.email, phone: company.phone };
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerSignIn(server: FastifyInstance, context: SimContext, rules: SignInRules = defaultSignInRules): void {
  const challenges = new Map<string, Challenge>();
  /** Send times per subject (`type:id`), for the cool-down and the cap. */
  const sends = new Map<string, number[]>();
  const inbox: SimSms[] = [];
  const auth = { preHandler: context.auth.requireTerminal };
  /** Per terminal id: tokens left and when they were counted. */
  const buckets = new Map<string, { tokens: number; at: number }>();

  /** Spends one of the terminal's code requests, or says how long until the next one. */
  function admitAttempt(terminalId: string): { error: 'TOO_MANY_ATTEMPTS'; retryAfterSeconds: number } | undefined {
    const now = context.now();
    const msPerToken = 60_000 / rules.attemptsPerMinute;
    const bucket = buckets.get(terminalId) ?? { tokens: rules.attemptBurst, at: now };
    bucket.tokens = Math.min(rules.attemptBurst, bucket.tokens + Math.max(0, now - bucket.at) / msPerToken);
    bucket.at = now;
    buckets.set(terminalId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return { error: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * msPerToken) / 1000)) };
  }

  /** Refuses a send that comes too soon or over the cap; otherwise records it. */
  function admitSend(subject: Subject): { error: 'RESEND_TOO_SOON' | 'SEND_CAP_REACHED'; retryAfterSeconds: number } | undefined {
    const key = `${subject.type}:${subject.id}`;
    const now = context.now();
    const recent = (sends.get(key) ?? []).filter((at) => at > now - rules.sendWindowSeconds * 1000);
    sends.set(key, recent);
    if (recent.length >= rules.sendCap) {
      const oldest = recent[0] ?? now;
      return {
        error: 'SEND_CAP_REACHED',
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + rules.sendWindowSeconds * 1000 - now) / 1000)),
      };
    }
    const last = recent.at(-1);
    if (last !== undefined && now - last < rules.resendCooldownSeconds * 1000) {
      return {
        error: 'RESEND_TOO_SOON',
        retryAfterSeconds: Math.max(1, Math.ceil((last + rules.resendCooldownSeconds * 1000 - now) / 1000)),
      };
    }
    recent.push(now);
    return undefined;
  }

  function sendCode(challenge: Challenge): void {
    challenge.code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    challenge.expiresAt = context.now() + rules.codeTtlSeconds * 1000;
    challenge.wrongTries = 0;
    challenge.locked = false;
    inbox.push({
      to: challenge.subject.phone,
      text: `Cajacopi Pagos Express: su codigo de verificacion es ${challenge.code}. Vence en ${Math.round(rules.codeTtlSeconds / 60)} minutos. No lo comparta.`,
      code: challenge.code,
      at: new Date(context.now()).toISOString(),
    });
  }

  function answer(challenge: Challenge) {
    return {
      challengeId: challenge.id,
      phoneTail: challenge.subject.phone.slice(-3),
      expiresInSeconds: rules.codeTtlSeconds,
      resendAfterSeconds: rules.resendCooldownSeconds,
    };
  }

  server.post('/v1/sign-in/challenges', auth, async (request, reply) => {
    const body = requestBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'audience and document required' });
    // Counted before the document is looked at, so a refused request learns nothing about it.
    const throttled = admitAttempt((request as typeof request & { terminalId?: string }).terminalId ?? '');
    if (throttled) return reply.code(429).send(throttled);
    const subject = findSubject(body.data.audience, body.data.document);
    if (subject === 'invalid') return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'document format' });
    if (!subject) return reply.code(404).send({ error: 'UNKNOWN_SUBJECT' });
    if (!/^\d{10}$/.test(subject.phone)) return reply.code(409).send({ error: 'CONTACT_OUTDATED' });
    const refused = admitSend(subject);
    if (refused) return reply.code(429).send(refused);
    // A new challenge replaces any open one of the same subject: only the latest code works.
    for (const [id, open] of challenges) if (open.subject.type === subject.type && open.subject.id === subject.id) challenges.delete(id);
    const challenge: Challenge = {
      id: randomBytes(16).toString('base64url'),
      subject,
      code: '',
      expiresAt: 0,
      wrongTries: 0,
      locked: false,
    };
    challenges.set(challenge.id, challenge);
    sendCode(challenge);
    return reply.code(201).send(answer(challenge));
  });

  server.post('/v1/sign-in/challenges/:challengeId/resend', auth, async (request, reply) => {
    const params = challengeParams.safeParse(request.params);
    const challenge = params.success ? challenges.get(params.data.challengeId) : undefined;
    // A challenge ended by too many tries cannot be revived: the person starts over (and meets the cap).
    if (!challenge || challenge.locked) return reply.code(404).send({ error: 'UNKNOWN_CHALLENGE' });
    const refused = admitSend(challenge.subject);
    if (refused) return reply.code(429).send(refused);
    sendCode(challenge);
    return reply.code(201).send(answer(challenge));
  });

  server.post('/v1/sign-in/challenges/:challengeId/verify', auth, async (request, reply) => {
    const params = challengeParams.safeParse(request.params);
    const challenge = params.success ? challenges.get(params.data.challengeId) : undefined;
    if (!challenge) return reply.code(404).send({ error: 'UNKNOWN_CHALLENGE' });
    const body = verifyBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'INVALID_REQUEST', message: 'code must be 6 digits' });
    if (challenge.locked) return reply.code(423).send({ error: 'TOO_MANY_TRIES' });
    if (context.now() >= challenge.expiresAt) return reply.code(410).send({ error: 'EXPIRED' });
    if (!sameCode(body.data.code, challenge.code)) {
      challenge.wrongTries += 1;
      const triesLeft = rules.maxWrongTries - challenge.wrongTries;
      if (triesLeft <= 0) {
        challenge.locked = true;
        return reply.code(423).send({ error: 'TOO_MANY_TRIES' });
      }
      return reply.code(401).send({ error: 'WRONG_CODE', triesLeft });
    }
    challenges.delete(challenge.id);
    const { type, id, name, email, phone } = challenge.subject;
    return { subject: { type, id, name, email, phoneTail: phone.slice(-3), phone } };
  });

  server.get('/sim/sms', async () => inbox);
}
