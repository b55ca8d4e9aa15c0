import { CentralError } from './errors';
import { feedPageSchema, type FeedPage } from './schemas';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A feed page's bytes, as the central API sent them, parsed and checked against its schema. The sync's writer
 * thread calls this (see main/sync/writer.ts), so the main thread, which answers every screen, never spends a
 * page's parse on it. Anything that is not a valid page is a `malformed` answer, as any other call's would be.
 */
export function parseFeedPage(bytes: Uint8Array): FeedPage {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new CentralError('malformed', `central API feed page is not JSON: ${(error as Error).message.slice(0, 120)}`);
  }
  const parsed = feedPageSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => issue.path.join('.') || '(root)')
      .join(', ');
    throw new CentralError('malformed', `central API feed page failed its schema at ${where}`);
  }
  return parsed.data;
}
