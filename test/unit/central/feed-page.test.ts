import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CentralError } from '../../../main/central/errors';
import { parseFeedPage } from '../../../main/central/feed-page';
import { FEED_PAGE_MAX } from '../../../main/central/schemas';

/** parseFeedPage runs in the sync writer thread: every page the schema allows comes through, nothing else does. */
const encoder = new TextEncoder();
const bytes = (value: unknown) => encoder.encode(JSON.stringify(value));

const obligationFields = {
  id: fc.string({ minLength: 1, maxLength: 64 }),
  kind: fc.constantFrom('credit', 'enrollmentSlip'),
  ownerType: fc.constantFrom('member', 'company', 'student'),
  ownerId: fc.string({ minLength: 1, maxLength: 20 }),
  document: fc.string({ maxLength: 40 }),
  concept: fc.string({ minLength: 1, maxLength: 120 }),
  studentName: fc.option(fc.string({ maxLength: 120 }), { nil: null }),
  validityYear: fc.option(fc.integer({ min: 1900, max: 2200 }), { nil: null }),
  debt: fc.integer({ min: 0, max: 1e13 }),
  paid: fc.integer({ min: 0, max: 1e13 }),
  balance: fc.integer({ min: 0, max: 1e13 }),
  installment: fc.integer({ min: 0, max: 1e13 }),
  version: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  updatedAt: fc.string({ minLength: 10, maxLength: 40 }),
};
const obligation = fc.record(obligationFields);
/** The feed's obligation columns, as the schema names them. */
const columns = Object.keys(obligationFields) as (keyof typeof obligationFields)[];
const tombstone = fc.record({
  id: fc.string({ minLength: 1, maxLength: 64 }),
  version: fc.integer({ min: 1, max: 1e9 }),
  reason: fc.constantFrom('paid', 'withdrawn'),
});

function byColumn<T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) {
  return Object.fromEntries(keys.map((key) => [key, rows.map((row) => row[key])]));
}
const page = fc
  .record({
    upserts: fc.array(obligation, { maxLength: 20 }),
    deletes: fc.array(tombstone, { maxLength: 20 }),
    cursor: fc.string({ minLength: 1, maxLength: 64 }),
    hasMore: fc.boolean(),
    held: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
  })
  .map(({ upserts, deletes, cursor, hasMore, held }) => ({
    upserts: byColumn(upserts, columns),
    deletes: byColumn(deletes, ['id', 'version', 'reason']),
    cursor,
    hasMore,
    serverTime: '2026-11-30T12:00:00.000Z',
    ...(held === undefined ? {} : { heldUpToSeconds: held }),
  }));

describe("parseFeedPage (the writer thread reads the central API's bytes)", () => {
  it('gives back every page the schema allows, as sent', () => {
    fc.assert(
      fc.property(page, (sent) => {
        expect(parseFeedPage(bytes(sent))).toEqual(sent);
      }),
      { numRuns: 300 },
    );
  });

  it('answers anything else with a malformed CentralError, never another failure', () => {
    const anything = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.jsonValue().map(bytes),
      page.map((sent) => bytes(sent).slice(0, -1)),
      page.map((sent) => bytes({ ...sent, cursor: '' })),
    );
    fc.assert(
      fc.property(anything, (body) => {
        let outcome: unknown;
        try {
          parseFeedPage(body);
          outcome = 'parsed';
        } catch (error) {
          outcome = error;
        }
        if (outcome !== 'parsed') {
          expect(outcome).toBeInstanceOf(CentralError);
          expect((outcome as CentralError).kind).toBe('malformed');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses columns of unequal length and pages over the maximum', () => {
    const ragged = {
      upserts: { id: ['A'], kind: [] },
      deletes: { id: [], version: [], reason: [] },
      cursor: '1:1',
      hasMore: false,
      serverTime: 'x',
    };
    expect(() => parseFeedPage(bytes(ragged))).toThrow(CentralError);
    const ids = Array.from({ length: FEED_PAGE_MAX + 1 }, (_, i) => String(i));
    const empty = Object.fromEntries(columns.map((column) => [column, []]));
    const justRight = {
      upserts: empty,
      deletes: { id: ids.slice(1), version: ids.slice(1).map(() => 1), reason: ids.slice(1).map(() => 'paid') },
      cursor: '1:1',
      hasMore: false,
      serverTime: 'x',
    };
    expect(parseFeedPage(bytes(justRight)).deletes.id).toHaveLength(FEED_PAGE_MAX);
    const tooMany = {
      upserts: empty,
      deletes: { id: ids, version: ids.map(() => 1), reason: ids.map(() => 'paid') },
      cursor: '1:1',
      hasMore: false,
      serverTime: 'x',
    };
    expect(() => parseFeedPage(bytes(tooMany))).toThrow(/schema/);
  });
});
