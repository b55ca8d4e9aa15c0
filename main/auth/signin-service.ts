import type { Logger } from 'pino';
import { ApiError } from '../api/errors';
import type { ApiOutput } from '../api/contract';
import type { Clock } from '../runtime/clock';
import type { SignInAudience, SignInClient, ChallengeAnswer } from '../central/signin';
import { formatNit, IdentifierError, maskTail, parseCedula, parseNit } from '../domain/identifiers';
import { personActor, type AuthAudit } from './audit';
import { signInApiError } from './central-errors';
import type { SessionManager } from './session-manager';
import { createAttemptThrottle, personSignInThrottle, type AttemptThrottle } from './attempt-throttle';

interface PendingChallenge {
  challengeId: string;
  audience: SignInAudience;
  actor: string;
  phoneTail: string;
  expiresAt: number;
  resendAt: number;
}

export interface SignInServiceDeps {
  client: SignInClient;
  sessions: SessionManager;
  audit: AuthAudit;
  clock: Clock;
  logger: Logger;
  role: 'kiosk' | 'desk';
  cedula: { minLength: number; maxLength: number };
  /** A challenge left unused this long after it expired is forgotten (the screen is cleared by then too). */
  forgetExpiredAfterSeconds: number;
  /** *Ingresar* attempts of this terminal (default: `personSignInThrottle`). */
  throttle?: AttemptThrottle;
}

/**
 * The manual gives an unknown document and outdated contact data one answer (its NOTA: update your data with
 * your advisor), so the screen cannot be used to learn which documents exist without a phone on file. The
 * audit keeps the real reason.
 */
function oneAnswerForUnreachable(error: ApiError): ApiError {
  const reason = error.details?.reason;
  return reason === 'UNKNOWN_SUBJECT' || reason === 'CONTACT_OUTDATED'
    ? new ApiError('NOT_FOUND', 'unknown subject or no usable phone on file', { reason: 'SUBJECT_UNAVAILABLE' })
    : error;
}

type ChallengeView = NonNullable<ApiOutput<'auth.session'>['challenge']>;

/**
 * The *Ingreso* of the seed: document → the central API sends a code → code → session. This terminal's
 * screen has at most one challenge in progress, kept here (its id never leaves the core). The central API is
 * the authority on every rule; the core also refuses what it can already tell is refused (an expired code,
 * a resend inside the cool-down) without spending a call or a try.
 */
