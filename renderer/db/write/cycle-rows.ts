/**
 * A cycle's rows of one big table, read in pages: one `getAll` of at most
 * `page` rows on the [cycleId+id] index per request, each resuming after the
 * last id read. One `getAll` of a 3,000-candidate cycle's evidence or
 * packets (12–15 MB) is copied out of IndexedDB in a single main-thread
 * task of 150–300 ms; pages keep every task short for a few more requests.
 *
 * Reads are memoised per command (`CycleReads`), so the coverage refresh and
 * the list figures of the same command (coverage.ts, candidate-stats.ts)
 * read a cycle's evidence once, not twice.
 */
import Dexie, { type Table } from 'dexie';
import type { LevelsetDatabase } from '../database';

/**
 * A command reads a cycle whole (paged, below) when at least this share of its candidates is affected; below it,
 * reading each affected candidate's rows by index reads fewer rows. One rule for the coverage and the list figures.
 */
export const WHOLE_CYCLE_SHARE = 1 / 8;

/** Rows per page: about 1 MB of the largest rows (a packet with its snapshot is ~5 KB; evidence ~0.4 KB). */
export const CYCLE_PAGE_ROWS = { candidates: 1000, evidence: 2000, packets: 200 } as const;
export type PagedTable = keyof typeof CYCLE_PAGE_ROWS;

/** Every row of `table` in cycle `cycleId`, in id order, read `page` rows at a time. */
export async function readCyclePaged<T extends { id: string }>(table: Table<T, string>, cycleId: string, page: number): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: T[] = await table
      .where('[cycleId+id]')
      .between([cycleId, after ?? Dexie.minKey], [cycleId, Dexie.maxKey], after === null, true)
      .limit(page)
      .toArray();
    for (const row of rows) out.push(row);
    if (rows.length < page) return out;
    after = rows[rows.length - 1]!.id;
  }
}

type RowsOf<K extends PagedTable> = LevelsetDatabase[K] extends Table<infer T, string> ? T : never;

/** A row the command itself stored, as stored (run-command.ts WriteContext), or undefined. */
export type WrittenRow = (table: PagedTable, id: string) => { id: string } | undefined;

/**
 * The paged reads of one command, each table and cycle read once. When every
 * row of the cycle is one the command itself stored (an import into a new
 * cycle), the rows are taken from the command, not read back: only the
 * cycle's keys are read, which copies no row (about half a second of a
 * 1,000-candidate import re-read the 12,000 rows it had just written).
 */
export class CycleReads {
  private readonly reads = new Map<string, Promise<unknown[]>>();
  constructor(
    private readonly db: LevelsetDatabase,
    private readonly written: WrittenRow = () => undefined,
  ) {}

  rows<K extends PagedTable>(table: K, cycleId: string): Promise<Array<RowsOf<K>>> {
    const key = `${table}\u0000${cycleId}`;
    let read = this.reads.get(key);
    if (!read) this.reads.set(key, (read = this.read(table, cycleId)));
    return read as Promise<Array<RowsOf<K>>>;
  }

  private read(table: PagedTable, cycleId: string): Promise<unknown[]> {
    const store = this.db[table] as unknown as Table<{ id: string }, string>;
    // Dexie's own promise chain, not a native async function: two of these run in parallel in one transaction, and a
    // native await before another async read loses Dexie's transaction zone (PrematureCommitError).
    return store
      .where('[cycleId+id]')
      .between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey])
      .primaryKeys()
      .then((keys) => {
        const known: Array<{ id: string }> = [];
        for (const id of keys as string[]) {
          const row = this.written(table, id);
          if (!row) return readCyclePaged(store, cycleId, CYCLE_PAGE_ROWS[table]);
          known.push(row);
        }
        return known;
      });
  }
}
