import type { Logger } from '../log/logger';
import type { PaymentService } from './service';

export interface SchedulerTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
const nodeTimers: SchedulerTimers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/**
 * Runs the reconciliation: once at start (every open payment of the last days), then every `lookEveryMs` it
 * asks about the payments whose next check (every 3 minutes, kept in SQLite with the injected clock) is due.
 * The interval only sets how often we look, not when a payment is asked.
 */
export function startPaymentScheduler(deps: { service: PaymentService; logger?: Logger; lookEveryMs?: number; timers?: SchedulerTimers }) {
  const timers = deps.timers ?? nodeTimers;
  let current: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;

  function run(work: () => Promise<number>, what: string): Promise<unknown> {
    if (busy || stopped) return current;
    busy = true;
    current = work()
      .catch((error: unknown) => deps.logger?.error({ err: error }, `payment ${what} failed`))
      .finally(() => {
        busy = false;
      });
    return current;
  }

  const ready = run(() => deps.service.resume(), 'resume at start');
  const handle = timers.setInterval(() => void run(() => deps.service.runDue(), 'polling'), deps.lookEveryMs ?? 15_000);
  return {
    ready,
    tick: () => run(() => deps.service.runDue(), 'polling'),
    /** Stops looking and waits for a round in progress, so the database can close after it. */
    async stop(): Promise<void> {
      stopped = true;
      timers.clearInterval(handle);
      await current;
    },
  };
}
export type PaymentScheduler = ReturnType<typeof startPaymentScheduler>;
