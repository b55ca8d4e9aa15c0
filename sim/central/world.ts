import type { CentralObligation, CentralTombstone, ObligationColumns, TombstoneColumns } from '../../main/central/schemas';
import { demoObligations, type SimObligation } from '../demo-data';
import { createChangeLog } from './change-log';

/** An obligation as the central API holds it, without the version and time the world stamps on it. */
export type ObligationFields = SimObligation;

/** One obligation's latest state. Changed in place, so the log can point at it (no map look-up per entry). */
interface Entry {
  id: string;
  /** null once withdrawn or paid: a tombstone kept for the retention window so terminals learn of it. */
  live: CentralObligation | null;
  version: number;
  reason: CentralTombstone['reason'] | undefined;
  changedAt: number;
  /** Its latest change's position in the log. */
  logIndex: number;
}

export type FeedAnswer =
  { kind: 'page'; upserts: ObligationColumns; deletes: TombstoneColumns; cursor: string; hasMore: boolean } | { kind: 'resync' };

export interface WorldOptions {
  now: () => number;
  /** Tombstones older than this are forgotten; a cursor from before them must resync. */
  tombstoneRetentionSeconds: number;
}

function toCentral(fields: ObligationFields): ObligationFields {
  return {
    id: fields.id,
    kind: fields.kind,
    ownerType: fields.ownerType,
    ownerId: fields.ownerId,
    document: fields.document,
    concept: fields.concept,
    studentName: fields.studentName,
    validityYear: fields.validityYear,
    debt: fields.debt,
    paid: fields.paid,
    balance: fields.balance,
    installment: fields.installment,
  };
}

/**
 * The central side's obligations with versions and a change log, the source of the delta feed. Every change
 * takes the next version; the log (change-log.ts) holds each change in version order, and a change is stale
 * once its obligation changed again. A page is the next `limit` current entries after the cursor, so each obligation
 * appears once per page, in its latest state.
 *
 * Cursors are `version:epoch`. Forgetting tombstones (past retention, or `compact()`) opens a new epoch and
 * records the highest version forgotten. A cursor issued in an earlier epoch and below that version can no
 * longer learn of those deletions, so it gets the resync signal; a cursor issued later (e.g. by a full sync
 * that started after the purge) is unaffected. `reset()` invalidates every cursor issued before it.
 */
