import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import type { Logger } from 'pino';
import { CentralError, type CentralErrorKind } from './errors';
import { attemptFailureOf, centralAxiosSettings, type AttemptFailure, type TransportRequest } from './transport';

export type { AttemptFailure, TransportRequest } from './transport';

export interface CentralHttpOptions {
  baseUrl: string;
  terminalId: string;
  terminalSecret: string;
  timeoutMs: number;
  logger: Logger;
  /** Retries of idempotent calls after transient failures; back-off is exponential with full jitter. */
  retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told the outcome of every call, so connectivity can be judged from real traffic. */
  onOutcome?: (outcome: CentralOutcome) => void;
}

/** One attempt's result as connectivity sees it; `kind` says how a failed attempt failed. */
export interface CentralOutcome {
  ok: boolean;
  transient: boolean;
  kind?: CentralErrorKind;
}

export interface CentralRequest<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: S;
  /** Only idempotent calls are retried; a POST is idempotent only when it carries an idempotency key. */
  idempotent: boolean;
  idempotencyKey?: string;
  /** Every call but the token exchange carries the terminal's bearer token. */
  authenticated?: boolean;
  timeoutMs?: number;
  /** Overrides the client's retry attempts for this call (e.g. 1 for a lookup a person is waiting on). */
  attempts?: number;
  /** Cancels the call and its pending retries (e.g. when the app closes). */
  signal?: AbortSignal;
}

/** A call whose 2xx body is handed over unparsed (checked later, elsewhere: a feed page in the writer thread). */
export type CentralBytesRequest = Omit<CentralRequest<z.ZodType>, 'schema'>;

/**
 * Sends a bytes call's attempts somewhere else (the sync's fetcher thread, main/sync/fetcher-thread.ts), so the
 * answer's body never passes through this thread: resolves with what the transport made of a 2xx body (`R`,
 * e.g. a reference to where it went), or with how the attempt failed. Token, retries and outcomes stay here.
 */
export type BytesTransport<R> = (
  request: TransportRequest,
  signal?: AbortSignal,
) => Promise<{ ok: true; body: R } | { ok: false; failure: AttemptFailure }>;

const tokenSchema = z.object({ token: z.string().min(16), expiresInSeconds: z.number().int().positive() });
const errorBodySchema = z.looseObject({ error: z.string(), message: z.string().optional() });

/** The error codes with which the central API refuses the terminal itself (its token or its credentials). */
export const TERMINAL_AUTH_ERRORS: ReadonlySet<string> = new Set(['TOKEN_INVALID_OR_EXPIRED', 'BAD_TERMINAL_CREDENTIALS']);

export const defaultRetry = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

