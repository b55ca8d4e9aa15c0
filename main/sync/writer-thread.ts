/**
 * The entry of the sync's threads (see writer.ts), one bundle for both: the writer (its own connection to the
 * terminal's database, writer-loop.ts) or the fetcher (the feed's requests, fetcher-loop.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from './thread-priority';
import type { SyncThreadData } from './writer-protocol';

const port = parentPort;
if (!port) throw new Error('writer-thread must run in a worker thread');
lowerThisThreadPriority();
// Started without a role (an older caller, a test): the writer. Each role loads only its own modules (the
// fetcher needs no SQLite, the writer no HTTP client), so a thread starts sooner.
const data = workerData as SyncThreadData | { file: string };
const started =
  'role' in data && data.role === 'fetcher'
    ? import('./fetcher-loop').then(({ runFetcher }) => runFetcher(port, data.pages))
    : import('./writer-loop').then(({ runWriter }) => runWriter(port, data.file));
started.catch((error: unknown) => {
  // Thrown where the thread's owner sees it (its 'error' event), as a failure at the top level would be.
  setImmediate(() => {
    throw error;
  });
});
