/**
 * The floor of sync_full_main_block_ms: a Node process that does nothing but measure how long its own event loop is held (loop-stall.ts)
 * (as sync-child.ts measures the syncing main thread's), started and stopped by sync-child.ts around the full
 * sync, in the same process group. What it sees is what the machine's other work (the sync's own threads, the
 * simulator, anything else running) does to any waiting thread; the main thread's figure above it is its own.
 * Measures from start until its stdin closes, then prints `{maxMs}`.
 */
import { startLoopStall } from './loop-stall';

const loopStall = startLoopStall();
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(`${JSON.stringify({ maxMs: loopStall.stop() })}\n`);
  process.exit(0);
});
