/**
 * A person's lookups while the first full sync runs, as a kiosk answers them: the whole app behind the
 * browser host (its `/api` over HTTP), started on an empty database against a simulator holding N
 * obligations, so its first full sync starts at once. The demo afiliado signs in (SMS code from the
 * simulator's inbox) and asks for their obligations every 20 ms until the sync has caught up.
 * Prints one JSON object: the lookups' times and how long the sync ran.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../main/config/load';
import { runBrowserHost } from '../../main/host/run';
import { API_TOKEN_HEADER } from '../../main/host/server';

const [simUrl = ''] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'pes-bench-lookup-'));
const config = loadConfig({
  env: {},
  overrides: {
    database: { file: join(dir, 'terminal.db') },
    central: { baseUrl: `${simUrl}/` },
    gateway: { baseUrl: `${simUrl}/payment/` },
    log: { level: 'silent' },
  },
});
const started = performance.now();
const running = await runBrowserHost(config, { port: 0 });
const call = async (method: string, body: unknown = {}) => {
  const response = await fetch(`${running.host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: running.host.token },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };
  if (!envelope.ok) throw new Error(`${method} refused: ${envelope.error?.code ?? response.status}`);
  return envelope.data ?? {};
};

await call('auth.requestCode', { audience: 'member', document: '1045678901' });
const inbox = (await (await fetch(`${simUrl}/sim/sms`)).json()) as { code: string }[];
const code = inbox.at(-1)?.code;
if (!code) throw new Error('no sign-in code in the simulator inbox');
const session = await call('auth.verifyCode', { code });
if (!session.person) throw new Error(`sign-in did not open a session: ${JSON.stringify(session)}`);

const lookupMs: number[] = [];
for (;;) {
  const status = running.app.data.sync.status();
  if (status.mode === 'delta' && status.state !== 'running') break;
  const t = performance.now();
  const answer = await call('obligations.mine');
  lookupMs.push(performance.now() - t);
  if (!Array.isArray(answer.obligations) || answer.obligations.length === 0) throw new Error('the demo afiliado has no obligations');
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const syncMs = performance.now() - started;
await running.stop();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ lookupMs, syncMs })}\n`);
