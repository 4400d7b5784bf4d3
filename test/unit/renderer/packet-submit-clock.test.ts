/**
 * A draft submitted after the machine's clock went back (behind the draft's
 * creation or last edit) is still submitted: like decisions
 * (renderer/db/sessions.ts saveDecision) and the audit trail, its times
 * never go back, so the submission is dated no earlier than the draft it
 * submits. Before, the packet schema's "submitted not before created" check
 * refused the write and the manager could not submit until the clock caught up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { packetChecks } from '../../../shared/packets/checks';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { verifyAudit } from '../../../renderer/db/audit';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { acknowledgeCheck, submit } from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';

let db: LevelsetDatabase;
let counter = 0;
let sample: SampleCycle;

beforeEach(async () => {
  db = new LevelsetDatabase(`packet-submit-clock-${++counter}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
  await loadSampleCycle(db, sample);
});
afterEach(async () => {
  await db.delete();
});

/** A sample draft with every warning acknowledged at `at`, so it can be submitted. */
async function submittableDraft(at: string) {
  const packet = sample.packets.find((p) => p.status === 'draft');
  if (!packet) throw new Error('the sample has no draft');
  const candidate = sample.candidates.find((c) => c.id === packet.candidateId)!;
  const checks = packetChecks({ framework: sample.framework, cycle: sample.cycle, candidate, packet, evidence: sample.evidence, showDate: (date) => date });
  if (checks.some((c) => c.severity === 'blocker')) throw new Error('the sample draft has blockers');
  for (const w of checks.filter((c) => c.severity === 'warning')) await acknowledgeCheck(db, packet.id, w.id, at);
  return (await db.packets.get(packet.id))!;
}

describe('a packet submitted after the clock went back', () => {
  it('is submitted, dated no earlier than the draft’s creation and last edit', async () => {
    const edited = '2099-06-01T12:00:00.000Z';
    const draft = await submittableDraft(edited);
    // The clock now reads a year before the draft was created.
    const behind = '2025-01-01T00:00:00.000Z';
    expect(Date.parse(behind)).toBeLessThan(Date.parse(draft.createdAt));
    const submitted = await submit(db, draft.id, behind);
    const latest = [draft.createdAt, draft.updatedAt].sort().at(-1)!;
    expect(latest).toBe(edited);
    expect(submitted).toMatchObject({ status: 'submitted', createdAt: draft.createdAt, submittedAt: edited, updatedAt: edited });
    expect(submitted.snapshot?.takenAt).toBe(edited);
    expect(await db.packets.get(draft.id)).toEqual(submitted);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('keeps the time given when the clock moved on', async () => {
    const draft = await submittableDraft('2026-10-05T10:00:00.000Z');
    const later = '2099-01-01T00:00:00.000Z';
    const submitted = await submit(db, draft.id, later);
    expect(submitted).toMatchObject({ submittedAt: later, updatedAt: later });
    expect(submitted.snapshot?.takenAt).toBe(later);
  });
});
