/**
 * The write path reads a whole cycle (an import, a framework change) in
 * pages: no single getAll copies a whole cycle's evidence or packets out of
 * IndexedDB in one main-thread task (issue 12: a 3,000-candidate import's
 * 12–15 MB reads were tasks of 150–300 ms), and the coverage refresh and
 * the list figures of one command read the cycle's evidence once, not twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CYCLE_PAGE_ROWS } from '../../../renderer/db/write/cycle-rows';
import { rebuildCoverage } from '../../../renderer/db/write/coverage';

type GetAll = { store: string; index: string | null; count: number | undefined; request: IDBRequest; stack: string | undefined };

/** The count a getAll asked for: `getAll(range, count)`, or IndexedDB 3's `getAll({ query, count })`. */
function countOf(args: unknown[]): number | undefined {
  const first = args[0];
  if (first && typeof first === 'object' && !(first instanceof IDBKeyRange) && 'count' in first) return (first as { count?: number }).count;
  return args[1] as number | undefined;
}

/** Records every getAll on a store or index, with the count asked for and (after) the rows returned. */
function recordGetAlls(): () => GetAll[] {
  const seen: GetAll[] = [];
  const originals = [IDBObjectStore.prototype.getAll, IDBIndex.prototype.getAll];
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    const request = originals[0]!.apply(this, args);
    seen.push({ store: this.name, index: null, count: countOf(args), request, stack: new Error().stack });
    return request;
  };
  IDBIndex.prototype.getAll = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
    const request = originals[1]!.apply(this, args);
    seen.push({ store: this.objectStore.name, index: this.name, count: countOf(args), request, stack: new Error().stack });
    return request;
  };
  return () => {
    IDBObjectStore.prototype.getAll = originals[0]!;
    IDBIndex.prototype.getAll = originals[1]!;
    return seen;
  };
}

let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`cycle-reads-paged-${++n}`);
  await db.open();
});
afterEach(async () => db.delete());

describe('whole-cycle reads of the write path', () => {
  it('read none of the rows of a cycle the command wrote whole (an import into a new cycle): they are the command\'s', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 250, evidencePerCandidate: 10, exactEvidence: true });
    const stop = recordGetAlls();
    let reads: GetAll[];
    try {
      await loadSampleCycle(db, sample);
    } finally {
      reads = stop();
    }
    // Before: the 2,500 evidence rows, 250 packets and 250 candidates just written were read back in pages.
    expect(reads.filter((r) => ['evidence', 'packets', 'candidates'].includes(r.store))).toEqual([]);
    const stats = await db.candidateStats.toArray();
    expect(stats).toHaveLength(250);
    expect(stats.every((s) => s.evidenceCount === 10)).toBe(true);
  });

  it('come in pages no larger than the page size, and the evidence is read once per command', async () => {
    // 250 candidates with 10 evidence items: 2,500 evidence rows, more than one page.
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 250, evidencePerCandidate: 10, exactEvidence: true });
    expect(sample.evidence.length).toBeGreaterThan(CYCLE_PAGE_ROWS.evidence);
    await loadSampleCycle(db, sample);
    await db.candidateStats.clear();
    // Rebuilding every candidate's derived rows reads the cycle whole: rows no command of this run wrote.
    const stop = recordGetAlls();
    let reads: GetAll[];
    try {
      await rebuildCoverage(db);
    } finally {
      reads = stop();
    }
    const big = reads.filter((r) => ['evidence', 'packets', 'candidates', 'coverage'].includes(r.store));
    expect(big.length).toBeGreaterThan(0);
    for (const r of big) {
      const page = CYCLE_PAGE_ROWS[r.store as keyof typeof CYCLE_PAGE_ROWS];
      expect(r.count, `${r.store}.${r.index} read without a page size, from ${r.stack}`).toBe(page);
      expect((r.request.result as unknown[]).length).toBeLessThanOrEqual(page);
    }
    // The evidence: every row read exactly once, in ceil(2,500 / 2,000) = 2 pages.
    const evidence = big.filter((r) => r.store === 'evidence');
    expect(evidence.length).toBe(Math.ceil(sample.evidence.length / CYCLE_PAGE_ROWS.evidence));
    const ids = evidence.flatMap((r) => (r.request.result as Array<{ id: string }>).map((e) => e.id));
    expect(new Set(ids).size).toBe(sample.evidence.length);
    expect(ids.length).toBe(sample.evidence.length);
    // And the figures kept from them are right: every candidate's stats count their own 10 items.
    const stats = await db.candidateStats.toArray();
    expect(stats).toHaveLength(250);
    expect(stats.every((s) => s.evidenceCount === 10)).toBe(true);
  });
});
