/**
 * The Packets list's read (issue 13), shaped for the view: one indexed
 * getAll each of packets, candidates and coverage, the same for 6 packets as
 * for 24, inside ONE read-only transaction. The single transaction is what
 * keeps Dexie's live-query cache from deep-copying every row it hands the
 * list (1,000 packets and 40,000 coverage rows at the benchmark's size, a
 * third of the navigation time in the profile); the live query must still
 * answer again after a write.
 */
import Dexie, { liveQuery, type DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { packetListData, type PacketListData } from '../../../renderer/db/packet-list';
import { countRequests } from './idb-requests';

const AT = '2026-11-01T09:00:00.000Z';
const dbs: LevelsetDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function seeded(candidates: number) {
  const db = new LevelsetDatabase(`packet-list-reads-${candidates}`);
  dbs.push(db);
  countTransactions(db);
  await db.open();
  const sample = generateSampleCycle(ic0M3Levels, { seed: 7, candidates });
  await c.loadSampleCycle(db, sample, AT);
  return { db, sample };
}

/** Transactions the database opens (stores, sorted), from a Dexie core middleware installed before it opens. */
const opened = new Map<LevelsetDatabase, string[][]>();
function countTransactions(db: LevelsetDatabase): void {
  opened.set(db, []);
  db.use({
    stack: 'dbcore',
    name: 'count-transactions',
    create: (down: DBCore): DBCore => ({
      ...down,
      transaction: (stores, mode, options) => {
        opened.get(db)!.push([...stores].sort());
        return down.transaction(stores, mode, options);
      },
    }),
  });
}

/** The live query's first answer, and a way to wait for the next one. */
function watch(db: LevelsetDatabase, cycleId: string) {
  const answers: PacketListData[] = [];
  let wake: (() => void) | null = null;
  const subscription = liveQuery(() => packetListData(db, cycleId)).subscribe({
    next: (value) => {
      answers.push(value);
      wake?.();
    },
    error: (e) => {
      throw e;
    },
  });
  const answer = async (n: number) => {
    while (answers.length < n) await new Promise<void>((resolve) => (wake = resolve));
    return answers[n - 1]!;
  };
  return { answer, stop: () => subscription.unsubscribe() };
}

describe('Packets list read', () => {
  it('makes the same three indexed reads for 6 packets as for 24, in one read-only transaction', async () => {
    const shapes = [];
    for (const n of [6, 24]) {
      const { db, sample } = await seeded(n);
      const stopCounting = countRequests();
      opened.set(db, []);
      const live = watch(db, sample.cycle.id);
      const result = await live.answer(1);
      live.stop();
      const transactions = opened.get(db);
      const requests = stopCounting();
      expect(result.packets).toHaveLength(sample.packets.length);
      expect(result.candidates).toHaveLength(n);
      shapes.push({ requests: Object.fromEntries(requests), transactions });
    }
    expect(shapes[0]).toEqual(shapes[1]);
    expect(shapes[0]!.requests).toEqual({ packets: 1, candidates: 1, coverage: 1 });
    expect(shapes[0]!.transactions).toEqual([['candidates', 'coverage', 'packets']]);
  });

  it('answers again with the new coverage after a packet is assessed', async () => {
    const { db, sample } = await seeded(6);
    const draft = sample.packets.find((p) => p.status === 'draft' && p.targetLevelId !== null)!;
    const criterion = sample.framework.criteria.find((x) => x.levelId === draft.targetLevelId)!;
    const live = watch(db, sample.cycle.id);
    const first = await live.answer(1);
    const before = first.coverage.find((r) => r.packetId === draft.id && r.criterionId === criterion.id);
    const rating = before?.rating === 'consistently' ? 'partially' : 'consistently';
    await c.setAssessment(db, draft.id, criterion.id, rating, undefined, AT);
    let latest = await live.answer(2);
    for (let n = 3; latest.coverage.find((r) => r.packetId === draft.id && r.criterionId === criterion.id)?.rating !== rating; n++) latest = await live.answer(n);
    live.stop();
    expect(latest.coverage.find((r) => r.packetId === draft.id && r.criterionId === criterion.id)?.rating).toBe(rating);
  });
});
