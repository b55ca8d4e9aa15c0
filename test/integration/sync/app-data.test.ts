import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import type { CallContext } from '../../../main/api/dispatcher';
import { startSimulator, type Simulator } from '../../../sim/server';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';
import { until } from '../../support/until';
import { setFaults } from './support';

const ctx: CallContext = { transport: 'test' };
let sim: Simulator;
let app: App;
let dir: ReturnType<typeof tempDir>;

async function call(method: string, input: unknown = {}) {
  const envelope = await app.api.dispatch(method, input, ctx);
  if (!envelope.ok) throw new Error(`${method} refused: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as Record<string, unknown> & { obligations?: Record<string, unknown>[] };
}

/** The jardín lookup is for a signed-in person (or an operator): a person is signed in around each one. */
const someone = { type: 'member', id: '1045678901', name: 'AFILIADO DEMO', email: 'demo@example.com', phoneTail: '434' } as const;
async function asPerson<T>(run: () => Promise<T>): Promise<T> {
  app.sessions.startPerson(someone);
  try {
    return await run();
  } finally {
    app.sessions.endPerson('sign-out');
  }
}

beforeAll(async () => {
  sim = await startSimulator();
  dir = tempDir('pes-app-data-');
  app = createApp(testConfig(dir.dir, sim.url), {
    data: { syncIntervalMs: 100, syncBackoff: { baseMs: 20, maxMs: 100 }, outboxIntervalMs: 50, liveTimeoutMs: 500 },
  });
});

afterAll(async () => {
  await app.close();
  await sim.close();
  dir.remove();
});

describe('the data layer through KioskApi (createApp, simulator over HTTP)', () => {
  it('syncs on its own at start: status shows the rows, the last success and no error', async () => {
    const status = await until(
      () => call('sync.status'),
      (s) => s.state === 'idle',
    );
    expect(status).toMatchObject({ state: 'idle', mode: 'delta', lastError: null, rows: 4, fullSyncs: 1 });
    expect(await call('connectivity.status')).toMatchObject({ state: 'online' });
  });

  it("answers the demo identities live: student 1043987654's slip, and nothing for student 123456", async () => {
    const slips = await asPerson(() => call('obligations.ofStudent', { studentId: '1043987654' }));
    expect(slips).toMatchObject({ source: 'live', ageSeconds: 0 });
    expect(slips.obligations).toEqual([
      expect.objectContaining({
        concept: 'VOLANTES DE MATRICULA',
        studentName: 'SOFÍA GUTIÉRREZ MARTÍNEZ',
        validityYear: new Date().getUTCFullYear(),
        balance: 482_213,
      }),
    ]);
    expect(await asPerson(() => call('obligations.ofStudent', { studentId: '123456' }))).toMatchObject({ source: 'live', obligations: [] });
  });

  it("gives a person's obligations only to that person, signed in", async () => {
    const envelope = await app.api.dispatch('obligations.ofMember', { cedula: '1045678901' }, ctx);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    app.sessions.startPerson({
      type: 'member',
      id: '1045678901',
      name: 'CAJA DE COMPENSACION FAMILIAR - CAJACOPI ATLANTICO',
      email: 'ing_demo@hotmail.com',
      phoneTail: '434',
    });
    try {
      const own = await call('obligations.ofMember', { cedula: '1045678901' });
      expect(own.obligations).toEqual([expect.objectContaining({ id: 'LI-38', balance: 1_752_770 })]);
      expect(await app.api.dispatch('obligations.ofMember', { cedula: '1045000000' }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await app.api.dispatch('obligations.ofCompany', { nit: '900123456-8' }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    } finally {
      app.sessions.endPerson('sign-out');
    }
  });

  it('answers obligations.mine with the signed-in afiliado or empresa, and nobody else', async () => {
    expect(await app.api.dispatch('obligations.mine', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    app.sessions.startPerson({ type: 'member', id: '1045678901', name: 'AFILIADO', email: 'a@example.com', phoneTail: '434' });
    expect((await call('obligations.mine', {})).obligations?.map((o) => o.id)).toEqual(['LI-38']);
    app.sessions.startPerson({ type: 'company', id: '900123456-8', name: 'EMPRESA', email: 'e@example.com', phoneTail: '987' });
    expect((await call('obligations.mine', {})).obligations?.map((o) => o.id)).toEqual(['LI-51', 'LI-52']);
    app.sessions.endPerson('sign-out');
    expect(await app.api.dispatch('obligations.mine', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers member and company lookups live, and from the local copy with its age when the link is down', async () => {
    const member = await app.data.obligations.listForMember('1045678901');
    expect(member.source).toBe('live');
    expect(member.obligations).toEqual([
      expect.objectContaining({
        id: 'LI-38',
        document: 'LI- 38',
        concept: 'CREDITO POR LIBRANZAS',
        debt: 1_752_770,
        balance: 1_752_770,
        installment: 175_277,
      }),
    ]);
    const company = await app.data.obligations.listForCompany('900123456-8');
    expect(company.obligations.map((o) => o.id)).toEqual(['LI-51', 'LI-52']);

    await setFaults(sim.url, { outage: true });
    const offline = await until(
      () => call('connectivity.status'),
      (s) => s.state === 'offline',
    );
    expect(offline.state).toBe('offline');
    const local = await app.data.obligations.listForMember('1045678901');
    expect(local.source).toBe('local');
    expect(local.obligations).toEqual(member.obligations);
    expect(local.ageSeconds).toBeGreaterThanOrEqual(0);
    const slips = await asPerson(() => call('obligations.ofStudent', { studentId: '1043987654' }));
    expect(slips).toMatchObject({ source: 'local' });
    const sync = await until(
      () => call('sync.status'),
      (s) => s.state === 'failing',
    );
    expect(sync.lastError).toMatch(/unreachable/);

    await setFaults(sim.url, {});
    expect(
      await until(
        () => call('connectivity.status'),
        (s) => s.state !== 'offline',
      ),
    ).not.toMatchObject({ state: 'offline' });
    expect(
      await until(
        () => call('sync.status'),
        (s) => s.state === 'idle',
      ),
    ).toMatchObject({ lastError: null });
  });

  it('carries central changes to the local copy on schedule (a withdrawn slip disappears)', async () => {
    const year = new Date().getUTCFullYear();
    sim.central.world.remove(`VM-${year}-1043987654`, 'withdrawn');
    await until(
      () => call('sync.status'),
      (s) => s.rows === 3,
    );
    await setFaults(sim.url, { outage: true });
    await until(
      () => call('connectivity.status'),
      (s) => s.state === 'offline',
    );
    expect(await asPerson(() => call('obligations.ofStudent', { studentId: '1043987654' }))).toMatchObject({
      source: 'local',
      obligations: [],
    });
    await setFaults(sim.url, {});
  });

  it('sends enqueued payments through the outbox worker and shows the backlog and refusals', async () => {
    app.data.enqueue({
      idempotencyKey: 'app-payment-0001',
      kind: 'payment.register',
      payload: {
        reference: 'R-1',
        obligationId: 'LI-38',
        amount: 175_277,
        method: 'cash',
        paidAt: new Date().toISOString(),
        terminalId: 'KIOSK-01',
      },
    });
    app.data.enqueue({
      idempotencyKey: 'app-payment-0002',
      kind: 'payment.register',
      payload: {
        reference: 'R-2',
        obligationId: 'NOPE-1',
        amount: 1,
        method: 'cash',
        paidAt: new Date().toISOString(),
        terminalId: 'KIOSK-01',
      },
    });
    const status = await until(
      () => call('outbox.status'),
      (s) => s.backlog === 0,
    );
    expect(status).toMatchObject({ backlog: 0, sent: 1, rejectedCount: 1 });
    expect(status.rejected).toEqual([expect.objectContaining({ idempotencyKey: 'app-payment-0002', code: 'UNKNOWN_OBLIGATION' })]);
    expect(sim.central.payments.list().map((p) => p.idempotencyKey)).toEqual(['app-payment-0001']);
  });

  it('refuses the jardín lookup without a session, and validates identifiers before anything else', async () => {
    expect(await app.api.dispatch('obligations.ofStudent', { studentId: '1043987654' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await asPerson(() => app.api.dispatch('obligations.ofStudent', { studentId: '12ab' }, ctx))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('durability settings', () => {
  it('leaves the connection at synchronous=FULL for payment records after applying sync pages', () => {
    expect(Number(app.db.pragma('synchronous', { simple: true }))).toBe(2);
  });
});
