import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { startSimulator, type Simulator } from '../../../sim/server';
import { testConfig } from '../../support/config';
import { tempDir } from '../../support/temp';
import { until } from '../../support/until';

/** CRÉDITOS answers live; Monto a Pagar reads the local copy, which catches up once before saying "not found". */
describe('a quote for an obligation newer than the last sync round', () => {
  const temp = tempDir();
  let sim: Simulator;
  let app: App;
  const dispatch = (method: string, input: unknown) => app.api.dispatch(method, input, { transport: 'test' });

  beforeAll(async () => {
    sim = await startSimulator();
    app = createApp(testConfig(temp.dir, sim.url), { paymentScheduler: false });
    app.sessions.startPerson({ type: 'member', id: '1045678901', name: 'AFILIADO', email: 'a@example.com', phoneTail: '434' });
    expect(
      await until(
        async () => app.data.sync.status().state,
        (state) => state === 'idle',
      ),
    ).toBe('idle');
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
    temp.remove();
  });

  it('is answered after catching up, and an obligation that does not exist is still NOT_FOUND', async () => {
    expect(app.data.sync.status().state).toBe('idle');
    const created = await fetch(`${sim.url}/sim/admin/obligations/LI-99`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'credit',
        ownerType: 'member',
        ownerId: '1045678901',
        document: 'LI- 99',
        concept: 'CREDITO POR LIBRANZAS',
        studentName: null,
        validityYear: null,
        debt: 900_000,
        paid: 0,
        balance: 900_000,
        installment: 90_000,
      }),
    });
    expect(created.ok).toBe(true);
    const live = await dispatch('obligations.mine', {});
    expect(live).toMatchObject({ ok: true, data: { source: 'live' } });

    const quote = await dispatch('payments.quote', { obligationId: 'LI-99' });
    expect(quote).toMatchObject({ ok: true, data: { obligation: { id: 'LI-99', balance: 900_000 }, options: { installment: 90_000 } } });
    expect(await dispatch('payments.quote', { obligationId: 'LI-404' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
