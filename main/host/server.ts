import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Dispatcher } from '../api/dispatcher';
import { httpStatusOf, type ApiErrorBody } from '../api/errors';
import { securityHeaders } from './security-headers';
import { registerPseReturn, type PseReturnHandler } from './pse-return';

export const API_TOKEN_HEADER = 'x-kiosk-token';
const BODY_LIMIT_BYTES = 64 * 1024;

export interface HostOptions {
  api: Dispatcher;
  logger: Logger;
  /** The built renderer (`dist/renderer`); its index.html gets this start's token. */
  rendererDir: string;
  port: number;
  /** Fixed only in tests; otherwise a new random token at each start. */
  token?: string;
  /** The payer's return from the bank and the gateway's callback (PSE). */
  pse?: PseReturnHandler;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  server: FastifyInstance;
  close(): Promise<void>;
}

function sameToken(given: unknown, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

function refusal(code: ApiErrorBody['code'], message: string, details?: Record<string, unknown>): { ok: false; error: ApiErrorBody } {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/**
 * The browser host: the same KioskApi over HTTP, on 127.0.0.1 only. Only a page this host served knows the
 * token, so another local page or process cannot drive the terminal through it.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  const indexHtml = readFileSync(join(options.rendererDir, 'index.html'), 'utf8').replace(
    '</head>',
    `<meta name="kiosk-token" content="${token}"></head>`,
  );
  const server = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: false, routerOptions: { maxParamLength: 100 } });
  let allowedHosts = new Set<string>();
  // KioskApi speaks JSON only; anything else is refused with 415 before a handler sees it.
  server.removeContentTypeParser('text/plain');

  // Server-Timing: how long this host worked on each request (handler, core and its gateway calls), so a
  // measurement in the browser can tell our own time from the browser's and the bank's (payment_flow_ms).
  const startedAt = new WeakMap<object, number>();
  server.addHook('onRequest', async (request) => {
    startedAt.set(request, performance.now());
  });
  server.addHook('onSend', async (request, reply, payload) => {
    const started = startedAt.get(request);
    if (started !== undefined) reply.header('server-timing', `host;dur=${(performance.now() - started).toFixed(1)}`);
    return payload;
  });

  server.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
    // A DNS-rebinding page would arrive with its own Host name: answer only to our loopback names.
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return reply.code(421).send(refusal('FORBIDDEN', 'unexpected host'));
    }
  });

  server.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    // Each says what is wrong with the body as a whole (`field: 'body'`), like schema issues do for fields.
    if (status === 413)
      return reply.code(413).send(refusal('VALIDATION', 'request body too large', { field: 'body', reason: 'TOO_LARGE' }));
    if (status === 415)
      return reply.code(415).send(refusal('VALIDATION', 'body must be application/json', { field: 'body', reason: 'NOT_JSON' }));
    if (status >= 400 && status < 500) {
      // e.g. FST_ERR_CTP_INVALID_JSON_BODY, or a `__proto__` key refused by the JSON parser.
      return reply.code(400).send(refusal('VALIDATION', 'malformed request body', { field: 'body', reason: error.code ?? 'MALFORMED' }));
    }
    options.logger.error({ code: error.code }, 'host request failed');
    return reply.code(500).send(refusal('INTERNAL', 'internal error'));
  });

  server.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    if (!sameToken(request.headers[API_TOKEN_HEADER], expected)) {
      return reply.code(401).send(refusal('UNAUTHENTICATED', 'missing or wrong host token'));
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return reply.code(403).send(refusal('FORBIDDEN', 'cross-origin call refused'));
    }
    const envelope = await options.api.dispatch(request.params.method, request.body ?? {}, { transport: 'http' });
    return reply.code(envelope.ok ? 200 : httpStatusOf[envelope.error.code]).send(envelope);
  });

  if (options.pse) registerPseReturn(server, options.pse, options.logger);

  const sendIndex = (_request: unknown, reply: { type(t: string): { send(b: string): unknown } }) =>
    reply.type('text/html; charset=utf-8').send(indexHtml);
  server.get('/', sendIndex);
  server.get('/index.html', sendIndex);
  // The renderer's build puts a Brotli copy beside each JS and CSS file (renderer/vite.config.ts): sent to a browser
  // that accepts it, a quarter of the bytes at a start.
  await server.register(fastifyStatic, { root: options.rendererDir, index: false, wildcard: true, serve: true, preCompressed: true });

  await server.listen({ host: '127.0.0.1', port: options.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    token,
    server,
    close: () => server.close(),
  };
}
