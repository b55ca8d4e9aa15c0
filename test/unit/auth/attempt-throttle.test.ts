import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAttemptThrottle, personSignInThrottle, type ThrottlePolicy } from '../../../main/auth/attempt-throttle';
import { ApiError } from '../../../main/api/errors';

function steppedClock() {
  let at = Date.parse('2026-11-30T08:00:00Z');
  return { clock: { now: () => new Date(at) }, advance: (ms: number) => void (at += ms) };
}

function attempt(throttle: ReturnType<typeof createAttemptThrottle>): 'ok' | number {
  try {
    throttle.take();
    return 'ok';
  } catch (error) {
    if (!(error instanceof ApiError) || error.details?.reason !== 'TOO_MANY_ATTEMPTS') throw error;
    expect(error.code).toBe('RATE_LIMITED');
    return Number(error.details.retryAfterSeconds);
  }
}

const policies = fc.record({ burst: fc.integer({ min: 1, max: 20 }), refillPerMinute: fc.integer({ min: 1, max: 120 }) });

describe('the sign-in throttle (token bucket per terminal)', () => {
  it('never admits more than the burst plus what refilled, however the attempts are spread', () => {
    fc.assert(
      fc.property(policies, fc.array(fc.integer({ min: 0, max: 30_000 }), { maxLength: 200 }), (policy: ThrottlePolicy, gaps) => {
        const time = steppedClock();
        const throttle = createAttemptThrottle(policy, time.clock);
        let admitted = 0;
        let elapsed = 0;
        for (const gap of gaps) {
          time.advance(gap);
          elapsed += gap;
          if (attempt(throttle) === 'ok') admitted += 1;
        }
        expect(admitted).toBeLessThanOrEqual(policy.burst + Math.floor((elapsed * policy.refillPerMinute) / 60_000));
      }),
    );
  });

  it('never refuses attempts spaced by the refill interval, nor the first burst', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: 1, max: 50 }), (policy, count) => {
        const time = steppedClock();
        const throttle = createAttemptThrottle(policy, time.clock);
        for (let n = 0; n < policy.burst; n++) expect(attempt(throttle)).toBe('ok');
        for (let n = 0; n < count; n++) {
          time.advance(Math.ceil(60_000 / policy.refillPerMinute));
          expect(attempt(throttle)).toBe('ok');
        }
      }),
    );
  });

  it('tells a refused caller a wait after which the next attempt passes', () => {
    const time = steppedClock();
    const throttle = createAttemptThrottle(personSignInThrottle, time.clock);
    for (let n = 0; n < personSignInThrottle.burst; n++) attempt(throttle);
    const wait = attempt(throttle);
    expect(wait).toBe(60 / personSignInThrottle.refillPerMinute);
    time.advance((Number(wait) - 1) * 1000);
    expect(attempt(throttle)).toBe(1);
    time.advance(1000);
    expect(attempt(throttle)).toBe('ok');
  });

  it('grants nothing when the clock is set back, and counts on from the new time', () => {
    const time = steppedClock();
    const throttle = createAttemptThrottle({ burst: 1, refillPerMinute: 6 }, time.clock);
    expect(attempt(throttle)).toBe('ok');
    time.advance(-3_600_000);
    expect(attempt(throttle)).toBe(10);
    time.advance(10_000);
    expect(attempt(throttle)).toBe('ok');
  });
});
