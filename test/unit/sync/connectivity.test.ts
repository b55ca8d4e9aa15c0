import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createConnectivity } from '../../../main/sync/connectivity';
import { backoffDelay } from '../../../main/sync/periodic';

function manualClock(start = Date.parse('2026-03-01T12:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const ok = { ok: true, transient: false } as const;
const cut = { ok: false, transient: true, kind: 'unreachable' } as const;

describe('connectivity judged from call outcomes', () => {
  it('is offline until a call succeeds, then online', () => {
    const clock = manualClock();
    const connectivity = createConnectivity({ clock });
    expect(connectivity.state()).toBe('offline');
    connectivity.record(ok);
    expect(connectivity.status()).toMatchObject({ state: 'online', lastFailureAt: null });
  });

  it('goes degraded on the first transport failures and offline after three in a row', () => {
    const clock = manualClock();
    const connectivity = createConnectivity({ clock });
    const seen: string[] = [];
    connectivity.onChange((state) => seen.push(state));
    connectivity.record(ok);
    connectivity.record(cut);
    expect(connectivity.state()).toBe('degraded');
    connectivity.record({ ok: false, transient: true, kind: 'timeout' });
    connectivity.record({ ok: false, transient: true, kind: 'server' });
    expect(connectivity.status()).toMatchObject({ state: 'offline', lastFailureKind: 'server' });
    connectivity.record(ok);
    expect(connectivity.state()).toBe('online'); // back: the first real call that succeeds says so
    expect(connectivity.status()).toMatchObject({ recentFailures: 3 });
    expect(seen).toEqual(['online', 'degraded', 'offline', 'online']);
  });

  it('counts a considered refusal (4xx) as the link working, and malformed answers as degraded', () => {
    const clock = manualClock();
    const connectivity = createConnectivity({ clock });
    connectivity.record(ok);
    for (let i = 0; i < 5; i++) connectivity.record({ ok: false, transient: false, kind: 'rejected' });
    expect(connectivity.state()).toBe('online');
    connectivity.record({ ok: false, transient: false, kind: 'malformed' });
    connectivity.record({ ok: false, transient: false, kind: 'malformed' });
    expect(connectivity.state()).toBe('degraded');
    connectivity.record(ok);
    expect(connectivity.state()).toBe('online');
  });

  it('forgets old failures in its counts after the window', () => {
    const clock = manualClock();
    const connectivity = createConnectivity({ clock, windowMs: 60_000 });
    connectivity.record(ok);
    connectivity.record(cut);
    connectivity.record(ok);
    expect(connectivity.status()).toMatchObject({ state: 'online', recentFailures: 1 });
    clock.advance(61_000);
    connectivity.record(ok);
    expect(connectivity.status()).toMatchObject({ state: 'online', recentFailures: 0, recentCalls: 1 });
  });
});

describe('back-off delays', () => {
  it('stay within (ceiling/2, ceiling] and never exceed the maximum (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 80 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (base, max, failures, r) => {
          const delay = backoffDelay({ baseMs: base, maxMs: max }, failures, () => r);
          const ceiling = Math.min(max, base * 2 ** Math.min(failures - 1, 30));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(Math.ceil(ceiling));
        },
      ),
    );
  });
});
