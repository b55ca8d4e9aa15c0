import { afterAll, describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../../main/app';
import { openDatabase } from '../../../main/db/connection';
import { createOperatorRepo } from '../../../main/db/auth-repo';
import { hashPin } from '../../../main/auth/pin-hash';
import type { Operator, OperatorSource } from '../../../main/auth/operator-source';
import type { Envelope } from '../../../main/api/errors';
import { tempDir } from '../../support/temp';
import { testConfig } from '../../support/config';

// Cheap scrypt parameters (the format's minimum N) so a brute force over every 4-digit PIN takes seconds here;
// the central API's own are 64 times dearer, which changes the attacker's cost, not the outcome.
const cheap = { N: 1024, r: 1, p: 1 };
let list: Promise<Operator[]> | undefined;
/** One list for the whole file, so the brute force's table of every PIN's key is computed once per salt. */
const operatorList = (): Promise<Operator[]> =>
  (list ??= (async () => [
    { username: 'cajero1', displayName: 'Carmen Cajera', role: 'cashier', pinHash: await hashPin('1234', cheap), active: true },
    { username: 'supervisor1', displayName: 'Sara Supervisora', role: 'supervisor', pinHash: await hashPin('9999', cheap), active: true },
  ])());
const online = (list: Operator[]): OperatorSource => ({ fetchOperators: async () => list });
const offline: OperatorSource = {
  fetchOperators: () => Promise.reject(Object.assign(new Error('central API unreachable'), { kind: 'network' })),
};

const tables = new Map<string, Map<string, string>>();
/** Every 4-digit PIN's scrypt key for one salt and parameters (base64 → PIN): the attacker's whole search. */
function pinTable(salt: string, length: number, params: { N: number; r: number; p: number }): Map<string, string> {
  const id = `${salt}/${length}/${params.N}/${params.r}/${params.p}`;
  let table = tables.get(id);
  if (!table) {
    table = new Map();
    for (let pin = 0; pin < 10_000; pin++) {
      const guess = String(pin).padStart(4, '0');
      table.set(scryptSync(guess, Buffer.from(salt, 'base64'), length, params).toString('base64'), guess);
    }
    tables.set(id, table);
  }
  return table;
}

/**
 * What someone holding only the database file does: for every stored value that looks like an scrypt entry
 * (`…$N$r$p$salt$hash…`, whatever it is tagged), try every 4-digit PIN and compare with the stored hash.
 */
function bruteForce(stored: string): string[] {
  const parts = stored.split('$');
  const found: string[] = [];
  const numeric = (text: string | undefined) => /^\d{1,8}$/.test(text ?? '');
  for (let i = 0; i + 4 < parts.length; i++) {
    const [N, r, p, salt, target] = parts.slice(i, i + 5);
    if (!numeric(N) || !numeric(r) || !numeric(p) || !/^[A-Za-z0-9+/]+=*$/.test(salt ?? '') || !/^[A-Za-z0-9+/]+=*$/.test(target ?? ''))
      continue;
    const params = { N: Number(N), r: Number(r), p: Number(p) };
    if (params.N !== cheap.N) continue;
    const length = Buffer.from(target ?? '', 'base64').length;
    if (length < 16 || length > 64) continue;
    const pin = pinTable(salt ?? '', length, params).get(target ?? '');
    if (pin) found.push(pin);
  }
  return found;
}

type Answer = Envelope<Record<string, unknown>>;

describe('a copied database alone does not give away operator PINs (peppered PIN cache)', () => {
  const temp = tempDir();
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    temp.remove();
  });

  function deskApp(dir: string, source: OperatorSource): App {
    const config = testConfig(dir, 'http://127.0.0.1:9', {
      terminal: { id: 'DESK-01', role: 'desk' },
      database: { file: join(dir, 'terminal.db') },
    });
    const app = createApp(config, { operatorSource: source, paymentScheduler: false, data: { autoStart: false } });
    apps.push(app);
    return app;
  }
  const signIn = (app: App, username: string, pin: string) =>
    app.api.dispatch('operator.signIn', { username, pin }, { transport: 'test' }) as Promise<Answer>;
  const storedHash = (file: string) => {
    const db = openDatabase(file);
    try {
      return (db.prepare("SELECT pin_hash FROM operators WHERE username = 'cajero1'").get() as { pin_hash: string } | undefined)?.pin_hash;
    } finally {
      db.close();
    }
  };

  it('caches the list peppered: sign-in works, the key file is private, and the database yields no PIN by brute force', async () => {
    const dir = join(temp.dir, 'terminal');
    const app = deskApp(dir, online(await operatorList()));
    expect(await signIn(app, 'cajero1', '1234')).toMatchObject({ ok: true, data: { operator: { username: 'cajero1' } } });
    await app.close();
    apps.pop();

    const keyFile = join(dir, 'pin-pepper.key');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);

    // The thief copies the database file, not the key file.
    const stolen = join(temp.dir, 'stolen');
    mkdirSync(stolen);
    copyFileSync(join(dir, 'terminal.db'), join(stolen, 'terminal.db'));
    const stored = storedHash(join(stolen, 'terminal.db'));
    expect(stored).toMatch(/^pscrypt\$/);
    expect(bruteForce(stored ?? '')).toEqual([]);

    // Started on the copy without the key, the app makes a new pepper, drops the foreign cache and cannot
    // sign anyone in offline.
    const thief = deskApp(stolen, offline);
    expect(await signIn(thief, 'cajero1', '1234')).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', details: { reason: 'NO_OPERATOR_LIST' } },
    });

    // With its key file beside it (the real terminal), the same database signs the operator in offline.
    const restarted = deskApp(dir, offline);
    expect(await signIn(restarted, 'cajero1', '0000')).toMatchObject({ ok: false, error: { details: { reason: 'BAD_CREDENTIALS' } } });
    expect(await signIn(restarted, 'cajero1', '1234')).toMatchObject({ ok: true, data: { operator: { username: 'cajero1' } } });
  }, 120_000);

  it('peppers a cache written before the pepper existed at the next start, without needing the central API', async () => {
    const dir = join(temp.dir, 'legacy');
    const file = join(dir, 'terminal.db');
    const db = openDatabase(file);
    createOperatorRepo(db).replaceAll(await operatorList(), new Date().toISOString());
    db.close();
    const legacy = storedHash(file) ?? '';
    expect(legacy).toMatch(/^scrypt\$/);
    // The unpeppered form is exactly what made the 48-second recovery possible.
    expect(bruteForce(legacy)).toEqual(['1234']);

    const app = deskApp(dir, offline);
    const peppered = storedHash(file) ?? '';
    expect(peppered).toMatch(/^pscrypt\$/);
    expect(peppered).not.toContain(legacy.split('$')[5]);
    expect(bruteForce(peppered)).toEqual([]);
    expect(await signIn(app, 'cajero1', '1234')).toMatchObject({ ok: true });
  }, 120_000);
});
