import type { Logger } from 'pino';
import { CentralError } from '../central/errors';
import type { OutboxItemRow, OutboxRepo } from '../db/outbox-repo';
import type { Clock } from '../runtime/clock';
import { backoffDelay, type BackoffPolicy } from './periodic';

/** Sends one kind of outbox item; throws CentralError (or OutboxRejection for a payload that cannot go). */
export type OutboxSender = (payload: unknown, idempotencyKey: string, signal: AbortSignal) => Promise<void>;

/** An item that can never be sent as it is: set aside at once, like a central API refusal. */
export class OutboxRejection extends Error {
  override name = 'OutboxRejection';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Puts an item in the outbox (durably, before anything is sent). The same idempotency key twice is one item:
 * the second call changes nothing and says so.
 */
export function enqueue(
  repo: OutboxRepo,
  clock: Clock,
  item: { idempotencyKey: string; kind: string; payload: unknown },
): { id: number; created: boolean } {
  if (!/^[A-Za-z0-9._:-]{8,128}$/.test(item.idempotencyKey)) throw new Error('idempotency key must be 8 to 128 safe characters');
  return repo.enqueue({
    idempotencyKey: item.idempotencyKey,
    kind: item.kind,
    payloadJson: JSON.stringify(item.payload),
    now: clock.now().toISOString(),
  });
}

export interface OutboxWorkerOptions {
  repo: OutboxRepo;
  senders: Record<string, OutboxSender>;
  clock: Clock;
  logger: Logger;
  backoff?: BackoffPolicy;
  random?: () => number;
}

/** 4xx answers that mean "not now" rather than "never": they are retried like transport failures. */
const RETRYABLE_STATUS = new Set([408, 425, 429]);

function refusal(error: unknown): { code: string; reason: string } | undefined {
  if (error instanceof OutboxRejection) return { code: error.code, reason: error.message };
  if (error instanceof CentralError && error.kind === 'rejected' && !RETRYABLE_STATUS.has(error.status ?? 0)) {
    return { code: error.code ?? `HTTP_${error.status ?? 0}`, reason: error.message };
  }
  return undefined;
}

/**
 * Sends outbox items to the central API in the order they were written. A refusal (4xx with a reason) sets
 * the item aside as rejected and the queue moves on; anything else — no link, time-out, 5xx, a malformed
 * answer — keeps the item at the head and retries it with back-off (saved in the row, so restarts keep it).
 * Sending twice is harmless: the idempotency key makes the central API register an item once.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { repo, senders, clock, logger } = options;
  const backoff = options.backoff ?? { baseMs: 2_000, maxMs: 300_000 };
  const random = options.random ?? Math.random;

  async function sendOne(item: OutboxItemRow, signal: AbortSignal): Promise<'sent' | 'rejected' | 'retry'> {
    const now = () => clock.now().toISOString();
    const sender = senders[item.kind];
    try {
      if (!sender) throw new OutboxRejection('UNSUPPORTED_KIND', `no sender for outbox kind ${item.kind}`);
      let payload: unknown;
      try {
        payload = JSON.parse(item.payload_json);
      } catch {
        throw new OutboxRejection('INVALID_PAYLOAD', 'payload is not JSON');
      }
      repo.markSending(item.id, now());
      await sender(payload, item.idempotency_key, signal);
      repo.markSent(item.id, now());
      return 'sent';
    } catch (error) {
      const refused = refusal(error);
      if (refused) {
        repo.markRejected(item.id, refused.code, refused.reason, now());
        logger.warn({ outboxId: item.id, kind: item.kind, code: refused.code }, 'outbox item rejected');
        return 'rejected';
      }
      if (signal.aborted) return 'retry';
      const delay = backoffDelay(backoff, item.attempts + 1, random);
      const message = error instanceof CentralError ? `${error.kind}: ${error.message}` : `internal: ${(error as Error).message}`;
      repo.markRetry(item.id, new Date(clock.now().getTime() + delay).toISOString(), message, now());
      logger.info({ outboxId: item.id, kind: item.kind, attempts: item.attempts + 1, retryInMs: delay }, 'outbox send failed, will retry');
      if (!(error instanceof CentralError)) logger.error({ err: error }, 'outbox sender failed unexpectedly');
      return 'retry';
    }
  }

  return {
    /**
     * Sends due items in order until the queue is empty, the head is not due yet, or a send fails.
     * Returns how long to wait before the next round (undefined: the usual interval).
     */
    async drain(signal: AbortSignal = new AbortController().signal): Promise<number | undefined> {
      for (;;) {
        if (signal.aborted) return undefined;
        const item = repo.head();
        if (!item) return undefined;
        const dueIn = Date.parse(item.next_attempt_at) - clock.now().getTime();
        if (dueIn > 0) return dueIn;
        const outcome = await sendOne(item, signal);
        if (outcome === 'retry') {
          const next = repo.head();
          return next ? Math.max(0, Date.parse(next.next_attempt_at) - clock.now().getTime()) : undefined;
        }
      }
    },
    status() {
      const summary = repo.summary();
      const head = repo.head();
      const now = clock.now().getTime();
      return {
        backlog: summary.pending,
        sent: summary.sent,
        rejectedCount: summary.rejected,
        oldestPendingAgeSeconds: summary.oldestPendingAt
          ? Math.max(0, Math.round((now - Date.parse(summary.oldestPendingAt)) / 1000))
          : null,
        head: head ? { kind: head.kind, attempts: head.attempts, nextAttemptAt: head.next_attempt_at, lastError: head.last_error } : null,
        rejected: repo.rejected().map((row) => ({
          id: row.id,
          kind: row.kind,
          idempotencyKey: row.idempotency_key,
          code: row.rejected_code ?? 'UNKNOWN',
          reason: row.last_error ?? '',
          createdAt: row.created_at,
          rejectedAt: row.rejected_at,
        })),
      };
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
