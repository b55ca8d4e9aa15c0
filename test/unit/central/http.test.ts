import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCentralHttp, type CentralOutcome } from '../../../main/central/http';
import { CentralError } from '../../../main/central/errors';
import { memoryLogger } from '../../support/logs';
import { rejectionOf } from '../../support/rejection';
import { until } from '../../support/until';

/** A small real server whose answers each test scripts: the HTTP door is tested on real sockets. */
let server: FastifyInstance;
let baseUrl: string;
let tokensIssued = 0;
let validToken = '';
let hits: Record<string, number> = {};
let script: Record<string, (count: number) => { status: number; body: unknown } | 'cut' | 'hang'> = {};

beforeAll(async () => {
  server = Fastify({ logger: false });
  server.post('/v1/terminal/token', async (request, reply) => {
    const body = request.body as { terminalId?: string; secret?: string };
    if (body.secret !== 'right-secret') return reply.code(401).send({ error: 'BAD_TERMINAL_CREDENTIALS' });
    tokensIssued++;
    validToken = `token-${tokensIssued}-abcdefghijklmnop`;
    return { token: validToken, expiresInSeconds: 300 };
  });
  server.route({
    method: ['GET', 'POST'],
    url: '/v1/things/:name',
    handler: async (request, reply) => {
      const name = (request.params as { name: string }).name;
      hits[name] = (hits[name] ?? 0) + 1;
      if (request.headers.authorization !== `Bearer ${validToken}`) return reply.code(401).send({ error: 'TOKEN_INVALID_OR_EXPIRED' });
      const answer = script[name]?.(hits[name] ?? 0) ?? { status: 200, body: { value: 1 } };
      if (answer === 'cut') {
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
      if (answer === 'hang') {
        reply.hijack();
        return;
      }
      return reply
        .code(answer.status)
        .header('idempotency-key-seen', String(request.headers['idempotency-key'] ?? ''))
        .send(answer.body);
    },
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  hits = {};
  script = {};
});

const valueSchema = z.object({ value: z.number() });

function client(overrides: Partial<Parameters<typeof createCentralHttp>[0]> = {}) {
  const outcomes: CentralOutcome[] = [];
  const http = createCentralHttp({
    baseUrl,
    terminalId: 'KIOSK-01',
    terminalSecret: 'right-secret',
    timeoutMs: 500,
    logger: memoryLogger().logger,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    onOutcome: (outcome) => outcomes.push(outcome),
    ...overrides,
  });
  return { http, outcomes };
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, CentralError);

describe('createCentralHttp against a real server', () => {
  it('fetches a token once, sends it, and parses the answer with its schema', async () => {
    const { http } = client();
    const before = tokensIssued;
    await expect(http.send({ method: 'GET', path: 'v1/things/a', schema: valueSchema, idempotent: true })).resolves.toEqual({ value: 1 });
    await expect(http.send({ method: 'GET', path: 'v1/things/a', schema: valueSchema, idempotent: true })).resolves.toEqual({ value: 1 });
    expect(tokensIssued - before).toBe(1);
  });

  it('refreshes the token on a 401 and repeats the call once', async () => {
    const { http } = client();
    await http.send({ method: 'GET', path: 'v1/things/b', schema: valueSchema, idempotent: true });
    validToken = 'rotated-by-the-server-xxxxxxxx'; // the server forgot our token
    const before = tokensIssued;
    await expect(http.send({ method: 'POST', path: 'v1/things/b', body: {}, schema: valueSchema, idempotent: false })).resolves.toEqual({
      value: 1,
    });
    expect(tokensIssued - before).toBe(1);
    expect(hits.b).toBe(3);
  });

  it('reports wrong terminal credentials as unauthorized, without looping', async () => {
    const { http } = client({ terminalSecret: 'wrong-secret' });
    const error = await failure(http.send({ method: 'GET', path: 'v1/things/c', schema: valueSchema, idempotent: true }));
    expect(error.kind).toBe('unauthorized');
    expect(hits.c).toBeUndefined();
  });

  it('retries idempotent calls after 5xx and cut connections, with back-off, until one succeeds', async () => {
    script.d = (n) =>
      n === 1 ? { status: 503, body: { error: 'SERVICE_UNAVAILABLE' } } : n === 2 ? 'cut' : { status: 200, body: { value: 7 } };
    const delays: number[] = [];
    const { http, outcomes } = client({ sleep: async (ms) => void delays.push(ms), random: () => 1 });
    await expect(http.send({ method: 'GET', path: 'v1/things/d', schema: valueSchema, idempotent: true })).resolves.toEqual({ value: 7 });
    expect(hits.d).toBe(3);
    expect(delays).toEqual([1, 2]);
    expect(outcomes.map((o) => o.kind ?? 'ok').slice(-3)).toEqual(['server', 'unreachable', 'ok']);
  });

  it('never retries a call that is not idempotent', async () => {
    script.e = () => ({ status: 503, body: { error: 'SERVICE_UNAVAILABLE' } });
    const { http } = client();
    const error = await failure(http.send({ method: 'POST', path: 'v1/things/e', body: {}, schema: valueSchema, idempotent: false }));
    expect(error.kind).toBe('server');
    expect(hits.e).toBe(1);
  });

  it('retries a POST with an idempotency key, carrying the same key each time', async () => {
    script.f = (n) => (n < 3 ? 'cut' : { status: 200, body: { value: 3 } });
    const { http } = client();
    await expect(
      http.send({ method: 'POST', path: 'v1/things/f', body: {}, schema: valueSchema, idempotent: true, idempotencyKey: 'key-12345678' }),
    ).resolves.toEqual({ value: 3 });
    expect(hits.f).toBe(3);
  });

  it('gives up after the configured attempts with the last transport error', async () => {
    script.g = () => ({ status: 500, body: { error: 'BOOM' } });
    const { http } = client();
    const error = await failure(http.send({ method: 'GET', path: 'v1/things/g', schema: valueSchema, idempotent: true }));
    expect(error).toMatchObject({ kind: 'server', status: 500 });
    expect(hits.g).toBe(3);
  });

  it('rejects answers that fail their schema, and truncated JSON, as malformed (never retried)', async () => {
    script.h = () => ({ status: 200, body: { value: 'not a number' } });
    script.i = () => ({ status: 200, body: '{"value": 1' });
    const { http } = client();
    const wrongShape = await failure(http.send({ method: 'GET', path: 'v1/things/h', schema: valueSchema, idempotent: true }));
    expect(wrongShape.kind).toBe('malformed');
    expect(wrongShape.message).toContain('value');
    const truncated = await failure(http.send({ method: 'GET', path: 'v1/things/i', schema: valueSchema, idempotent: true }));
    expect(truncated.kind).toBe('malformed');
    expect(hits.h).toBe(1);
    expect(hits.i).toBe(1);
  });

  it('turns a 4xx with an error code into a rejected error carrying the code and its facts', async () => {
    script.j = () => ({ status: 409, body: { error: 'IDEMPOTENCY_KEY_REUSED', message: 'other payment', extra: 2 } });
    const { http } = client();
    const error = await failure(
      http.send({ method: 'POST', path: 'v1/things/j', body: {}, schema: valueSchema, idempotent: true, idempotencyKey: 'key-abcdefgh' }),
    );
    expect(error).toMatchObject({ kind: 'rejected', status: 409, code: 'IDEMPOTENCY_KEY_REUSED', details: { extra: 2 } });
    expect(error.transient).toBe(false);
    expect(hits.j).toBe(1);
  });

  it('times out a call that never answers', async () => {
    script.k = () => 'hang';
    const { http } = client({ timeoutMs: 150 });
    const error = await failure(http.send({ method: 'GET', path: 'v1/things/k', schema: valueSchema, idempotent: true, attempts: 1 }));
    expect(error.kind).toBe('timeout');
  });

  it('stops a call and its retries when its signal is aborted, without blaming the link', async () => {
    script.l = () => 'hang';
    const { http, outcomes } = client({ timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = failure(
      http.send({ method: 'GET', path: 'v1/things/l', schema: valueSchema, idempotent: true, signal: controller.signal }),
    );
    // Aborted once the request reached the server (and hangs there).
    expect(
      await until(
        async () => hits.l ?? 0,
        (n) => n === 1,
      ),
    ).toBe(1);
    const before = outcomes.length;
    controller.abort();
    const error = await pending;
    expect(error.kind).toBe('unreachable');
    expect(hits.l).toBe(1);
    expect(outcomes.length).toBe(before);
  });
});