export function createSignInService(deps: SignInServiceDeps) {
  const { client, sessions, audit, clock, logger } = deps;
  const throttle = deps.throttle ?? createAttemptThrottle(personSignInThrottle, clock);
  let pending: PendingChallenge | null = null;
  const now = () => clock.now().getTime();

  sessions.onPersonEnd(() => {
    pending = null;
  });

  function normaliseDocument(audience: SignInAudience, text: string): string {
    try {
      return audience === 'member' ? parseCedula(text, deps.cedula) : formatNit(parseNit(text));
    } catch (error) {
      if (error instanceof IdentifierError) {
        const lengths = audience === 'member' ? { minLength: deps.cedula.minLength, maxLength: deps.cedula.maxLength } : {};
        throw new ApiError('VALIDATION', error.message, { field: 'document', reason: error.reason, audience, ...lengths });
      }
      throw error;
    }
  }

  function remember(audience: SignInAudience, actor: string, answer: ChallengeAnswer): ChallengeView {
    const at = now();
    pending = {
      challengeId: answer.challengeId,
      audience,
      actor,
      phoneTail: answer.phoneTail,
      expiresAt: at + answer.expiresInSeconds * 1000,
      resendAt: at + answer.resendAfterSeconds * 1000,
    };
    audit.record('auth.code.sent', actor, { audience });
    return view(pending, at);
  }

  function view(challenge: PendingChallenge, at: number): ChallengeView {
    return {
      audience: challenge.audience,
      maskedPhone: maskTail(challenge.phoneTail),
      expiresInSeconds: Math.max(0, Math.ceil((challenge.expiresAt - at) / 1000)),
      resendInSeconds: Math.max(0, Math.ceil((challenge.resendAt - at) / 1000)),
    };
  }

  function refuse(actor: string | null, reason: string, error: ApiError): never {
    audit.record('auth.signin.failure', actor, {
      reason,
      ...(typeof error.details?.triesLeft === 'number' ? { triesLeft: error.details.triesLeft } : {}),
    });
    throw oneAnswerForUnreachable(error);
  }

  function requireKioskAndNobodyIn(): void {
    if (deps.role !== 'kiosk') throw new ApiError('FORBIDDEN', 'code sign-in is for kiosks', { reason: 'KIOSK_ONLY' });
    if (sessions.currentPerson()) throw new ApiError('CONFLICT', 'a person is already signed in', { reason: 'SESSION_ACTIVE' });
  }

  function pendingOrRefuse(): PendingChallenge {
    if (!pending) throw new ApiError('CONFLICT', 'no code challenge in progress', { reason: 'NO_CHALLENGE' });
    return pending;
  }

  return {
    async requestCode(audience: SignInAudience, text: string): Promise<ChallengeView> {
      requireKioskAndNobodyIn();
      const document = normaliseDocument(audience, text);
      // Counted once the document is well formed: only those reach the central API (and an SMS).
      throttle.take();
      const actor = personActor(audience, document);
      pending = null;
      try {
        return remember(audience, actor, await client.requestChallenge(audience, document));
      } catch (error) {
        const apiError = signInApiError(error, logger, 'requestCode');
        return refuse(actor, String(apiError.details?.reason ?? apiError.code), apiError);
      }
    },

    async resendCode(): Promise<ChallengeView> {
      requireKioskAndNobodyIn();
      const challenge = pendingOrRefuse();
      const wait = Math.ceil((challenge.resendAt - now()) / 1000);
      if (wait > 0)
        throw new ApiError('RATE_LIMITED', 'resend inside the cool-down', { reason: 'RESEND_TOO_SOON', retryAfterSeconds: wait });
      try {
        return remember(challenge.audience, challenge.actor, await client.resend(challenge.challengeId));
      } catch (error) {
        const apiError = signInApiError(error, logger, 'resendCode');
        if (apiError.details?.reason === 'NO_CHALLENGE') pending = null;
        return refuse(challenge.actor, String(apiError.details?.reason ?? apiError.code), apiError);
      }
    },

    async verifyCode(code: string): Promise<void> {
      requireKioskAndNobodyIn();
      const challenge = pendingOrRefuse();
      if (now() >= challenge.expiresAt) refuse(challenge.actor, 'EXPIRED', new ApiError('CONFLICT', 'code expired', { reason: 'EXPIRED' }));
      let subject;
      try {
        subject = await client.verify(challenge.challengeId, code);
      } catch (error) {
        const apiError = signInApiError(error, logger, 'verifyCode');
        const reason = String(apiError.details?.reason ?? apiError.code);
        // A challenge ended by too many tries or unknown to the central API cannot be used again.
        if (reason === 'TOO_MANY_TRIES' || reason === 'NO_CHALLENGE') pending = null;
        return refuse(challenge.actor, reason, apiError);
      }
      if (subject.type !== challenge.audience) {
        logger.error({ expected: challenge.audience, got: subject.type }, 'central API signed in a subject of another audience');
        pending = null;
        throw new ApiError('UNAVAILABLE', 'central API answered out of contract', { reason: 'CENTRAL_UNREACHABLE' });
      }
      pending = null;
      sessions.startPerson(subject);
      audit.record('auth.signin.success', personActor(subject.type, subject.id), { audience: subject.type });
    },

    /** The challenge in progress, for the screen's countdown; forgotten some time after it expired. */
    challenge(): ChallengeView | null {
      if (!pending) return null;
      const at = now();
      if (at >= pending.expiresAt + deps.forgetExpiredAfterSeconds * 1000) {
        pending = null;
        return null;
      }
      return view(pending, at);
    },

    cancel(): void {
      pending = null;
    },
  };
}
export type SignInService = ReturnType<typeof createSignInService>;
