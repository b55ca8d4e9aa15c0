import type { PageToApply } from '../db/sync-repo';

/** A feed page as the central API sent it (unparsed), with the cursor it was asked after. */
export interface FeedBytes {
  after: string | null;
  bytes: Uint8Array;
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
