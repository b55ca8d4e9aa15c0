import type { MessagePort, Worker } from 'node:worker_threads';
import type { BytesTransport } from '../central/http';
import type { FeedPageRef } from '../central/obligations';
import { spawnSyncThread } from './threads';
import type { FetcherReply, FetcherRequest } from './writer-protocol';

type Answer = Awaited<ReturnType<BytesTransport<FeedPageRef>>>;

/**
 * The main thread's side of the sync's fetcher thread (fetcher-loop.ts): a BytesTransport whose attempts that
 * thread sends, the pages' bytes going to the writer thread on their channel. `ready` starts the writer, and a
 * fetcher on a new channel to it when none runs (a writer that ends takes its channel, and so its fetcher, along).
 */
export function createFetcher(ready: () => void) {
  let thread: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  }

  function post(request: FetcherRequest): void {
    thread?.postMessage(request);
  }

  return {
    running: (): boolean => thread !== undefined,
    /** Ends the thread at once (its writer is gone); requests still out fail. */
    end(): void {
      const target = thread;
      thread = undefined;
      failAll(new Error('sync fetcher thread ended with its writer'));
      if (target) void target.terminate();
    },
    /** A new fetcher thread on `pages` (the writer's channel); the previous one, if any, is ended. */
    attach(pages: MessagePort): void {
      const previous = thread;
      if (previous) {
        thread = undefined;
        failAll(new Error('sync fetcher thread replaced'));
        void previous.terminate();
      }
      const started = spawnSyncThread({ role: 'fetcher', pages }, [pages]);
      started.unref();
      started.on('message', (reply: FetcherReply) => {
        const waiter = pending.get(reply.id);
        if (!waiter) return;
        pending.delete(reply.id);
        waiter.resolve(reply.ok ? { ok: true, body: { ref: reply.id } } : { ok: false, failure: reply.failure });
        // An idle fetcher must not keep the process alive; one with a request out must (the engine awaits it).
        if (pending.size === 0) started.unref();
      });
      started.on('error', (error) => failAll(new Error(`sync fetcher thread failed: ${error.message}`)));
      started.on('exit', (code) => {
        if (thread === started) thread = undefined;
        failAll(new Error(`sync fetcher thread exited (${code})`));
      });
      thread = started;
    },
    transport: ((request, signal) => {
      ready();
      const target = thread;
      if (!target) return Promise.reject(new Error('sync fetcher thread is not running'));
      const id = nextId++;
      return new Promise<Answer>((resolve, reject) => {
        const abort = () => post({ op: 'abort', id });
        signal?.addEventListener('abort', abort, { once: true });
        const settle = () => signal?.removeEventListener('abort', abort);
        pending.set(id, {
          resolve: (answer) => (settle(), resolve(answer)),
          reject: (error) => (settle(), reject(error)),
        });
        target.ref();
        target.postMessage({ op: 'fetch', id, request } satisfies FetcherRequest);
        if (signal?.aborted) abort();
      });
    }) satisfies BytesTransport<FeedPageRef>,
    /** Ends the thread: requests still out are cancelled by it, and fail here. */
    async close(): Promise<void> {
      const target = thread;
      if (!target) return;
      const exited = new Promise<void>((resolve) => target.once('exit', () => resolve()));
      target.postMessage({ op: 'close' } satisfies FetcherRequest);
      target.ref();
      await exited;
    },
  };
}
