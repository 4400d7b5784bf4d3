/**
 * The Packets list's read (issue 13), shaped for the view: one indexed
 * getAll each of packets, candidates and their stored list figures, the same
 * for 6 packets as for 24, inside ONE read-only transaction, and no coverage
 * row: readiness comes from the figures the write path keeps (reading and
 * copying 40,000 coverage rows was most of what was left of the list's time). The single transaction is what
 * keeps Dexie's live-query cache from deep-copying every row it hands the
 * list (1,000 packets and, then, 40,000 coverage rows at the benchmark's
 * size, a third of the navigation time in the profile); the live query must still
 * answer again after a write.
 */
import Dexie, { liveQuery, type DBCore } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { packetListData, type PacketListData } from '../../../renderer/db/packet-list';
import { packetListRows } from '../../../shared/packets/packet-list';
import { criterionCoverage } from '../../../shared/packets/coverage';
import { packetEvidence } from '../../../shared/packets/snapshot';
import { currentPacket } from '../../../shared/rules/current-packet';
import { readiness } from '../../../shared/rules/readiness';
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
  it('makes the same three indexed reads for 6 packets as for 24, none of coverage, in one read-only transaction', async () => {
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
    expect(shapes[0]!.requests).toEqual({ packets: 1, candidates: 1, candidateStats: 1 });
    expect(shapes[0]!.transactions).toEqual([['candidateStats', 'candidates', 'packets']]);
  });

  it('shows each packet the readiness the packet builder computes from its evidence', async () => {
    const { db, sample } = await seeded(12);
    const data = await packetListData(db, sample.cycle.id);
    const rows = packetListRows({ framework: sample.framework, packets: data.packets, candidates: data.candidates, readiness: data.readiness, includeArchived: true });
    const window = { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo };
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const packet = currentPacket(sample.packets.filter((p) => p.candidateId === row.packet.candidateId))!;
      const evidence = packetEvidence(packet, sample.evidence.filter((e) => e.candidateId === packet.candidateId));
      const { ready, total } = readiness(criterionCoverage(sample.framework, packet, evidence, window));
      expect({ id: row.packet.id, ready: row.readiness.ready, total: row.readiness.total }).toEqual({ id: packet.id, ready, total });
    }
    expect(new Set(rows.map((r) => r.readiness.ready)).size).toBeGreaterThan(1);
  });

  it('answers again with the new readiness after a packet is assessed', async () => {
    const { db, sample } = await seeded(6);
    const draft = sample.packets.find((p) => p.status === 'draft' && p.targetLevelId !== null)!;
    const criteria = sample.framework.criteria.filter((x) => x.levelId === draft.targetLevelId);
    const live = watch(db, sample.cycle.id);
    const first = await live.answer(1);
    const before = first.readiness.get(draft.candidateId)!;
    expect(before).toMatchObject({ packetId: draft.id, total: criteria.length });
    // Every criterion rated "consistently": readiness becomes the number of criteria with sustained evidence, at most all.
    for (const criterion of criteria) await c.setAssessment(db, draft.id, criterion.id, 'consistently', undefined, AT);
    const coverage = await db.coverage.where('packetId').equals(draft.id).toArray();
    const sustained = coverage.filter((r) => r.sustained).length;
    let latest = await live.answer(2);
    for (let n = 3; latest.readiness.get(draft.candidateId)?.ready !== sustained; n++) latest = await live.answer(n);
    live.stop();
    expect(latest.readiness.get(draft.candidateId)).toMatchObject({ packetId: draft.id, ready: sustained, total: criteria.length });
  });
});
