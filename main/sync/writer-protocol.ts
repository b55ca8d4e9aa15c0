import type { MessagePort } from 'node:worker_threads';
import type { AttemptFailure, TransportRequest } from '../central/http';
import type { FeedPageRef } from '../central/obligations';
import type { PageToApply } from '../db/sync-repo';

/**
 * A feed page as the central API sent it (unparsed), with the cursor it was asked after: its bytes, or a
 * reference to the bytes the fetcher thread has handed to the writer thread (they never reach the main thread).
 */
export interface FeedBytes {
  after: string | null;
  body: Uint8Array | FeedPageRef;
  now: string;
}

/** What the engine needs of a page before it is written: where the feed goes next. */
export interface PageHeader {
  cursor: string;
  hasMore: boolean;
  changes: number;
  /** The central API honoured a long poll (see FeedPage.heldUpToSeconds). */
  heldUpToSeconds?: number;
}

/** Messages between the sync engine and its writer thread (both ours, same build: not a trust boundary). */
export type WriterCommand =
  { op: 'beginFull' } | { op: 'applyPage'; page: PageToApply } | { op: 'applyFeedBytes'; feed: FeedBytes } | { op: 'close' };
export type WriterRequest = WriterCommand & { id: number };
/**
 * `applyFeedBytes` is answered twice: `parsed` as soon as the page passed its schema (the engine then asks for
 * the next one), and `ok` once it is committed. A page that is not valid fails with `malformed`.
 */
export type WriterReply =
  { id: number; ok: true } | { id: number; parsed: PageHeader } | { id: number; ok: false; message: string; malformed?: boolean };

/** What a sync thread is started with: the writer (with the database file) or the fetcher. */
export type SyncThreadData = { role: 'writer'; file: string } | { role: 'fetcher'; pages: MessagePort };
/** Gives the writer its end of a (new) fetcher's channel; handled at once, ahead of the queued writes. */
export interface WriterPages {
  op: 'pages';
  port: MessagePort;
}

/** Messages between the sync engine and its fetcher thread: one attempt of a feed request each. */
export type FetcherRequest = { op: 'fetch'; id: number; request: TransportRequest } | { op: 'abort'; id: number } | { op: 'close' };
/** A fetch that got a 2xx answer has already posted its bytes to the writer thread, under `ref` = its id. */
export type FetcherReply = { id: number; ok: true } | { id: number; ok: false; failure: AttemptFailure };
/** From the fetcher thread to the writer thread, over their own channel. */
export interface FetchedPage {
  ref: number;
  bytes: Uint8Array;
}
