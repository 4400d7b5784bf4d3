/**
 * The Candidates list's read (issue 13): the evidence counts come from the
 * stored list figures, so drawing the list reads no evidence row at all
 * (it used to walk all 30,000 evidence rows of a 3,000-candidate cycle).
 * Every request that reaches IndexedDB is counted per table by a Dexie
 * middleware; the counts shown are checked against the sample's evidence.
 */
import Dexie, { liveQuery, type DBCore } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { candidateListData } from '../../../renderer/db/candidate-list';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';

/** Requests per table since the last reset: every read and write the database core sees. */
const requests = new Map<string, number>();
/** Transactions opened since the last reset (their stores, sorted). */
const transactions: string[][] = [];
function countRequests(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'count-requests',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction: (stores, mode, options) => {
          transactions.push([...stores].sort());
          return down.transaction(stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          const bump = () => requests.set(name, (requests.get(name) ?? 0) + 1);
          return {
            ...table,
            get: (req) => (bump(), table.get(req)),
            getMany: (req) => (bump(), table.getMany(req)),
            query: (req) => (bump(), table.query(req)),
            openCursor: (req) => (bump(), table.openCursor(req)),
            count: (req) => (bump(), table.count(req)),
          };
        },
      };
    },
  });
}

const sample = generateSampleCycle(ic0M3Levels, { seed: 13, candidates: 12 });
const db = new LevelsetDatabase('candidate-list-reads');

beforeAll(async () => {
  countRequests(db);
  await db.open();
  await c.loadSampleCycle(db, sample, '2026-11-01T09:00:00.000Z');
});
afterAll(async () => {
  db.close();
  await Dexie.delete('candidate-list-reads');
});

describe('Candidates list read', () => {
  it('reads no evidence row, one bulk read each of candidates and their stored figures', async () => {
    requests.clear();
    const data = await candidateListData(db, sample.cycle.id);
    expect(requests.get('evidence') ?? 0).toBe(0);
    expect(requests.get('candidates')).toBe(1);
    expect(requests.get('candidateStats')).toBe(1);
    expect(data.candidates.map((x) => x.id).sort()).toEqual(sample.candidates.map((x) => x.id).sort());
    for (const candidate of sample.candidates) {
      const logged = sample.evidence.filter((e) => e.candidateId === candidate.id).length;
      expect(data.counts.get(candidate.id), candidate.name).toBe(logged);
    }
    expect([...data.counts.values()].some((n) => n > 0)).toBe(true);
  });

  it('shows a new evidence item in the count after the write, still without reading evidence', async () => {
    const candidate = sample.candidates[0]!;
    const before = (await candidateListData(db, sample.cycle.id)).counts.get(candidate.id) ?? 0;
    const criterion = sample.framework.criteria.find((x) => x.levelId === candidate.targetLevelId)!;
    const item = sample.evidence.find((e) => e.candidateId === candidate.id)!;
    await c.addEvidence(
      db,
      candidate.id,
      { title: 'Led the incident review', description: '', date: sample.cycle.evidenceFrom, kind: item.kind, source: item.source, links: [], criterionIds: [criterion.id] },
      '2026-11-02T09:00:00.000Z',
    );
    requests.clear();
    const after = await candidateListData(db, sample.cycle.id);
    expect(after.counts.get(candidate.id)).toBe(before + 1);
    expect(requests.get('evidence') ?? 0).toBe(0);
  });

  it('reads in ONE read-only transaction inside a live query, so Dexie hands the list its rows without a deep copy', async () => {
    // (issue 13: outside an explicit transaction a live query's results go through Dexie's cache, which copies every
    // row object by object; the Packets list's profile showed it as a third of the navigation time.)
    transactions.length = 0;
    const first = await new Promise<Awaited<ReturnType<typeof candidateListData>>>((resolve, reject) => {
      const subscription = liveQuery(() => candidateListData(db, sample.cycle.id)).subscribe({
        next: (value) => {
          subscription.unsubscribe();
          resolve(value);
        },
        error: reject,
      });
    });
    expect(first.candidates).toHaveLength(sample.candidates.length);
    expect(transactions).toEqual([['candidateStats', 'candidates']]);
  });
});
