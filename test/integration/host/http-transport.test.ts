import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startSimulator, type Simulator } from '../../../sim/server';
import { runBrowserHost, type RunningHost } from '../../../main/host/run';
import { API_TOKEN_HEADER } from '../../../main/host/server';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';

describe('browser host: KioskApi over HTTP on 127.0.0.1', () => {
  const temp = tempDir();
  let sim: Simulator;
  let running: RunningHost;
  let base: string;
  let token: string;

  const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: token, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    sim = await startSimulator();
    running = await runBrowserHost(testConfig(temp.dir, sim.url), { port: 0 });
    base = running.host.url;
    token = running.host.token;
  });
  afterAll(async () => {
    await running.stop();
    await sim.close();
    temp.remove();
  });

  it('serves the page with its token, strict CSP and security headers, on loopback only', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<meta name="kiosk-token" content="${token}">`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers terminal.status with the terminal identity and a healthy database', async () => {
    const response = await call('terminal.status', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; data: { terminalId: string; database: { state: string }; time: string } };
    expect(body.ok).toBe(true);
    expect(body.data.terminalId).toBe('KIOSK-01');
    expect(body.data.database.state).toBe('ok');
    expect(body.data.time).toMatch(/-05:00$/);
  });

  it('refuses invalid input with 400 and the error model', async () => {
    const response = await call('terminal.status', { unexpected: true });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ok: false; error: { code: string; details: { issues: unknown[] } } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.details.issues.length).toBeGreaterThan(0);
  });

  it('refuses malformed JSON, wrong content types and oversized bodies with 4xx and the error model', async () => {
    const malformed = await call('terminal.status', '{"a":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
    const poisoned = await call('terminal.status', '{"__proto__": {"admin": true}}');
    expect(poisoned.status).toBe(400);
    expect(((await poisoned.json()) as { error: { details: { field: string } } }).error.details.field).toBe('body');
    const wrongType = await fetch(`${base}/api/terminal.status`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [API_TOKEN_HEADER]: token },
      body: 'x',
    });
    expect(wrongType.status).toBe(415);
    const big = await call('terminal.status', { pad: 'x'.repeat(100 * 1024) });
    expect(big.status).toBe(413);
  });

  it('requires the token this start wrote into the page', async () => {
    const none = await fetch(`${base}/api/terminal.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    const wrong = await call('terminal.status', {}, { [API_TOKEN_HEADER]: 'x'.repeat(token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses other Host names (DNS rebinding) and other origins', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${base}/api/terminal.status`,
        { method: 'POST', headers: { host: 'evil.example:80', 'content-type': 'application/json', [API_TOKEN_HEADER]: token } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
    const crossOrigin = await call('terminal.status', {}, { origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
  });

  it('answers an unknown method with 404 UNKNOWN_METHOD', async () => {
    const response = await call('payments.stealEverything', {});
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_METHOD');
  });

  it('never answers 500 to arbitrary JSON bodies (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('terminal.status', 'terminal.contacts', 'nope'), fc.jsonValue(), async (method, value) => {
        const response = await call(method, JSON.stringify(value));
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { ok: boolean };
        expect(typeof body.ok).toBe('boolean');
      }),
      { numRuns: 60 },
    );
  });
});
