/**
 * Starting the next revision from edits a bundle import kept beside a
 * submission: the submission is kept (superseded, its snapshot intact), the
 * new draft carries the kept summary, "not yet doing" and assessments, the
 * kept copy stays as it was, and the command is audited like every write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Packet } from '../../../shared/domain/packet';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { auditFor, verifyAudit } from '../../../renderer/db/audit';
import { commandRegistry } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { currentPacket, packetHistory, PacketWriteError } from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { runCommand } from '../../../renderer/db/write/run-command';
import { storedRows } from '../../fixtures/db/coverage-rows';

let db: LevelsetDatabase;
let counter = 0;
let sample: SampleCycle;
let submitted: Packet;
let kept: Packet;

const T1 = '2026-10-05T10:00:00.000Z';
const T2 = '2026-10-06T10:00:00.000Z';

beforeEach(async () => {
  db = new LevelsetDatabase(`packet-kept-edits-${++counter}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
  await loadSampleCycle(db, sample);
  submitted = sample.packets.find((p) => p.status === 'submitted' && Object.keys(p.assessments).length > 0)!;
  const criterionId = Object.keys(submitted.assessments)[0]!;
  // What a bundle import keeps: a superseded copy of the unsent draft, naming the submission it lost to.
  kept = {
    ...submitted,
    id: `${submitted.id}-kept`,
    status: 'superseded',
    submittedAt: null,
    snapshot: null,
    conflictOf: submitted.id,
    summary: 'Kept: led the on-call redesign across three teams.',
    notYetDoing: 'Kept: not yet setting direction for the group.',
    assessments: { ...submitted.assessments, [criterionId]: { rating: 'not-yet', note: 'Kept note.' } },
    updatedAt: T1,
  };
  await runCommand(db, { name: 'import bundle', at: T1 }, async (ctx) => {
    await ctx.put('packets', kept);
  });
});
afterEach(async () => {
  await db.delete();
});

describe('reopenWithKeptEdits', () => {
  it('starts the next revision from the kept edits and keeps the submission as it was submitted', async () => {
    const next = await commandRegistry.reopenWithKeptEdits(db, submitted.id, kept.id, T2);
    expect(next).toMatchObject({
      revision: submitted.revision + 1,
      parentId: submitted.id,
      status: 'draft',
      submittedAt: null,
      snapshot: null,
      summary: kept.summary,
      notYetDoing: kept.notYetDoing,
      assessments: kept.assessments,
      targetLevelId: submitted.targetLevelId,
      createdAt: T2,
    });
    expect(next.conflictOf).toBeUndefined();
    expect(await db.packets.get(submitted.id)).toEqual({ ...submitted, status: 'superseded', updatedAt: T2 });
    expect(await db.packets.get(kept.id)).toEqual(kept);
    expect((await currentPacket(db, submitted.candidateId))?.id).toBe(next.id);
    expect((await packetHistory(db, submitted.candidateId)).map((p) => `${p.revision}:${p.status}${p.conflictOf ? ':kept' : ''}`)).toEqual([
      `${submitted.revision + 1}:draft`,
      `${submitted.revision}:superseded`,
      `${submitted.revision}:superseded:kept`,
    ]);
    // Coverage follows the new draft, with the kept assessments.
    const rows = await storedRows(db, { candidateId: submitted.candidateId });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.packetId === next.id)).toBe(true);

    const trail = await auditFor(db, [submitted.id]);
    expect(trail.at(-1)?.action).toBe('reopen packet with kept edits');
    expect(trail.at(-1)?.after).toEqual({ newPacketId: next.id, revision: submitted.revision + 1, fromKeptEdits: kept.id });
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('refuses edits kept beside another revision or another candidate’s packet, and a revision already reopened, and writes nothing', async () => {
    const otherCandidates = sample.packets.find((p) => p.candidateId !== submitted.candidateId)!;
    const notBeside = { ...kept, id: `${kept.id}-2`, conflictOf: otherCandidates.id };
    await runCommand(db, { name: 'import bundle', at: T1 }, async (ctx) => {
      await ctx.put('packets', notBeside);
    });
    const before = await db.packets.toArray();
    await expect(commandRegistry.reopenWithKeptEdits(db, submitted.id, notBeside.id, T2)).rejects.toBeInstanceOf(PacketWriteError);
    await expect(commandRegistry.reopenWithKeptEdits(db, submitted.id, notBeside.id, T2)).rejects.toThrow(/Those edits were not kept beside revision 1\./);
    await expect(commandRegistry.reopenWithKeptEdits(db, submitted.id, otherCandidates.id, T2)).rejects.toThrow(/another candidate’s packet/);
    await expect(commandRegistry.reopenWithKeptEdits(db, submitted.id, 'nothing', T2)).rejects.toThrow(/No packet/);
    expect(await db.packets.toArray()).toEqual(before);

    await commandRegistry.reopenWithKeptEdits(db, submitted.id, kept.id, T2);
    await expect(commandRegistry.reopenWithKeptEdits(db, submitted.id, kept.id, T2)).rejects.toThrow(/already been superseded/);
  });
});
