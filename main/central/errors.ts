/**
 * Every way a call to the central API can fail, as the rest of the core needs to tell them apart:
 * `unreachable`/`timeout`/`server` may succeed later (retry, count as offline), `rejected` is the central
 * API's considered answer (4xx with an error code), `malformed` is an answer that failed its schema.
 */
export type CentralErrorKind = 'unreachable' | 'timeout' | 'server' | 'rejected' | 'unauthorized' | 'malformed';

export class CentralError extends Error {
  override name = 'CentralError';
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
    readonly status?: number,
    /** The central API's error code (e.g. `WRONG_CODE`) and its facts, for `rejected` answers. */
    readonly code?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'server';
  }
}
