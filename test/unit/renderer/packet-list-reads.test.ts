/**
 * The Packets list's read (issue 13), shaped for the view: one indexed
 * getAll each of candidates and their stored list figures, the same for 6
 * packets as for 24, inside ONE read-only transaction, and no coverage or
 * packet row: readiness and each candidate's current packet (id, target
 * level, status, revision) come from the figures the write path keeps
 * (reading and copying 40,000 coverage rows was most of the list's time, and
 * then the packet rows, with their assessments and snapshots, were most of
 * the bytes it read). The single transaction is what
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
import { currentPacket, currentPacketByCandidate } from '../../../shared/rules/current-packet';
import { readiness } from '../../../shared/rules/readiness';
import { countReads } from '../../fixtures/db/idb-requests';
import { storedRows } from '../../fixtures/db/coverage-rows';

const AT = '2026-11-01T09:00:00.000Z';
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
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
  it('makes the same two indexed reads for 6 packets as for 24, none of packets or coverage, in one read-only transaction', async () => {
    const shapes = [];
    for (const n of [6, 24]) {
      const { db, sample } = await seeded(n);
      const stopCounting = countReads();
      opened.set(db, []);
      const live = watch(db, sample.cycle.id);
      const result = await live.answer(1);
      live.stop();
      const transactions = opened.get(db);
      const requests = stopCounting();
      // Each candidate's current packet (the shared rule over the records), as the list shows it.
      const current = [...currentPacketByCandidate(sample.packets).values()].map((p) => ({ id: p.id, candidateId: p.candidateId, targetLevelId: p.targetLevelId, status: p.status, revision: p.revision, submittedAt: p.submittedAt }));
      expect(current.length).toBeGreaterThan(n / 2);
      expect([...result.packets].sort(byId)).toEqual(current.sort(byId));
      expect(result.candidates).toHaveLength(n);
      shapes.push({ requests: Object.fromEntries(requests), transactions });
    }
    expect(shapes[0]).toEqual(shapes[1]);
    expect(shapes[0]!.requests).toEqual({ candidates: 1, candidateStats: 1 });
    expect(shapes[0]!.transactions).toEqual([['candidateStats', 'candidates']]);
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
    const coverage = await storedRows(db, { packetId: draft.id });
    const sustained = coverage.filter((r) => r.sustained).length;
    let latest = await live.answer(2);
    for (let n = 3; latest.readiness.get(draft.candidateId)?.ready !== sustained; n++) latest = await live.answer(n);
    live.stop();
    expect(latest.readiness.get(draft.candidateId)).toMatchObject({ packetId: draft.id, ready: sustained, total: criteria.length });
  });

  it('answers again with the new revision after a submitted packet is reopened', async () => {
    const { db, sample } = await seeded(6);
    const submitted = [...currentPacketByCandidate(sample.packets).values()].find((p) => p.status === 'submitted')!;
    const live = watch(db, sample.cycle.id);
    const first = await live.answer(1);
    expect(first.packets.find((p) => p.candidateId === submitted.candidateId)).toMatchObject({ id: submitted.id, status: 'submitted' });
    const next = await c.reopenPacket(db, submitted.id, AT);
    let n = 2;
    let latest = await live.answer(n);
    while (latest.packets.find((p) => p.candidateId === submitted.candidateId)?.id !== next.id) latest = await live.answer(++n);
    live.stop();
    expect(latest.packets.find((p) => p.candidateId === submitted.candidateId)).toEqual({ id: next.id, candidateId: submitted.candidateId, targetLevelId: next.targetLevelId, status: 'draft', revision: submitted.revision + 1, submittedAt: null });
  });
});
