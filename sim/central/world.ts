import type { CentralObligation, CentralTombstone, ObligationColumns, TombstoneColumns } from '../../main/central/schemas';
import { demoObligations, type SimObligation } from '../demo-data';

/** An obligation as the central API holds it, without the version and time the world stamps on it. */
export type ObligationFields = Omit<CentralObligation, 'version' | 'updatedAt'>;

/** One obligation's latest state. Changed in place, so the log can point at it (no map look-up per entry). */
interface Entry {
  id: string;
  /** null once withdrawn or paid: a tombstone kept for the retention window so terminals learn of it. */
  live: CentralObligation | null;
  version: number;
  reason?: CentralTombstone['reason'];
  changedAt: number;
  /** Forgotten (a tombstone past retention): its log entries are dead. */
  purged?: boolean;
}

export type FeedAnswer =
  | { kind: 'page'; upserts: ObligationColumns; deletes: TombstoneColumns; cursor: string; hasMore: boolean }
  | { kind: 'resync' };

export interface WorldOptions {
  now: () => number;
  /** Tombstones older than this are forgotten; a cursor from before them must resync. */
  tombstoneRetentionSeconds: number;
}

function toCentral(fields: SimObligation | ObligationFields): ObligationFields {
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
 * takes the next version; the log holds (version, id) pairs in version order, and a pair is stale once its
 * obligation changed again. A page is the next `limit` current entries after the cursor, so each obligation
 * appears once per page, in its latest state.
 *
 * Cursors are `version:epoch`. Forgetting tombstones (past retention, or `compact()`) opens a new epoch and
 * records the highest version forgotten. A cursor issued in an earlier epoch and below that version can no
 * longer learn of those deletions, so it gets the resync signal; a cursor issued later (e.g. by a full sync
 * that started after the purge) is unaffected. `reset()` invalidates every cursor issued before it.
 */
export function createWorld(options: WorldOptions) {
  const entries = new Map<string, Entry>();
  let logVersions: number[] = [];
  let logEntries: Entry[] = [];
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

  function append(entry: Entry): void {
    logVersions.push(entry.version);
    logEntries.push(entry);
    if (logVersions.length > 1024 && logVersions.length > entries.size * 2) compactLog();
  }

  function compactLog(): void {
    const versions: number[] = [];
    const kept: Entry[] = [];
    for (let i = 0; i < logVersions.length; i++) {
      const entry = logEntries[i] as Entry;
      const version = logVersions[i] as number;
      if (!entry.purged && entry.version === version) {
        versions.push(version);
        kept.push(entry);
      }
    }
    logVersions = versions;
    logEntries = kept;
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
        entry.purged = true;
        maxVersion = Math.max(maxVersion, t.version);
      }
    }
    if (kept > 0) {
      tombstoneQueue = tombstoneQueue.slice(kept);
      if (maxVersion > 0) recordPurge(maxVersion);
      compactLog();
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
      entry = { id: live.id, live, version, changedAt: now };
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

  function lowerBound(cursor: number): number {
    let lo = 0;
    let hi = logVersions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((logVersions[mid] as number) <= cursor) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    upsert,
    remove,

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
      const upserts: ObligationColumns = {
        id: [], kind: [], ownerType: [], ownerId: [], document: [], concept: [], studentName: [], validityYear: [],
        debt: [], paid: [], balance: [], installment: [], version: [], updatedAt: [],
      };
      const deletes: TombstoneColumns = { id: [], version: [], reason: [] };
      let i = lowerBound(from);
      let last = from;
      let taken = 0;
      while (i < logVersions.length && taken < limit) {
        const entry = logEntries[i] as Entry;
        const version = logVersions[i] as number;
        i++;
        last = version;
        if (entry.purged || entry.version !== version) continue;
        taken++;
        const o = entry.live;
        if (o) {
          upserts.id.push(o.id);
          upserts.kind.push(o.kind);
          upserts.ownerType.push(o.ownerType);
          upserts.ownerId.push(o.ownerId);
          upserts.document.push(o.document);
          upserts.concept.push(o.concept);
          upserts.studentName.push(o.studentName);
          upserts.validityYear.push(o.validityYear);
          upserts.debt.push(o.debt);
          upserts.paid.push(o.paid);
          upserts.balance.push(o.balance);
          upserts.installment.push(o.installment);
          upserts.version.push(o.version);
          upserts.updatedAt.push(o.updatedAt);
        } else {
          deletes.id.push(entry.id);
          deletes.version.push(version);
          deletes.reason.push(entry.reason ?? 'withdrawn');
        }
      }
      const hasMore = i < logVersions.length;
      return { kind: 'page', upserts, deletes, cursor: `${hasMore ? last : head}:${epoch}`, hasMore };
    },

    /** Forgets every tombstone now: every cursor issued so far (below the head) must resync. */
    compact(): void {
      forgetTombstones(Number.POSITIVE_INFINITY);
      recordPurge(head);
      compactLog();
    },

    stats() {
      let live = 0;
      for (const entry of entries.values()) if (entry.live) live++;
      return { live, tombstones: entries.size - live, head, epoch, logLength: logVersions.length };
    },

    /** Back to the demo identities only (tests call it between cases). */
    reset(currentYear: number): void {
      entries.clear();
      byOwner.clear();
      logVersions = [];
      logEntries = [];
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
