import type { AxiosError } from 'axios';

/*
 * What CentralHttp (http.ts) shares with the threads that send its bytes calls (bytes-fetch.ts): kept apart from
 * http.ts so that a fetcher thread loads axios and nothing else (no schemas).
 */

/**
 * How one attempt failed before any schema: axios' error code and, when the central API answered, its status and
 * body. A bytes call's transport (the sync's fetcher thread, see BytesTransport) reports its failures so too.
 */
export interface AttemptFailure {
  code?: string;
  status?: number;
  body?: unknown;
  /** Set when the answer could not be read at all (no code, no status). */
  unreadable?: string;
}

/** One attempt of a bytes call as a transport sends it: everything axios needs, the token included. */
export interface TransportRequest {
  baseUrl: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** The axios settings of every call to the central API, wherever it is sent from (see BytesTransport). */
export function centralAxiosSettings(baseUrl: string, timeoutMs: number) {
  return {
    baseURL: baseUrl,
    timeout: timeoutMs,
    // We read every status ourselves; axios must not parse into exceptions we cannot classify.
    validateStatus: (status: number) => status >= 200 && status < 300,
    transitional: { clarifyTimeoutError: false },
    maxContentLength: 64 * 1024 * 1024,
    maxRedirects: 0,
  };
}

/** An axios failure as an AttemptFailure (its code, and the central API's answer when there was one). */
export function attemptFailureOf(error: unknown): AttemptFailure {
  // Recognised by axios' own mark rather than `instanceof`: this module must not load axios (http.ts loads it
  // at the first call, not at start).
  if (isAxiosError(error)) return { code: error.code, status: error.response?.status, body: error.response?.data as unknown };
  return { unreadable: (error as Error).message };
}

function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}
