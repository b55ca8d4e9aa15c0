import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';
import { useSleep } from './useSleep';

type JobStatus = ApiOutput<'printing.jobStatus'>;
export type FollowJobOptions = { intervalMs?: number; maxMs?: number; signal?: AbortSignal };

/**
 * Watches print jobs until each is printed or failed, telling the screen each change. The queue keeps
 * retrying on its own; the screen stops watching after `maxMs` (it never waits on the printer to move on),
 * when the signal aborts, or when the calling component or store goes away.
 */
export function useJobFollower(): (
  jobId: string,
  onUpdate: (job: JobStatus) => void,
  options?: FollowJobOptions,
) => Promise<JobStatus | null> {
  const sleep = useSleep();
  return async (jobId, onUpdate, options = {}) => {
    const interval = options.intervalMs ?? 400;
    const deadline = Date.now() + (options.maxMs ?? 60_000);
    let last: JobStatus | null = null;
    while (Date.now() < deadline && !options.signal?.aborted) {
      try {
        last = await api.call('printing.jobStatus', { jobId });
        onUpdate(last);
        if (last.state === 'printed' || last.state === 'failed') return last;
      } catch {
        // The core is busy or restarting: keep watching until the deadline.
      }
      if (!(await sleep(interval, options.signal))) break;
    }
    return last;
  };
}
