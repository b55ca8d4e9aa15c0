import type { CentralObligation, CentralTombstone, ObligationColumns, TombstoneColumns } from '../../main/central/schemas';

/** What the log needs of a world entry: which position holds its latest change (-1: none yet). */
export interface Logged {
  logIndex: number;
}

type Column = keyof ObligationColumns;
const COLUMNS: Column[] = [
  'id',
  'kind',
  'ownerType',
  'ownerId',
  'document',
  'concept',
  'studentName',
  'validityYear',
  'debt',
  'paid',
  'balance',
  'installment',
  'version',
  'updatedAt',
];

/**
 * The change log by column: position i holds the change that took `versions[i]`, the obligation's state at
 * that version spread over one array per field. A position is current until its obligation changes again
 * (or its tombstone is forgotten). A page of a full sync is then a few array slices: reading a million
 * obligation objects scattered over the heap is what made the simulator, not the terminal, the bottleneck.
 */
export function createChangeLog<E extends Logged>() {
  let versions: number[] = [];
  let current: number[] = []; // 1 current, 0 superseded
  let deleted: number[] = []; // 1 tombstone, 0 upsert
  let reasons: (CentralTombstone['reason'] | undefined)[] = [];
  let owners: E[] = [];
  let columns = emptyColumns();

  function emptyColumns(): Record<Column, unknown[]> {
    return Object.fromEntries(COLUMNS.map((name) => [name, []])) as unknown as Record<Column, unknown[]>;
  }

  function empty(): void {
    versions = [];
    current = [];
    deleted = [];
    reasons = [];
    owners = [];
    columns = emptyColumns();
  }

  function push(owner: E, version: number, state: CentralObligation | null, id: string, reason?: CentralTombstone['reason']): void {
    owner.logIndex = versions.length;
    versions.push(version);
    current.push(1);
    deleted.push(state ? 0 : 1);
    reasons.push(reason);
    owners.push(owner);
    for (const name of COLUMNS) columns[name].push(state ? state[name] : name === 'id' ? id : null);
  }

  return {
    get length(): number {
      return versions.length;
    },
    /** The first position whose version is above `version`. */
    after(version: number): number {
      let lo = 0;
      let hi = versions.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((versions[mid] as number) <= version) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    /** Records a change of `owner` (an upsert with its state, or a tombstone), superseding its previous one. */
    append(owner: E, version: number, state: CentralObligation | null, id: string, reason?: CentralTombstone['reason']): void {
      if (owner.logIndex >= 0) current[owner.logIndex] = 0;
      push(owner, version, state, id, reason);
    },
    /** The owner's latest change no longer counts (a forgotten tombstone). */
    retire(owner: E): void {
      current[owner.logIndex] = 0;
    },
    /** Drops superseded positions; owners learn their new positions. */
    compact(): void {
      const old = { versions, current, deleted, reasons, owners, columns };
      empty();
      for (let i = 0; i < old.versions.length; i++) {
        if (!old.current[i]) continue;
        const owner = old.owners[i] as E;
        owner.logIndex = versions.length;
        versions.push(old.versions[i] as number);
        current.push(1);
        deleted.push(old.deleted[i] as number);
        reasons.push(old.reasons[i]);
        owners.push(owner);
        for (const name of COLUMNS) columns[name].push(old.columns[name][i]);
      }
    },
    clear(): void {
      empty();
    },
    /**
     * Up to `limit` current changes from position `start`: the upserts by column, the tombstones, the version
     * of the last position looked at (superseded ones included) and the position after it.
     */
    read(start: number, limit: number) {
      const runs: [number, number][] = [];
      const deletes: TombstoneColumns = { id: [], version: [], reason: [] };
      let i = start;
      let taken = 0;
      while (i < versions.length && taken < limit) {
        if (!current[i]) {
          i++;
        } else if (deleted[i]) {
          deletes.id.push(columns.id[i] as string);
          deletes.version.push(versions[i] as number);
          deletes.reason.push(reasons[i] ?? 'withdrawn');
          taken++;
          i++;
        } else {
          const from = i;
          while (i < versions.length && taken < limit && current[i] && !deleted[i]) {
            i++;
            taken++;
          }
          runs.push([from, i]);
        }
      }
      const slice = (name: Column) => {
        const [only] = runs;
        return runs.length === 1 && only ? columns[name].slice(only[0], only[1]) : runs.flatMap(([a, b]) => columns[name].slice(a, b));
      };
      const upserts = Object.fromEntries(COLUMNS.map((name) => [name, slice(name)])) as unknown as ObligationColumns;
      return { upserts, deletes, lastVersion: i > start ? (versions[i - 1] as number) : undefined, next: i };
    },
  };
}
