import type { ApiOutput } from '../../main/api/contract';
import { api } from '../api';

type JobStatus = ApiOutput<'printing.jobStatus'>;

/**
 * Watches one print job until it is printed or failed, telling the screen each change. The queue keeps
 * retrying on its own; the screen stops watching after `maxMs` (it never waits on the printer to move on).
 */
export async function followJob(
  jobId: string,
  onUpdate: (job: JobStatus) => void,
  options: { intervalMs?: number; maxMs?: number; signal?: AbortSignal } = {},
): Promise<JobStatus | null> {
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
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  return last;
}
