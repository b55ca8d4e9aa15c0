import { ApiError } from '../api/errors';
import type { Clock } from '../runtime/clock';

/**
 * Sign-in attempts per terminal, as a token bucket: `burst` attempts at once, then one more every
 * `60 / refillPerMinute` seconds. A real person (a typo, a second try, a resend) never meets it; a script
 * trying documents or PINs many times a second is held to the refill rate and told how long to wait.
 * In memory: a restart refills it, which a script cannot do from the screen.
 */
export interface ThrottlePolicy {
  burst: number;
  refillPerMinute: number;
}

/** People's *Ingresar* (each asks the central API to send an SMS): 6 at once, then one every 10 s. */
export const personSignInThrottle: ThrottlePolicy = { burst: 6, refillPerMinute: 6 };
/** Operators' PIN entries (sign-in, unlock, supervisor authorisation): 8 at once, then one every 10 s. */
export const operatorPinThrottle: ThrottlePolicy = { burst: 8, refillPerMinute: 6 };

export function createAttemptThrottle(policy: ThrottlePolicy, clock: Clock) {
  const msPerToken = 60_000 / policy.refillPerMinute;
  let tokens = policy.burst;
  let updatedAt = clock.now().getTime();

  function refill(): number {
    const at = clock.now().getTime();
    // A clock set back refills nothing (no free burst) and counts on from the new time (no hour-long wait).
    tokens = Math.min(policy.burst, tokens + Math.max(0, at - updatedAt) / msPerToken);
    updatedAt = at;
    return at;
  }

  return {
    /** Spends one attempt, or throws RATE_LIMITED `TOO_MANY_ATTEMPTS` with the seconds until the next one. */
    take(): void {
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil(((1 - tokens) * msPerToken) / 1000));
      throw new ApiError('RATE_LIMITED', 'too many sign-in attempts at this terminal', { reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds });
    },
  };
}
export type AttemptThrottle = ReturnType<typeof createAttemptThrottle>;
