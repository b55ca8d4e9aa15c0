/**
 * The entry of the sync's threads (see writer.ts), one bundle for both: the writer (its own connection to the
 * terminal's database, writer-loop.ts) or the fetcher (the feed's requests, fetcher-loop.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runFetcher } from './fetcher-loop';
import { runWriter } from './writer-loop';
import type { SyncThreadData } from './writer-protocol';

const port = parentPort;
if (!port) throw new Error('writer-thread must run in a worker thread');
// Started without a role (an older caller, a test): the writer.
const data = workerData as SyncThreadData | { file: string };
if ('role' in data && data.role === 'fetcher') runFetcher(port, data.pages);
else runWriter(port, data.file);
