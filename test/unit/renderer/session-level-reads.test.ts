/**
 * A session's base reads the coverage of the levels its candidates' current
 * packets are at, not the whole cycle's (issue 13: a 1,000-candidate session
 * of a 3,000-candidate cycle read and deserialised three times the rows it
 * shows), and no packet row at all: each current packet's head comes from
 * the stored figures (the text of the one on screen is read when shown). It
 * shows exactly what a read of the whole cycle shows: a candidate whose
 * target level changed after their packet was submitted still shows that
 * packet and its coverage, and without the stored figures that name the
 * levels the cycle is read as before.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSessionDefaults } from '../../../shared/calibration/session-record';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { unpackAll } from '../../../shared/packets/stored-coverage';
import { currentPacketByCandidate } from '../../../shared/rules/current-packet';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { assembleSession } from '../../../renderer/db/session-assembly';
import { loadSessionData } from '../../../renderer/db/session-hooks';
import { readSessionBaseRows } from '../../../renderer/db/session-rows';

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 40 });
let db: LevelsetDatabase;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`session-level-reads-${++n}`);
  await db.open();
  await commands.loadSampleCycle(db, sample);
});
afterEach(() => db.delete());

/** A session of the candidates whose current packet targets the busiest level, and that level. */
async function oneLevelSession() {
  const current = currentPacketByCandidate(sample.packets);
  const count = new Map<string, number>();
  for (const p of current.values()) if (p.targetLevelId) count.set(p.targetLevelId, (count.get(p.targetLevelId) ?? 0) + 1);
  const level = [...count].sort((a, b) => b[1] - a[1])[0]![0];
  const ids = sample.candidates.filter((c) => current.get(c.id)?.targetLevelId === level).map((c) => c.id);
  expect(count.size).toBeGreaterThan(1);
  const session = await commands.createSession(
    db,
    { cycleId: sample.cycle.id, name: 'One level', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: ids, orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    AT,
  );
  return { session: withSessionDefaults(session), level, ids };
}

/** What the session shows when assembled from the whole cycle's rows (the read before this change). */
async function fromWholeCycle(sessionId: string) {
  const session = withSessionDefaults((await db.sessions.get(sessionId))!);
  const cycleId = session.cycleId;
  const [cycle, cycleCandidates, stored, packets] = await Promise.all([
    db.cycles.get(cycleId),
    db.candidates.where('cycleId').equals(cycleId).toArray(),
    db.coverage.where('[cycleId+targetLevelId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray(),
    db.packets.where('cycleId').equals(cycleId).toArray(),
  ]);
  const framework = (await db.frameworks.get(cycle!.frameworkVersionId))!;
  return assembleSession({ session, cycle: cycle!, framework, cycleCandidates, coverage: unpackAll(stored), packets, votes: [], decisions: [] });
}

async function expectSameAsWholeCycle(sessionId: string) {
  const [data, reference] = await Promise.all([loadSessionData(db, sessionId), fromWholeCycle(sessionId)]);
  expect(data!.candidates).toEqual(reference.candidates);
  expect(data!.packets).toEqual(reference.packets);
  expect(data!.coverage).toEqual(reference.coverage);
  return data!;
}

describe('a session’s base read', () => {
  it('reads only the coverage and packets of its level, and shows what the whole cycle’s rows show', async () => {
    const { session, level, ids } = await oneLevelSession();
    const rows = await readSessionBaseRows(db, session);
    expect(rows.coverage.length).toBeGreaterThan(0);
    expect(new Set(rows.coverage.map((r) => r.targetLevelId))).toEqual(new Set([level]));
    // No packet row read: the heads are the stored figures'.
    const packetReads: string[] = [];
    db.packets.hook('reading', (row) => (packetReads.push(row.id), row));
    await readSessionBaseRows(db, session);
    expect(packetReads).toEqual([]);
    // Every candidate of the cycle still comes (a blind session withholds the others' names), with their current packet.
    expect(rows.cycleCandidates).toHaveLength(sample.candidates.length);
    expect(rows.cyclePackets).toHaveLength(currentPacketByCandidate(sample.packets).size);
    const data = await expectSameAsWholeCycle(session.id);
    expect(data.packets).toHaveLength(ids.length);
  });

  it('still shows the packet of a candidate whose target level moved after they submitted', async () => {
    const { session, level } = await oneLevelSession();
    const submitted = new Set(sample.packets.filter((p) => p.status === 'submitted').map((p) => p.candidateId));
    const candidate = sample.candidates.find((c) => session.candidateIds.includes(c.id) && submitted.has(c.id))!;
    // The app no longer saves this (a submitted packet's target changes only once it is reopened), but a bundle or
    // backup from an earlier version may carry it: written here as it would arrive.
    const other = sample.framework.levels.find((l) => l.id !== level && l.id !== candidate.currentLevelId)?.id;
    if (other) await db.candidates.update(candidate.id, { targetLevelId: other });
    expect(other).toBeDefined();
    const data = await expectSameAsWholeCycle(session.id);
    const shown = data.packets.find((p) => p.candidateId === candidate.id);
    const submittedPacket = currentPacketByCandidate(sample.packets).get(candidate.id)!;
    expect(submittedPacket.targetLevelId).toBe(level);
    expect(shown?.id).toBe(submittedPacket.id);
    expect(data.candidates.find((c) => c.id === candidate.id)?.targetLevelId).toBe(other);
  });

  it('reads the cycle’s packets when the stored figures do not name every level', async () => {
    const { session } = await oneLevelSession();
    await db.candidateStats.delete(session.candidateIds[0]!);
    const rows = await readSessionBaseRows(db, session);
    expect(rows.packets).toHaveLength(currentPacketByCandidate(sample.packets).size);
    await expectSameAsWholeCycle(session.id);
  });
});
