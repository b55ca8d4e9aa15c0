import type { CentralOutcome } from '../central/http';
import type { Clock } from '../runtime/clock';

export type ConnectivityState = 'online' | 'degraded' | 'offline';

export interface ConnectivityOptions {
  clock: Clock;
  /** Outcomes older than this are forgotten in the status's counts (default 2 minutes). */
  windowMs?: number;
  /** This many transport failures in a row (time-outs, refused or cut connections, 5xx) mean offline. */
  offlineAfter?: number;
}

/**
 * Judges the link to the central API from the outcomes of real calls (sync, outbox, lookups, sign-in), not
 * from a ping. Offline: the last few calls all failed in transport, or none ever succeeded. Degraded: the
 * central API answered before, but the latest call failed or came back malformed. Online otherwise: one real
 * call that succeeds clears the banner at once (the screens and the status page must not say *inestable*
 * for minutes while the sync reads *Al día*). The window only feeds the counts of the status screen.
 * A 4xx with an error code is a considered answer, so it counts as the link working.
 */
export function createConnectivity(options: ConnectivityOptions) {
  const windowMs = options.windowMs ?? 120_000;
  const offlineAfter = options.offlineAfter ?? 3;
  const recent: { at: number; good: boolean }[] = [];
  let consecutiveTransportFailures = 0;
  let lastSuccessAt: number | null = null;
  let lastFailureAt: number | null = null;
  let lastFailureKind: string | null = null;
  let state: ConnectivityState = 'offline';
  let since = options.clock.now().getTime();
  const listeners = new Set<(state: ConnectivityState) => void>();

  function judge(now: number): ConnectivityState {
    while (recent.length > 0 && (recent[0]?.at ?? now) < now - windowMs) recent.shift();
    if (lastSuccessAt === null || consecutiveTransportFailures >= offlineAfter) return 'offline';
    if (consecutiveTransportFailures > 0) return 'degraded';
    return recent.at(-1)?.good === false ? 'degraded' : 'online';
  }

  function settle(now: number): void {
    const next = judge(now);
    if (next !== state) {
      state = next;
      since = now;
      for (const listener of listeners) listener(next);
    }
  }

  return {
    /** Wire this to `createCentralHttp({ onOutcome })`. */
    record(outcome: CentralOutcome): void {
      const now = options.clock.now().getTime();
      const answered = outcome.ok || outcome.kind === 'rejected' || outcome.kind === 'unauthorized';
      if (answered) {
        consecutiveTransportFailures = 0;
        lastSuccessAt = now;
      } else {
        lastFailureAt = now;
        lastFailureKind = outcome.kind ?? 'unknown';
        if (outcome.transient) consecutiveTransportFailures++;
      }
      recent.push({ at: now, good: outcome.ok || outcome.kind === 'rejected' });
      if (recent.length > 200) recent.shift();
      settle(now);
    },
    state(): ConnectivityState {
      settle(options.clock.now().getTime());
      return state;
    },
    status() {
      const now = options.clock.now().getTime();
      settle(now);
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return {
        state,
        since: iso(since),
        lastSuccessAt: iso(lastSuccessAt),
        lastFailureAt: iso(lastFailureAt),
        lastFailureKind,
        recentCalls: recent.length,
        recentFailures: recent.filter((o) => !o.good).length,
      };
    },
    onChange(listener: (state: ConnectivityState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type Connectivity = ReturnType<typeof createConnectivity>;
