import axios from 'axios';
import { attemptFailureOf, centralAxiosSettings, type AttemptFailure, type TransportRequest } from './transport';

/**
 * Sends one attempt of a bytes call as CentralHttp would (same axios settings), and returns the 2xx body as
 * bytes or how the attempt failed. The sync's fetcher thread runs this (main/sync/fetcher-thread.ts), so a feed
 * page's body is received, buffered and collected away from the main thread; CentralHttp, on the main thread,
 * keeps the token, the retries and the classification of failures (see BytesTransport).
 */
export async function fetchBytes(
  request: TransportRequest,
  signal?: AbortSignal,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; failure: AttemptFailure }> {
  try {
    const response = await axios.request<ArrayBuffer | Uint8Array>({
      ...centralAxiosSettings(request.baseUrl, request.timeoutMs),
      method: request.method,
      url: request.path,
      params: request.query,
      headers: request.headers,
      signal,
      responseType: 'arraybuffer',
    });
    const { data } = response;
    return { ok: true, bytes: data instanceof Uint8Array ? data : new Uint8Array(data) };
  } catch (error) {
    const failure = attemptFailureOf(error);
    // The error body crosses back to the main thread: only its bytes, not axios' Buffer (cloned as a plain view).
    return { ok: false, failure: { ...failure, body: failure.body instanceof Uint8Array ? new Uint8Array(failure.body) : failure.body } };
  }
}
