/**
 * The sync writer thread (see writer.ts): opens its own connection to the terminal's database and applies
 * the engine's writes in the order they arrive, answering each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { createSyncRepo } from '../db/sync-repo';
import type { WriterReply, WriterRequest } from './writer-protocol';

const port = parentPort;
if (!port) throw new Error('writer-thread must run in a worker thread');
const db = openDatabase((workerData as { file: string }).file);
const repo = createSyncRepo(db);
// 4 MiB of page cache instead of 16: this connection mostly appends at the right edge of the copy's
// B-trees, and a full sync must stay well under the kiosk's memory budget (the benchmark's 300 MB).
db.pragma('cache_size = -4000');

port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    if (request.op === 'beginFull') repo.beginFull();
    else if (request.op === 'applyPage') repo.applyPage(request.page);
    else {
      db.close();
      port.postMessage({ id: request.id, ok: true } satisfies WriterReply);
      port.close();
      return;
    }
    reply = { id: request.id, ok: true };
  } catch (error) {
    reply = { id: request.id, ok: false, message: (error as Error).message };
  }
  port.postMessage(reply);
});
