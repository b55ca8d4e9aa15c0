import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../sim/server';
import { createApp, type App } from '../../../main/app';
import { startHost, API_TOKEN_HEADER, type Host } from '../../../main/host/server';
import { envelopeSchema } from '../../../main/api/errors';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';

/**
 * Whatever a screen — or anything holding the page's token — sends to the sign-in methods over the HTTP
 * transport, the answer is the error model: 400 VALIDATION naming what is wrong, or a domain refusal. Never a
 * 500, never an answer outside the envelope.
 */
describe('sign-in inputs fuzzed through the HTTP transport', () => {
  const temp = tempDir();
  let sim: Simulator;
  let app: App;
  let host: Host;

  beforeAll(async () => {
    sim = await startSimulator();
    app = createApp(testConfig(temp.dir, sim.url));
    const rendererDir = join(temp.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    host = await startHost({ api: app.api, logger: app.logger, rendererDir, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    await app.close();
    await sim.close();
    temp.remove();
  });

  async function post(method: string, body: string): Promise<{ status: number; envelope: ReturnType<typeof envelopeSchema.parse> }> {
    const response = await fetch(`${host.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: host.token },
      body,
    });
    const envelope = envelopeSchema.parse(await response.json());
    return { status: response.status, envelope };
  }

  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
  const documentLike = fc.oneof(
    digits(0, 16),
    fc.tuple(digits(1, 16), fc.constantFrom('-', ' - ', '.', ''), digits(0, 2)).map(([a, sep, b]) => `${a}${sep}${b}`),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom('1045678901', '1045000000', '900123456-8', '900123456-7', '0000000', ' 1045678901 ', '１０４５６７８９０１'),
  );
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const bodies: Record<string, fc.Arbitrary<unknown>> = {
    'auth.requestCode': fc.oneof(
      fc.record({
        audience: fc.oneof(fc.constantFrom('member', 'company'), fc.string({ maxLength: 10 })),
        document: fc.oneof(documentLike, anyJson),
      }),
      fc.record({ audience: fc.constantFrom('member', 'company'), document: documentLike, extra: anyJson }),
      anyJson,
    ),
    'auth.verifyCode': fc.oneof(fc.record({ code: fc.oneof(digits(0, 8), fc.string({ maxLength: 10 }), anyJson) }), anyJson),
    'auth.resendCode': fc.oneof(fc.constant({}), anyJson),
    'operator.signIn': fc.oneof(
      fc.record({
        username: fc.oneof(fc.constantFrom('cajero1', 'supervisor1', 'nadie'), fc.string({ maxLength: 40 })),
        pin: fc.oneof(digits(0, 10), fc.string({ maxLength: 10 }), anyJson),
      }),
      anyJson,
    ),
    'auth.touch': anyJson,
    'auth.signOut': anyJson,
    'operator.session': anyJson,
  };

  for (const [method, arbitrary] of Object.entries(bodies)) {
    it(`${method}: a 400 VALIDATION or a domain refusal, never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          const { status, envelope } = await post(method, JSON.stringify(input));
          expect(status).toBeLessThan(500);
          if (envelope.ok) {
            expect(status).toBe(200);
            return;
          }
          expect(envelope.error.code).not.toBe('INTERNAL');
          if (status === 400) {
            expect(envelope.error.code).toBe('VALIDATION');
            const details = envelope.error.details ?? {};
            // Says what is wrong: the schema's issues, or the field and why.
            expect(Array.isArray(details.issues) ? details.issues.length > 0 : typeof details.field === 'string').toBe(true);
          }
        }),
        { numRuns: method === 'operator.signIn' ? 60 : 150 },
      );
    });
  }

  it('leaves the core answering, with nobody signed in, after the storm', async () => {
    const { envelope } = await post('auth.session', '{}');
    expect(envelope).toMatchObject({ ok: true, data: { person: null } });
  });
});