export function createWorld(options: WorldOptions) {
  const entries = new Map<string, Entry>();
  const log = createChangeLog<Entry>();
  let isoAt = { ms: Number.NaN, iso: '' };
  const isoOf = (ms: number) => {
    if (ms !== isoAt.ms) isoAt = { ms, iso: new Date(ms).toISOString() };
    return isoAt.iso;
  };
  let head = 0;
  let epoch = 0;
  let resetEpoch = 0;
  let purges: { epoch: number; maxVersion: number }[] = [];

  function recordPurge(maxVersion: number): void {
    epoch++;
    purges.push({ epoch, maxVersion });
  }

  function cursorValid(cursor: string): boolean {
    const match = /^(\d{1,15}):(\d{1,9})$/.exec(cursor);
    if (!match) return false;
    const version = Number(match[1]);
    const issuedIn = Number(match[2]);
    if (issuedIn < resetEpoch || issuedIn > epoch || version > head) return false;
    return purges.every((purge) => purge.epoch <= issuedIn || purge.maxVersion <= version);
  }
  let tombstoneQueue: { id: string; version: number; at: number }[] = [];
  const byOwner = new Map<string, Set<string>>();
  const ownerKey = (type: string, id: string) => `${type}:${id}`;

  function unlinkOwner(previous: CentralObligation | null | undefined): void {
    if (!previous) return;
    const key = ownerKey(previous.ownerType, previous.ownerId);
    const ids = byOwner.get(key);
    ids?.delete(previous.id);
    if (ids?.size === 0) byOwner.delete(key);
  }

  const changeListeners = new Set<() => void>();

  function append(entry: Entry): void {
    log.append(entry, entry.version, entry.live, entry.id, entry.reason);
    if (log.length > 1024 && log.length > entries.size * 2) log.compact();
    for (const listener of changeListeners) listener();
  }

  function forgetTombstones(olderThan: number): void {
    let kept = 0;
    let maxVersion = 0;
    for (const t of tombstoneQueue) {
      if (t.at >= olderThan) break;
      kept++;
      const entry = entries.get(t.id);
      if (entry && entry.live === null && entry.version === t.version) {
        entries.delete(t.id);
        log.retire(entry);
        maxVersion = Math.max(maxVersion, t.version);
      }
    }
    if (kept > 0) {
      tombstoneQueue = tombstoneQueue.slice(kept);
      if (maxVersion > 0) recordPurge(maxVersion);
      log.compact();
    }
  }

  function upsert(fields: ObligationFields): CentralObligation {
    const version = ++head;
    const now = options.now();
    const live: CentralObligation = { ...toCentral(fields), version, updatedAt: isoOf(now) };
    let entry = entries.get(live.id);
    unlinkOwner(entry?.live);
    if (entry) {
      entry.live = live;
      entry.version = version;
      entry.reason = undefined;
      entry.changedAt = now;
    } else {
      entry = { id: live.id, live, version, reason: undefined, changedAt: now, logIndex: -1 };
      entries.set(live.id, entry);
    }
    const key = ownerKey(live.ownerType, live.ownerId);
    let ids = byOwner.get(key);
    if (!ids) byOwner.set(key, (ids = new Set()));
    ids.add(live.id);
    append(entry);
    return live;
  }

  function remove(id: string, reason: CentralTombstone['reason']): CentralTombstone | undefined {
    const entry = entries.get(id);
    if (!entry || entry.live === null) return undefined;
    const version = ++head;
    const now = options.now();
    unlinkOwner(entry.live);
    entry.live = null;
    entry.version = version;
    entry.reason = reason;
    entry.changedAt = now;
    tombstoneQueue.push({ id, version, at: now });
    append(entry);
    return { id, version, reason };
  }

  return {
    upsert,
    remove,

    /** Called after every change (the feed's long poll wakes its held requests). */
    onChange(listener: () => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },

    get(id: string): CentralObligation | null | undefined {
      const entry = entries.get(id);
      return entry ? entry.live : undefined;
    },

    /** Everything payable now, for the owner, in a stable order. */
    ofOwner(ownerType: CentralObligation['ownerType'], ownerId: string): CentralObligation[] {
      const found: CentralObligation[] = [];
      for (const id of byOwner.get(ownerKey(ownerType, ownerId)) ?? []) {
        const live = entries.get(id)?.live;
        if (live) found.push(live);
      }
      return found.sort((a, b) => a.id.localeCompare(b.id));
    },

    /** Up to `count` distinct live obligations picked with `random` (for churn in benchmarks and tests). */
    sampleLive(count: number, random: () => number): CentralObligation[] {
      const live: CentralObligation[] = [];
      for (const entry of entries.values()) if (entry.live) live.push(entry.live);
      const picked = new Map<string, CentralObligation>();
      for (let tries = 0; picked.size < Math.min(count, live.length) && tries < count * 20; tries++) {
        const o = live[Math.floor(random() * live.length)];
        if (o) picked.set(o.id, o);
      }
      return [...picked.values()];
    },

    /** A snapshot of the live state, for tests that compare a terminal's copy with it. */
    liveState(): CentralObligation[] {
      const found: CentralObligation[] = [];
      for (const entry of entries.values()) if (entry.live) found.push(entry.live);
      return found;
    },

    page(cursor: string | undefined, limit: number): FeedAnswer {
      forgetTombstones(options.now() - options.tombstoneRetentionSeconds * 1000);
      // No cursor: a fresh full sync, which sees every live obligation and needs no forgotten tombstone.
      if (cursor !== undefined && !cursorValid(cursor)) return { kind: 'resync' };
      const from = cursor === undefined ? 0 : Number(cursor.split(':')[0]);
      const { upserts, deletes, lastVersion, next } = log.read(log.after(from), limit);
      const last = lastVersion ?? from;
      const hasMore = next < log.length;
      return { kind: 'page', upserts, deletes, cursor: `${hasMore ? last : head}:${epoch}`, hasMore };
    },

    /** Forgets every tombstone now: every cursor issued so far (below the head) must resync. */
    compact(): void {
      forgetTombstones(Number.POSITIVE_INFINITY);
      recordPurge(head);
      log.compact();
    },

    stats() {
      let live = 0;
      for (const entry of entries.values()) if (entry.live) live++;
      return { live, tombstones: entries.size - live, head, epoch, logLength: log.length };
    },

    /** Back to the demo identities only (tests call it between cases). */
    reset(currentYear: number): void {
      entries.clear();
      byOwner.clear();
      log.clear();
      tombstoneQueue = [];
      head = 0;
      epoch++;
      resetEpoch = epoch;
      purges = [];
      for (const obligation of demoObligations(currentYear)) upsert(toCentral(obligation));
    },
  };
}
export type World = ReturnType<typeof createWorld>;
