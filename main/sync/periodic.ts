import type { Logger } from 'pino';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Exponential back-off with equal jitter: never zero (no hammering), never above the ceiling. */
export function backoffDelay(policy: BackoffPolicy, failures: number, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface PeriodicOptions {
  name: string;
  /** One round of work; may return how long to wait before the next round (otherwise `intervalMs`). */
  run: (signal: AbortSignal) => Promise<number | void>;
  intervalMs: number;
  backoff: BackoffPolicy;
  logger: Logger;
  random?: () => number;
}

/**
 * Runs a job now and again: at its interval while it succeeds, with growing back-off while it fails. Its
 * timers never keep a process alive, and `stop()` cancels the round in flight and waits for it to end.
 */
export function createPeriodic(options: PeriodicOptions) {
  const random = options.random ?? Math.random;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let controller: AbortController | undefined;
  let stopped = true;
  let failures = 0;
  let again = false;

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, delayMs));
    timer.unref();
  }

  function tick(): void {
    timer = undefined;
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    controller = new AbortController();
    const signal = controller.signal;
    inFlight = (async () => {
      let delay: number;
      try {
        const hint = await options.run(signal);
        failures = 0;
        delay = typeof hint === 'number' ? hint : options.intervalMs;
      } catch (error) {
        failures++;
        delay = backoffDelay(options.backoff, failures, random);
        if (!signal.aborted) options.logger.warn({ job: options.name, failures, retryInMs: delay, err: error }, 'periodic job failed');
      }
      inFlight = undefined;
      if (again) {
        again = false;
        // A kick during a failing streak does not cut the back-off short.
        if (failures === 0) delay = 0;
      }
      schedule(delay);
    })();
  }

  return {
    start(delayMs = 0): void {
      if (!stopped) return;
      stopped = false;
      schedule(delayMs);
    },
    /** Asks for a round soon (e.g. new outbox item); a round in flight is followed by another at once. */
    kick(): void {
      if (stopped) return;
      if (inFlight) again = true;
      else schedule(0);
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      controller?.abort();
      await inFlight;
    },
  };
}
export type Periodic = ReturnType<typeof createPeriodic>;
