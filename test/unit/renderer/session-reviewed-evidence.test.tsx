// @vitest-environment jsdom
/**
 * The evidence a live session's review and side by side show is the evidence
 * of the packet it reviews: a submitted revision's snapshot, what the
 * manager gave the committee (and what finalizing keeps). Before, it was the
 * candidate's live log, so an item added after the submission showed in the
 * review while the criteria beside it (computed from the snapshot) did not
 * count it, and it vanished from the screen once the session was finalized.
 * A draft (a session that takes drafts) still shows the live log.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db } from '../../../renderer/db/database';
import { loadSessionData, useEvidenceOf } from '../../../renderer/db/session-hooks';

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 30 });
const submitted = sample.packets.find((p) => p.status === 'submitted' && (p.snapshot?.evidence.length ?? 0) > 0)!;
const draft = sample.packets.find((p) => p.status === 'draft' && p.targetLevelId !== null)!;

beforeAll(async () => {
  await db.delete();
  await db.open();
  await commands.loadSampleCycle(db, sample);
}, 60_000);
afterAll(() => db.delete());

const lateItem = (candidateId: string, title: string) => {
  const targetLevelId = sample.candidates.find((c) => c.id === candidateId)!.targetLevelId;
  const criterion = ic0M3Levels.criteria.find((c) => c.levelId === targetLevelId)!;
  return commands.addEvidence(db, candidateId, { title, description: 'Logged after the packet was submitted.', date: sample.cycle.evidenceTo, kind: 'project', source: 'manager', links: [], criterionIds: [criterion.id] }, AT);
};

describe('the evidence a live session shows', { timeout: 60_000 }, () => {
  it('is the submitted snapshot’s, not items logged after the submission; a draft shows its live log', async () => {
    expect(submitted).toBeDefined();
    expect(draft).toBeDefined();
    await lateItem(submitted.candidateId, 'Added after submission');
    await lateItem(draft.candidateId, 'Added to the draft');
    const session = await commands.createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [submitted.candidateId, draft.candidateId], orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      AT,
    );
    const data = (await loadSessionData(db, session.id))!;
    const { result } = renderHook(() => useEvidenceOf(data, [submitted.candidateId, draft.candidateId]));
    await waitFor(() => expect(result.current).toBeDefined(), { timeout: 15_000 });
    const shown = result.current!;
    const titles = (id: string) => (shown.get(id) ?? []).map((e) => e.title).sort();
    expect(titles(submitted.candidateId)).toEqual(submitted.snapshot!.evidence.map((e) => e.title).sort());
    expect(titles(submitted.candidateId)).not.toContain('Added after submission');
    expect(titles(draft.candidateId)).toContain('Added to the draft');
  });
});
