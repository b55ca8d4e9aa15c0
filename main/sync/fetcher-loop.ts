import type { MessagePort } from 'node:worker_threads';
import { fetchBytes } from '../central/bytes-fetch';
import { transferable } from './threads';
import type { FetchedPage, FetcherReply, FetcherRequest } from './writer-protocol';

/**
 * The sync's fetcher thread (started by writer.ts, entry writer-thread.ts): sends the feed requests the engine
 * asks for and posts each 2xx body straight to the writer thread, moving its memory, then tells the engine.
 * Receiving a page (a megabyte for 5,000 obligations) made the main thread allocate, and collect, that much
 * garbage per page; here it costs the screens nothing. It never blocks, so the next page downloads while the
 * writer writes this one, as before.
 */
export function runFetcher(port: MessagePort, pages: MessagePort): void {
  const inFlight = new Map<number, AbortController>();
  port.on('message', (request: FetcherRequest) => {
    if (request.op === 'abort') {
      inFlight.get(request.id)?.abort();
      return;
    }
    if (request.op === 'close') {
      // Whatever is still out is dropped (the engine fails it when this thread has exited); keep-alive sockets
      // must not keep the thread up.
      for (const controller of inFlight.values()) controller.abort();
      process.exit(0);
    }
    const controller = new AbortController();
    inFlight.set(request.id, controller);
    void fetchBytes(request.request, controller.signal).then((answer) => {
      inFlight.delete(request.id);
      if (answer.ok) {
        // Posted before the engine hears of it, so the writer has (or soon gets) the bytes it is told to apply.
        pages.postMessage({ ref: request.id, bytes: answer.bytes } satisfies FetchedPage, transferable(answer.bytes));
        port.postMessage({ id: request.id, ok: true } satisfies FetcherReply);
      } else {
        port.postMessage({ id: request.id, ok: false, failure: answer.failure } satisfies FetcherReply);
      }
    });
  });
}
