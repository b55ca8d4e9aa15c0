import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How often the sampler's timer is due. */
const SAMPLE_MS = 5;

/**
 * The longest this thread's event loop was held, from when `start` is called until `stop`: how late a timer due
 * every 5 ms fired, at worst. Node's histogram records the whole interval between two ticks, so an idle loop
 * reads 5.1 ms; the sampler's own 5 ms is taken off, as the OpenTelemetry and Elastic agents do
 * (open-telemetry/opentelemetry-js-contrib#2794). An event that arrives while the loop sleeps is answered at
 * once; one that arrives while it is held waits for at most this long.
 */
export function startLoopStall(): { stop(): number } {
  const histogram = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  histogram.enable();
  return {
    stop(): number {
      histogram.disable();
      return Math.max(0, histogram.max / 1e6 - SAMPLE_MS);
    },
  };
}
