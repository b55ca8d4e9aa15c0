import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../main/api/contract';
import { createOwnerNamesRepo } from '../../../main/db/owner-names-repo';
import { isOneField } from '../../../main/domain/text-field';
import { CASHIER, payableObligations, startDesk, type DeskRig } from '../../fixtures/desk';
import { memoryLogger } from '../../support/logs';

type Lookup = ApiOutput<'desk.lookup'>;

/**
 * Buscar through the KioskApi of the real core (real SQLite file, the simulator over HTTP): the local answer at
 * once and the live one after it, a NIT in any spelling judged by the core, and whom the answer belongs to.
 */
describe("the desk's Buscar", () => {
  let rig: DeskRig;
  const log = memoryLogger('info');
  const admin = async (path: string, body: unknown): Promise<void> => {
    const answer = await fetch(`${rig.sim.url}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.ok).toBe(true);
  };
  const latency = (latencyMs: number) => admin('/sim/admin/faults', { latencyMs });

  beforeAll(async () => {
    rig = await startDesk({ synthetic: 300, deps: { logger: log.logger } });
  }, 60_000);
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.outage(false);
    await latency(0);
    rig.app.sessions.startOperator(CASHIER);
  });

  it('answers from the local copy at once while the central API is slow, then live with a change made there', async () => {
    const o = payableObligations(rig.app, 300).find((x) => x.owner_type === 'member' && x.balance > 10_000);
    if (!o) throw new Error('no member credit in the synthetic data');
    const central = rig.sim.central.world.get(o.id);
    if (!central) throw new Error('obligation missing at the simulator');
    // A change at the central API that the local copy has not seen (the sync is not running).
    // (The admin route takes the obligation's fields; its id, version and time are the simulator's.)
    await admin(`/sim/admin/obligations/${o.id}`, { ...central, balance: central.balance - 1_000, paid: central.paid + 1_000 });
    await latency(1_500);

    let liveAnswered = false;
    const live = rig.call<Lookup>('desk.lookup', { by: 'cedula', value: o.owner_id, source: 'live' }).then((answer) => {
      liveAnswered = true;
      return answer;
    });
    const local = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: o.owner_id, source: 'local' });
    // The local answer did not wait for the central API, which is still holding the live one.
    expect(liveAnswered).toBe(false);
    expect(local.source).toBe('local');
    expect(local.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(local.asOf)).not.toBeNaN();
    expect(local.obligations.find((x) => x.id === o.id)?.balance).toBe(o.balance);

    const refreshed = await live;
    expect(refreshed.source).toBe('live');
    expect(refreshed.ageSeconds).toBe(0);
    expect(refreshed.obligations.find((x) => x.id === o.id)?.balance).toBe(central.balance - 1_000);
  }, 30_000);

  it('refuses the live refresh with OFFLINE when the central API is down, and the local answer still comes', async () => {
    const [o] = payableObligations(rig.app, 50).filter((x) => x.owner_type === 'member');
    if (!o) throw new Error('no member credit');
    await rig.outage(true);
    expect(await rig.refusal('desk.lookup', { by: 'cedula', value: o.owner_id, source: 'live' })).toEqual({
      code: 'UNAVAILABLE',
      reason: 'OFFLINE',
    });
    const local = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: o.owner_id, source: 'local' });
    expect(local.source).toBe('local');
    expect(local.obligations.map((x) => x.id)).toContain(o.id);
  });

  it('names whom it found: live from the central API, kept for the local answer, masked identification, one field', async () => {
    const live = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: '1045678901', source: 'live' });
    expect(live.owner).toEqual({ by: 'cedula', id: '1045678901', masked: '****8901', name: 'ANA MARÍA GUTIÉRREZ DE LA HOZ' });
    expect(live.obligations.map((x) => x.id)).toContain('LI-38');

    await rig.outage(true);
    const local = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: '1045678901', source: 'local' });
    expect(local.source).toBe('local');
    expect(local.owner.name).toBe('ANA MARÍA GUTIÉRREZ DE LA HOZ');
    // A member never found live: the copy has no name for them, the identification alone shows.
    const unseen = payableObligations(rig.app, 300).find((x) => x.owner_type === 'member' && x.owner_id.startsWith('20'));
    if (!unseen) throw new Error('no synthetic member');
    const unnamed = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: unseen.owner_id, source: 'local' });
    expect(unnamed.obligations.length).toBeGreaterThan(0);
    expect(unnamed.owner).toEqual({ by: 'cedula', id: unseen.owner_id, masked: `****${unseen.owner_id.slice(-4)}`, name: null });
    // A student's name is on their slips in the copy.
    const student = await rig.call<Lookup>('desk.lookup', { by: 'student', value: '1043987654', source: 'local' });
    expect(student.owner).toMatchObject({ masked: '****7654', name: 'SOFÍA GUTIÉRREZ MARTÍNEZ' });
    await rig.outage(false);

    // Whatever the central API sends as a name is shown as one field, and kept that way.
    await admin('/sim/admin/owner-names', {
      ownerType: 'company',
      ownerId: '900123456-8',
      name: 'DISTRIBUIDORA\n\tDEL \u001b[31mCARIBE\u0007 S.A.S.',
    });
    const company = await rig.call<Lookup>('desk.lookup', { by: 'nit', value: '900123456', source: 'live' });
    expect(company.owner.name).toBe('DISTRIBUIDORA DEL CARIBE S.A.S.');
    expect(isOneField(company.owner.name ?? '')).toBe(true);
    expect(company.owner).toMatchObject({ id: '900123456-8', masked: '****4568' });
    const kept = await rig.call<Lookup>('desk.lookup', { by: 'nit', value: '900123456-8', source: 'local' });
    expect(kept.owner.name).toBe('DISTRIBUIDORA DEL CARIBE S.A.S.');
  });

  it('forgets a kept name the central API has not repeated within the retention window', async () => {
    const names = createOwnerNamesRepo(rig.app.db);
    const days = rig.app.config.retention.personalDataDays;
    const longAgo = new Date(Date.now() - (days + 1) * 86_400_000).toISOString();
    names.remember('member', '1045000000', 'CARLOS ANDRÉS MEJÍA RUIZ', longAgo, longAgo);
    const before = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: '1045000000', source: 'local' });
    expect(before.owner.name).toBe('CARLOS ANDRÉS MEJÍA RUIZ');
    // The next name learnt live (a member this terminal never named before) sweeps out names older than the window.
    const other = rig.app.db
      .prepare("SELECT owner_id FROM obligations WHERE owner_type = 'member' AND owner_id NOT IN (SELECT cedula FROM members) LIMIT 1")
      .pluck()
      .get() as string | undefined;
    if (!other) throw new Error('no member without a kept name');
    const learnt = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: other, source: 'live' });
    expect(learnt.owner.name).toMatch(/\S/);
    const after = await rig.call<Lookup>('desk.lookup', { by: 'cedula', value: '1045000000', source: 'local' });
    expect(after.owner.name).toBeNull();
  });

  it('finds the same empresa by any spelling of its NIT, and never by a wrong check digit', async () => {
    const nits = rig.app.db
      .prepare("SELECT DISTINCT owner_id FROM obligations WHERE owner_type = 'company' ORDER BY owner_id")
      .pluck()
      .all() as string[];
    expect(nits.length).toBeGreaterThan(3);
    const expected = new Map<string, string[]>();
    for (const nit of nits) {
      const answer = await rig.call<Lookup>('desk.lookup', { by: 'nit', value: nit, source: 'local' });
      expect(answer.obligations.length).toBeGreaterThan(0);
      expected.set(
        nit,
        answer.obligations.map((x) => x.id),
      );
    }
    /** The NIT as a cashier may type it: with the dash or the digit attached or no digit, dots or spaces between digits. */
    const spelling = fc.record({
      nit: fc.constantFrom(...nits),
      form: fc.constantFrom('dashed', 'attached', 'bare'),
      separators: fc.array(fc.constantFrom('', '', '.', ' '), { minLength: 9, maxLength: 9 }),
      pad: fc.constantFrom('', ' '),
    });
    const write = (base: string, separators: string[]) => [...base].map((d, i) => `${d}${i < 8 ? (separators[i] ?? '') : ''}`).join('');
    await fc.assert(
      fc.asyncProperty(spelling, async ({ nit, form, separators, pad }) => {
        const [base = '', dv = ''] = nit.split('-');
        const typed = `${pad}${write(base, separators)}${form === 'dashed' ? `-${dv}` : form === 'attached' ? dv : ''}${pad}`;
        const answer = await rig.call<Lookup>('desk.lookup', { by: 'nit', value: typed, source: 'local' });
        expect(answer.owner.id).toBe(nit);
        expect(answer.obligations.map((x) => x.id)).toEqual(expected.get(nit));
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...nits), fc.integer({ min: 1, max: 9 }), fc.boolean(), async (nit, shift, dashed) => {
        const [base = '', dv = '0'] = nit.split('-');
        const wrong = (Number(dv) + shift) % 10;
        expect(await rig.refusal('desk.lookup', { by: 'nit', value: `${base}${dashed ? '-' : ''}${wrong}`, source: 'local' })).toEqual({
          code: 'VALIDATION',
          reason: 'NIT_CHECK_DIGIT',
        });
      }),
      { numRuns: 30 },
    );
    // The refusal reaches the log in English, with its reason and without the NIT.
    const refused = log.lines().filter((line) => line.includes('"reason":"NIT_CHECK_DIGIT"'));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toContain('call refused');
    expect(refused.some((line) => nits.some((nit) => line.includes(nit.slice(0, 9))))).toBe(false);
  }, 60_000);
});
