import type { Logger } from 'pino';
import type { RetentionCounts, RetentionRepo } from '../db/retention-repo';
import type { Clock } from '../runtime/clock';

export interface RetentionPolicy {
  /** Personal fields of settled records are scrubbed this many days after the record settled. */
  personalDataDays: number;
}

const DAY_MS = 24 * 3600_000;

/**
 * Applies the retention policy (main/db/retention-repo.ts says what goes and what stays): one pass scrubs, in
 * batches, everything that has passed the window. Run by the data layer's periodic jobs.
 */
export function createRetention(deps: { repo: RetentionRepo; clock: Clock; logger: Logger; policy: RetentionPolicy }) {
  const { repo, clock, logger, policy } = deps;
  // Audit rows only age, so after a pass only the newly aged ones need looking at (the first pass looks at all).
  let auditSince = '';

  return {
    async runOnce(signal?: AbortSignal): Promise<RetentionCounts> {
      const now = clock.now();
      const cutoff = new Date(now.getTime() - policy.personalDataDays * DAY_MS).toISOString();
      const total: RetentionCounts = { payments: 0, vouchers: 0, printJobs: 0, outbox: 0, audit: 0 };
      for (;;) {
        const batch = repo.scrubBatch(cutoff, auditSince, now.toISOString());
        let changed = 0;
        for (const key of Object.keys(total) as (keyof RetentionCounts)[]) {
          total[key] += batch[key];
          changed += batch[key];
        }
        if (changed === 0) break;
        if (signal?.aborted) return total;
        await new Promise((resolve) => setImmediate(resolve));
      }
      auditSince = cutoff;
      if (Object.values(total).some((n) => n > 0)) logger.info({ ...total, cutoff }, 'retention: personal fields scrubbed');
      return total;
    },
  };
}
export type Retention = ReturnType<typeof createRetention>;
