/**
 * A fresh database with a three-candidate sample cycle and one session of its
 * first candidate, chaired by Morgan Ellis alone: what the vote cell tests
 * start from (vote-confirm-on-commit, vote-keyboard).
 */
import { withSessionDefaults } from '../../../shared/calibration/session-record';
import type { SessionRow } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession } from '../../../renderer/db/sessions';

export const AT = '2026-11-20T10:00:00.000Z';
export const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
export const candidate = sample.candidates[0]!;

export async function oneMemberSession(): Promise<SessionRow> {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  const created = await createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [candidate.id], orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
  return withSessionDefaults(created);
}
