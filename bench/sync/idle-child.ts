/**
 * The floor of sync_full_main_block_ms: a Node process that does nothing but measure its own event-loop delay
 * (as sync-child.ts measures the syncing main thread's), started and stopped by sync-child.ts around the full
 * sync, in the same process group. What it sees is what the machine's other work (the sync's own threads, the
 * simulator, anything else running) does to any waiting thread; the main thread's figure above it is its own.
 * Measures from start until its stdin closes, then prints `{maxMs}`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  loopDelay.disable();
  process.stdout.write(`${JSON.stringify({ maxMs: loopDelay.max / 1e6 })}\n`);
  process.exit(0);
});
