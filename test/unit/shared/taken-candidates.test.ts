/**
 * One decision per candidate per cycle: a new session leaves out whoever a
 * finalized session decided (Defer aside, which asks for a later session)
 * and whoever another session not yet finalized lists. Before, the new
 * session form offered a candidate decided "Not yet" in the pilot, a second
 * session decided them "Promote", and the Decisions page, the CSV and the
 * book listed both as current (found by a walkthrough helper).
 */
import { describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { deferredElsewhere, takenCandidates } from '../../../shared/rules/session-candidates';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

const session = (id: string, status: 'planned' | 'live' | 'finalized', candidateIds: string[]) => ({ id, name: `Session ${id}`, status, candidateIds });

describe('takenCandidates', () => {
  it('takes the decided of every session but the deferred, and everyone else listed in sessions not finalized', () => {
    const taken = takenCandidates(
      [session('s1', 'finalized', ['a', 'b', 'c']), session('s2', 'live', ['d']), session('s3', 'planned', ['e'])],
      [
        { sessionId: 's1', candidateId: 'a', outcome: 'promote' },
        { sessionId: 's1', candidateId: 'b', outcome: 'defer' },
        { sessionId: 's1', candidateId: 'c', outcome: 'not-yet' },
        { sessionId: 's2', candidateId: 'd', outcome: 'promote' },
      ],
    );
    expect([...taken.keys()].sort()).toEqual(['a', 'c', 'd', 'e']);
    expect(taken.get('a')).toEqual({ reason: 'decided', sessionName: 'Session s1' });
    // Decided in a live session: not offered either (a re-test was offered it, and its review refused only once written).
    expect(taken.get('d')).toEqual({ reason: 'decided', sessionName: 'Session s2' });
    expect(taken.get('e')).toEqual({ reason: 'listed', sessionName: 'Session s3' });
  });

  it('offers a deferred candidate again, until a session that is not finalized lists them', () => {
    const sessions = [session('s1', 'finalized', ['b'])];
    const deferred = [{ sessionId: 's1', candidateId: 'b', outcome: 'defer' as const }];
    expect(takenCandidates(sessions, deferred).has('b')).toBe(false);
    expect(takenCandidates([...sessions, session('s2', 'planned', ['b'])], deferred).get('b')).toEqual({ reason: 'listed', sessionName: 'Session s2' });
  });

  it('holds for the sample cycle: no candidate is in two of its sessions but one deferred in a finalized one', () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 42 });
    for (const [i, s] of sample.sessions.entries()) {
      const others = sample.sessions.filter((_, j) => j !== i);
      const taken = takenCandidates(others, sample.decisions.filter((d) => others.some((o) => o.id === d.sessionId)));
      expect(s.candidateIds.filter((id) => taken.has(id)), s.name).toEqual([]);
    }
  });
});

describe('the write path keeps to it', () => {
  it('refuses a second decision of a candidate, in whatever session lists them; Defer is no decision to keep them from another', { timeout: 60_000 }, async () => {
    const { db } = await import('../../../renderer/db/database');
    const { loadSampleCycle } = await import('../../../renderer/db/repositories');
    const { createSession, saveDecision, updateSession } = await import('../../../renderer/db/sessions');
    await db.delete();
    await db.open();
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 42 });
    await loadSampleCycle(db, sample);
    const [pilot, week1] = [sample.sessions.find((s) => s.status === 'finalized')!, sample.sessions.find((s) => s.status !== 'finalized')!];
    const decided = sample.decisions.find((d) => d.sessionId === pilot.id && d.outcome !== 'defer')!.candidateId;
    const free = sample.candidates.map((c) => c.id).find((id) => !sample.sessions.some((s) => s.candidateIds.includes(id)))!;
    const input = (candidateIds: string[]) => ({ cycleId: sample.cycle.id, name: 'Week 2', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' as const }], candidateIds, orderMode: 'by-level' as const, timeboxMinutes: 8, blind: false });
    const AT = '2026-11-20T10:00:00.000Z';

    const week2 = await createSession(db, input([free, decided]), AT);
    const pilotCandidate = sample.candidates.find((c) => c.id === decided)!;
    const pilotCriterion = sample.framework.criteria.find((k) => k.levelId === pilotCandidate.targetLevelId)!.id;
    await expect(
      saveDecision(db, { sessionId: week2.id, candidateId: decided, outcome: 'promote', newLevelId: null, rationale: 'Because.', citedCriterionIds: [pilotCriterion], nextSteps: [], dissent: '' }, AT),
    ).rejects.toThrow(`This candidate is already decided in ${pilot.name}: a candidate gets one decision per cycle.`);

    // One on week 1's list too (the form leaves them out; the write path allows the list): the second decision is refused.
    const shared = week1.candidateIds[0]!;
    await updateSession(db, week2.id, input([free, decided, shared]), AT);
    const candidate = sample.candidates.find((c) => c.id === shared)!;
    const criterion = sample.framework.criteria.find((k) => k.levelId === candidate.targetLevelId)!.id;
    const decide = (sessionId: string, outcome: 'promote' | 'defer' | 'not-yet') =>
      saveDecision(db, { sessionId, candidateId: shared, outcome, newLevelId: null, rationale: 'Because.', citedCriterionIds: [criterion], nextSteps: outcome === 'promote' ? [] : ['Lead a design review.'], dissent: '' }, AT);
    await decide(week1.id, 'defer');
    // Deferred in week 1: week 2 may decide them.
    await expect(decide(week2.id, 'promote')).resolves.toMatchObject({ outcome: 'promote' });
    // Now decided in week 2: week 1 may defer again, but not decide otherwise.
    await expect(decide(week1.id, 'not-yet')).rejects.toThrow('This candidate is already decided in Week 2: a candidate gets one decision per cycle.');
    await expect(decide(week1.id, 'defer')).resolves.toMatchObject({ outcome: 'defer' });
  });
});

describe('deferredElsewhere', () => {
  const here = { id: 'week-2', cycleId: 'cy' };
  const sessions = [
    { id: 'pilot', cycleId: 'cy', name: 'Pilot' },
    { id: 'week-1', cycleId: 'cy', name: 'Week 1' },
    { id: 'last-year', cycleId: 'other-cycle', name: 'Last year' },
  ];
  const defer = (sessionId: string, decidedAt: string, nextSteps: string[] = []) => ({ sessionId, outcome: 'defer' as const, decidedAt, nextSteps });

  it('is the latest Defer of another session of the same cycle, with its next steps', () => {
    const found = deferredElsewhere(here, [defer('pilot', '2026-10-01T10:00:00.000Z', ['Own a migration']), defer('week-1', '2026-11-01T10:00:00.000Z', ['Mentor two engineers'])], sessions);
    expect(found).toEqual({ session: sessions[1], decidedAt: '2026-11-01T10:00:00.000Z', nextSteps: ['Mentor two engineers'] });
  });

  it('leaves out this session’s own Defer, another cycle’s, and every other outcome', () => {
    expect(deferredElsewhere(here, [defer('week-2', '2026-11-02T10:00:00.000Z'), defer('last-year', '2026-01-01T10:00:00.000Z'), { ...defer('pilot', '2026-10-01T10:00:00.000Z'), outcome: 'promote' as const }], sessions)).toBeNull();
  });
});
