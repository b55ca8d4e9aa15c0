import type { Logger } from '../log/logger';
import type { PrintJobRow, PrintJobsRepo } from '../db/print-jobs-repo';
import type { Clock } from '../runtime/clock';
import { describeFailure, PrintError } from './errors';
import type { PrinterTransport } from './transport';

export interface RetryPolicy {
  /** First wait after a failed attempt; doubles each attempt up to `capMs`. */
  baseMs: number;
  capMs: number;
  /** How long a job keeps trying before it ends `failed` (expired): the person has long left the kiosk. */
  windowMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 1000, capMs: 30_000, windowMs: 15 * 60_000 };

export function backoffMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

export interface AttemptOutcome {
  jobId: string;
  ok: boolean;
  error?: PrintError;
  at: Date;
}

export interface PrintWorkerDeps {
  repo: PrintJobsRepo;
  transport: PrinterTransport;
  /** The job's bytes; throws PrintError('invalid-document') for a payload that no longer parses. */
  render(job: PrintJobRow): Buffer;
  clock: Clock;
  logger: Logger;
  retry: RetryPolicy;
  onOutcome(outcome: AttemptOutcome): void;
}

/**
 * Sends queued jobs to the printer one at a time, oldest first. A failed attempt goes back to the queue with
 * back-off (and, if bytes may have gone out, counts as partial so the resend is printed as one); a success
 * makes every waiting job due at once, since the printer is back. Nothing here blocks a caller: enqueueing
 * is a row in SQLite, and this loop runs beside the screens.
 */
export function createPrintWorker(deps: PrintWorkerDeps) {
  const { repo, transport, clock, logger, retry } = deps;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  const nowIso = () => clock.now().toISOString();

  async function attempt(job: PrintJobRow): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = deps.render(job);
    } catch (error) {
      const failure = error instanceof PrintError ? error : new PrintError('invalid-document', 'payload does not render');
      repo.markFailed(job.id, describeFailure(failure), false);
      logger.error({ job: job.id, kind: job.kind, reason: failure.reason }, 'print job cannot be rendered');
      deps.onOutcome({ jobId: job.id, ok: false, error: failure, at: clock.now() });
      return;
    }
    try {
      await transport.send(bytes);
      repo.markPrinted(job.id, nowIso());
      const hurried = repo.hurryQueued(nowIso());
      logger.info({ job: job.id, kind: job.kind, attempt: job.attempts + 1, bytes: bytes.length, hurried }, 'print job printed');
      deps.onOutcome({ jobId: job.id, ok: true, at: clock.now() });
    } catch (error) {
      const failure = error instanceof PrintError ? error : new PrintError('interrupted', String(error).slice(0, 120), true);
      const now = clock.now();
      const attempts = job.attempts + 1;
      const windowStart = Date.parse(job.queued_at ?? job.created_at);
      if (!failure.transient) {
        repo.markFailed(job.id, describeFailure(failure), failure.partial);
      } else if (now.getTime() - windowStart >= retry.windowMs) {
        repo.markFailed(
          job.id,
          `expired: gave up after ${attempts} attempts (last: ${describeFailure(failure)})`.slice(0, 300),
          failure.partial,
        );
      } else {
        const next = new Date(now.getTime() + backoffMs(attempts, retry)).toISOString();
        repo.markRetry(job.id, next, describeFailure(failure), failure.partial);
        repo.postponeQueued(next);
      }
      logger.warn(
        { job: job.id, kind: job.kind, attempt: attempts, reason: failure.reason, partial: failure.partial },
        'print attempt failed',
      );
      deps.onOutcome({ jobId: job.id, ok: false, error: failure, at: now });
    }
  }

  async function drain(): Promise<void> {
    while (!stopped) {
      const job = repo.nextDue(nowIso());
      if (!job) break;
      if (!repo.claim(job.id, nowIso())) continue;
      await attempt(job);
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    const wake = repo.nextWakeAt();
    if (!wake) return;
    const delay = Math.max(0, Date.parse(wake) - clock.now().getTime());
    timer = setTimeout(kick, Math.min(delay, 60_000));
    timer.unref();
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      // The loop re-reads the queue after each job; a new job is picked up without another start.
      return;
    }
    running = drain()
      .catch((error: unknown) => logger.error({ err: error }, 'print worker loop failed'))
      .finally(() => {
        running = null;
        schedule();
      });
  }

  return {
    /** Recovers jobs a crash left mid-send and starts sending. */
    start(): void {
      if (!stopped) return;
      stopped = false;
      const recovered = repo.recoverInterrupted(nowIso());
      if (recovered > 0) logger.warn({ recovered }, 'print jobs interrupted by a stop are queued again');
      kick();
    },
    /** Something was queued or the printer may be back: look at the queue now (after the current job). */
    kick(): void {
      setImmediate(kick);
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
export type PrintWorker = ReturnType<typeof createPrintWorker>;
