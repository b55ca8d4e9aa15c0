import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident memory, in MB. Linux: `VmHWM`, the high-water mark of the process's own memory
 * map. getrusage's `maxrss` (`process.resourceUsage().maxRSS`) also keeps what the parent had at the fork, which
 * survives the exec: a child of a runner holding 300 MB read 300 MB before it had done anything (`npm run bench`
 * runs the sync after benchmarks that grow the runner). Elsewhere, `maxrss` is what there is.
 */
export function ownPeakRssMb(): number {
  try {
    const highWater = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (highWater) return Number(highWater) / 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS / 1024;
}
