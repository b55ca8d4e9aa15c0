import { parseFeedPage } from '../central/feed-page';
import type { PageToApply } from '../db/sync-repo';
import type { FeedBytes, PageHeader } from './writer-protocol';

/** Parses a page's bytes and applies it with `apply`; shared by both writers so they judge pages alike. */
export function applyParsedFeed(
  feed: FeedBytes & { body: Uint8Array },
  apply: (page: PageToApply) => void,
  parsed: (header: PageHeader) => void,
): void {
  const page = parseFeedPage(feed.body);
  parsed({
    cursor: page.cursor,
    hasMore: page.hasMore,
    changes: page.upserts.id.length + page.deletes.id.length,
    heldUpToSeconds: page.heldUpToSeconds,
  });
  apply({ after: feed.after, upserts: page.upserts, deletes: page.deletes, cursor: page.cursor, caughtUp: !page.hasMore, now: feed.now });
}
