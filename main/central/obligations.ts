import type { BytesTransport, CentralHttp } from './http';
import { feedPageSchema, obligationListSchema, type FeedPage, type ObligationList } from './schemas';

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  attempts?: number;
}

/** Where a feed page's bytes went when a transport took them (the sync's fetcher thread, see BytesTransport). */
export interface FeedPageRef {
  ref: number;
}

/** Seconds the central API may hold a feed request while nothing has changed (the feed's `wait`). */
export const FEED_WAIT_MAX_SECONDS = 900;

/** The obligations resources of the central API: the terminal's delta feed and the live lookups. */
export function createObligationsClient(http: CentralHttp, terminalId: string) {
  const terminal = encodeURIComponent(terminalId);
  return {
    /**
     * One page of the delta feed after `cursor` (none: from the start, a full sync). A cursor older than the
     * central API's change log fails with a `rejected` CentralError whose code is `RESYNC_REQUIRED`.
     */
    feedPage(cursor: string | null, limit: number, options: CallOptions = {}): Promise<FeedPage> {
      return http.send({
        method: 'GET',
        path: `v1/terminals/${terminal}/obligations/feed`,
        query: { cursor: cursor ?? undefined, limit },
        schema: feedPageSchema,
        idempotent: true,
        ...options,
      });
    },
    /**
     * The same page as bytes, unparsed: the sync engine hands them to its writer thread, which parses and checks
     * them with `parseFeedPage` (feed-page.ts). Errors (RESYNC_REQUIRED included) are classified as for feedPage.
     * With a `transport`, the bytes go where it sends them and the answer is its reference to them.
     */
    feedPageBytes(
      cursor: string | null,
      limit: number,
      options: CallOptions & { waitSeconds?: number; transport?: BytesTransport<FeedPageRef> } = {},
    ): Promise<Uint8Array | FeedPageRef> {
      const { waitSeconds, transport, ...call } = options;
      const wait = cursor !== null && waitSeconds ? Math.min(FEED_WAIT_MAX_SECONDS, Math.max(0, Math.round(waitSeconds))) : undefined;
      const request = {
        method: 'GET' as const,
        path: `v1/terminals/${terminal}/obligations/feed`,
        query: { cursor: cursor ?? undefined, limit, wait },
        idempotent: true,
        ...call,
      };
      return transport ? http.sendForBytes(request, transport) : http.sendForBytes(request);
    },
    ofMember(cedula: string, options: CallOptions = {}): Promise<ObligationList> {
      return http.send({
        method: 'GET',
        path: `v1/members/${encodeURIComponent(cedula)}/obligations`,
        schema: obligationListSchema,
        idempotent: true,
        ...options,
      });
    },
    ofCompany(nit: string, options: CallOptions = {}): Promise<ObligationList> {
      return http.send({
        method: 'GET',
        path: `v1/companies/${encodeURIComponent(nit)}/obligations`,
        schema: obligationListSchema,
        idempotent: true,
        ...options,
      });
    },
    enrollmentSlips(studentId: string, options: CallOptions = {}): Promise<ObligationList> {
      return http.send({
        method: 'GET',
        path: `v1/students/${encodeURIComponent(studentId)}/enrollment-slips`,
        schema: obligationListSchema,
        idempotent: true,
        ...options,
      });
    },
  };
}
export type ObligationsClient = ReturnType<typeof createObligationsClient>;