function centralErrorOf(failure: AttemptFailure): CentralError {
  if (failure.unreadable !== undefined) return new CentralError('malformed', `central API answer could not be read: ${failure.unreadable}`);
  if (failure.code === 'ERR_CANCELED') return new CentralError('unreachable', 'central API call cancelled');
  if (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT') return new CentralError('timeout', 'central API timed out');
  if (failure.status === undefined) return new CentralError('unreachable', `central API unreachable (${failure.code ?? 'no response'})`);
  const { status } = failure;
  const data = bodyOf(failure.body);
  if (status >= 500) return new CentralError('server', `central API answered ${status}`, status);
  const body = errorBodySchema.safeParse(data);
  // A 401 is about the terminal unless its body names a domain refusal (a wrong sign-in code is a 401 too, and
  // must neither refresh the token nor be sent twice).
  const domain401 = status === 401 && body.success && !TERMINAL_AUTH_ERRORS.has(body.data.error);
  if ((status === 401 && !domain401) || status === 403)
    return new CentralError(
      'unauthorized',
      `central API refused the terminal (${status})`,
      status,
      body.success ? body.data.error : undefined,
    );
  if (!body.success) return new CentralError('malformed', `central API answered ${status} without an error body`, status);
  const { error: code, message, ...details } = body.data;
  return new CentralError('rejected', `central API rejected the call: ${code}${message ? ` (${message})` : ''}`, status, code, details);
}

/** An error body as JSON, whether the call asked for parsed JSON or for bytes. */
function bodyOf(data: unknown): unknown {
  if (!(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) return data;
  try {
    return JSON.parse(Buffer.from(data as Uint8Array).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one door to the central API: time-outs on every call, the terminal's token (refreshed on expiry and
 * once on a 401), retries with back-off for idempotent calls only, and every answer parsed with its schema.
 */
export function createCentralHttp(options: CentralHttpOptions) {
  const retry = options.retry ?? defaultRetry;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  // axios is loaded at the first call, not when the app is built: its top level reads globalThis.FormData, which
  // makes Node 20 load its whole fetch implementation (undici), 50–140 ms a start should not wait for.
  let loaded: Promise<AxiosInstance> | undefined;
  const http = () =>
    (loaded ??= import('axios').then(({ default: axios }) => axios.create(centralAxiosSettings(options.baseUrl, options.timeoutMs))));
  let token: { value: string; expiresAt: number } | undefined;
  let tokenRequest: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const answer = await send({
      method: 'POST',
      path: 'v1/terminal/token',
      body: { terminalId: options.terminalId, secret: options.terminalSecret },
      schema: tokenSchema,
      idempotent: true,
      authenticated: false,
    });
    // Renew a little early so a call never leaves with a token about to lapse.
    token = { value: answer.token, expiresAt: Date.now() + answer.expiresInSeconds * 1000 * 0.9 };
    return answer.token;
  }

  async function currentToken(forceRefresh: boolean): Promise<string> {
    if (!forceRefresh && token && token.expiresAt > Date.now()) return token.value;
    tokenRequest ??= fetchToken().finally(() => {
      tokenRequest = undefined;
    });
    return tokenRequest;
  }

  /**
   * One attempt; `read` turns a 2xx body into the answer (a schema check, or the bytes as they came). With a
   * transport, the attempt is sent by it and `read` gets what it made of the body.
   */
  async function once<T, R>(
    request: CentralBytesRequest,
    bearer: string | undefined,
    bytes: boolean,
    read: (data: unknown) => T,
    transport?: BytesTransport<R>,
  ): Promise<T> {
    const headers = {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
    };
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    if (transport) {
      const sent = { baseUrl: options.baseUrl, method: request.method, path: request.path, query: request.query, headers, timeoutMs };
      const answer = await transport(sent, request.signal);
      if (!answer.ok) throw centralErrorOf(answer.failure);
      return read(answer.body);
    }
    let data: unknown;
    const client = await http();
    try {
      const response = await client.request({
        method: request.method,
        url: request.path,
        params: request.query,
        data: request.body,
        timeout: timeoutMs,
        signal: request.signal,
        responseType: bytes ? 'arraybuffer' : 'json',
        headers,
      });
      data = response.data;
    } catch (error) {
      throw centralErrorOf(attemptFailureOf(error));
    }
    return read(data);
  }

  function parsedBy<S extends z.ZodType>(request: CentralRequest<S>) {
    return (data: unknown): z.output<S> => {
      const parsed = request.schema.safeParse(data);
      if (!parsed.success) {
        const where = parsed.error.issues
          .slice(0, 3)
          .map((issue) => issue.path.join('.') || '(root)')
          .join(', ');
        throw new CentralError('malformed', `central API answer to ${request.method} ${request.path} failed its schema at ${where}`);
      }
      return parsed.data;
    };
  }

  const asBytes = (data: unknown): Uint8Array => {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    throw new CentralError('malformed', 'central API answer had no body');
  };

  function send<S extends z.ZodType>(request: CentralRequest<S>): Promise<z.output<S>> {
    return withRetries(request, false, parsedBy(request));
  }

  /**
   * Same door, the answer's bytes as they came: a feed page of 5,000 obligations takes the main thread tens of
   * milliseconds to parse and check, so the sync hands its bytes to the writer thread, which does both. With a
   * transport (the sync's fetcher thread), the bytes do not even come here: the answer is what it made of them.
   * Its success is not told to `onOutcome`: only the caller knows, once the bytes are checked, whether the
   * answer was good or malformed, and tells connectivity itself. Failures are told as for every call.
   */
  function sendForBytes(request: CentralBytesRequest): Promise<Uint8Array>;
  function sendForBytes<R>(request: CentralBytesRequest, transport: BytesTransport<R>): Promise<R>;
  function sendForBytes<R>(request: CentralBytesRequest, transport?: BytesTransport<R>): Promise<Uint8Array | R> {
    if (transport) return withRetries(request, true, (body) => body as R, transport);
    return withRetries(request, true, asBytes);
  }

  async function withRetries<T, R = never>(
    request: CentralBytesRequest,
    bytes: boolean,
    read: (data: unknown) => T,
    transport?: BytesTransport<R>,
  ): Promise<T> {
    const attempts = request.idempotent ? Math.max(1, request.attempts ?? retry.attempts) : 1;
    let lastError: CentralError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const authenticated = request.authenticated ?? true;
        let result: T;
        try {
          result = await once(request, authenticated ? await currentToken(false) : undefined, bytes, read, transport);
        } catch (error) {
          if (!(authenticated && error instanceof CentralError && error.kind === 'unauthorized')) throw error;
          result = await once(request, await currentToken(true), bytes, read, transport);
        }
        if (!bytes) options.onOutcome?.({ ok: true, transient: false });
        return result;
      } catch (error) {
        const central = error instanceof CentralError ? error : new CentralError('malformed', String(error));
        // A call we cancelled ourselves says nothing about the link.
        if (!request.signal?.aborted) options.onOutcome?.({ ok: false, transient: central.transient, kind: central.kind });
        lastError = central;
        if (!central.transient || attempt === attempts || request.signal?.aborted) break;
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
        options.logger.debug({ path: request.path, attempt, kind: central.kind }, 'central call failed, retrying');
        await sleep(Math.round(random() * ceiling));
      }
    }
    throw lastError ?? new CentralError('unreachable', 'central API call did not run');
  }

  return { send, sendForBytes };
}
export type CentralHttp = ReturnType<typeof createCentralHttp>;
