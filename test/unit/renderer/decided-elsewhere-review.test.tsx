// @vitest-environment jsdom
/**
 * A session that lists a candidate another session of the cycle has decided
 * (a listing made before the new-session form left such candidates out) says
 * so where the decision form was. A trial's committee was offered the whole
 * form for a candidate decided in its blind session, and only Save refused:
 * "already decided in Q4 blind committee".
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { saveDecision } from '../../../renderer/db/sessions';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { useUiStore } from '../../../renderer/state/ui-store';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { Session } from '../../../shared/domain';

configure({ asyncUtilTimeout: 20000 });
const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 9, submitAll: true });
const planned = sample.sessions.find((s) => s.status === 'planned')!;
const first = planned.candidateIds[0]!;
// A second live session listing the same first candidate, as sessions made before the rule could.
const other: Session = { ...planned, id: 'other-session', name: 'Q4 blind committee', candidateIds: [first], blind: false, createdAt: AT, updatedAt: AT };

beforeEach(async () => {
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' }, AT);
  await loadSampleCycle(db, { ...sample, sessions: [...sample.sessions, other] }, AT);
});
afterEach(() => cleanup());

async function decisionOf(sessionId: string, view: 'review' | 'present' = 'review') {
  // The first candidate's review, named: the review otherwise reopens where the last test left it (positions are kept per session).
  window.location.hash = `#/calibration/${sessionId}/${view}/${first}`;
  render(<CalibrationView params={[sessionId, view, first]} />);
  return within(await screen.findByRole('region', { name: 'Decision' }));
}

describe('the review of a candidate decided in another session', () => {
  it('says where and how they were decided, in place of a form whose save would be refused', async () => {
    await saveDecision(db, { sessionId: other.id, candidateId: first, outcome: 'promote', rationale: 'Consistent at the next level for three quarters.', newLevelId: null, citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    const decision = await decisionOf(planned.id);
    expect(await decision.findByText(/A candidate gets one decision per cycle/)).toBeTruthy();
    expect(decision.getByText('Q4 blind committee')).toBeTruthy();
    expect(decision.getByText(/: Promote\./)).toBeTruthy();
    expect(decision.queryByRole('button', { name: 'Save decision' })).toBeNull();
  });

  it('offers to take them out of this session, which could otherwise never be finalized, and says so beside Finalize', async () => {
    // A chair's trial: 7 of 12 candidates decided in another session held "Finalize" disabled for good, with no way to drop them.
    await saveDecision(db, { sessionId: other.id, candidateId: first, outcome: 'promote', rationale: 'Consistent at the next level for three quarters.', newLevelId: null, citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    const user = userEvent.setup();
    const decision = await decisionOf(planned.id);
    expect(await screen.findByText(/1 of them was decided in another session: take that candidate out of this one from their review\./)).toBeTruthy();
    await user.click(await decision.findByRole('button', { name: 'Take them out of this session' }));
    await waitFor(async () => expect((await db.sessions.get(planned.id))?.candidateIds).toEqual(planned.candidateIds.slice(1)));
    // The review went on to the next candidate; the other session keeps its decision, and the change is in the trail.
    await waitFor(() => expect(useUiStore.getState().status).toEqual({ text: `Took ${sample.candidates.find((c) => c.id === first)!.name} out of this session: ${planned.candidateIds.length - 1} candidates left to review.`, tone: 'info' }));
    await waitFor(() => expect(screen.queryByText(/decided in another session: take/)).toBeNull());
    expect((await db.decisions.where('sessionId').equals(other.id).toArray()).map((d) => d.candidateId)).toEqual([first]);
    expect((await db.audit.toArray()).some((e) => e.action === 'change session' && e.entityId === planned.id)).toBe(true);
  });

  it('takes them out of a blind session without writing its shown name (names withheld) over the stored one', async () => {
    const named = `Follow-up for ${sample.candidates.find((c) => c.id === planned.candidateIds[1])!.name}`;
    await db.sessions.update(planned.id, { blind: true, name: named });
    await saveDecision(db, { sessionId: other.id, candidateId: first, outcome: 'promote', rationale: 'Consistent at the next level for three quarters.', newLevelId: null, citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    const user = userEvent.setup();
    const decision = await decisionOf(planned.id);
    // The page shows the session's name with the name in it withheld.
    expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(named);
    // Which session decided them, and how, are withheld too: the Decisions page lists that session's decisions by name.
    const said = (await decision.findByText(/^Decided in another session of this cycle\./)).textContent!;
    expect(said).toContain('withheld while names are hidden');
    expect(decision.queryByText(/Q4 blind committee/)).toBeNull();
    expect(decision.queryByText(/: Promote\./)).toBeNull();
    await user.click(await decision.findByRole('button', { name: 'Take them out of this session' }));
    await waitFor(async () => expect((await db.sessions.get(planned.id))?.candidateIds).toEqual(planned.candidateIds.slice(1)));
    expect((await db.sessions.get(planned.id))?.name).toBe(named);
  });

  it('keeps the form when the other session deferred them (Defer asks for a later session)', async () => {
    await saveDecision(db, { sessionId: other.id, candidateId: first, outcome: 'defer', rationale: 'Needs another quarter of evidence on scope.', newLevelId: null, citedCriterionIds: [], nextSteps: ['Lead the next migration end to end.'], dissent: '' }, AT);
    const decision = await decisionOf(planned.id);
    expect(await decision.findByRole('button', { name: 'Save decision' })).toBeTruthy();
    expect(decision.queryByText(/A candidate gets one decision per cycle/)).toBeNull();
    // And says where they were deferred and what was asked of them (a trial's pilot Defer went unmentioned).
    const note = (await screen.findByText(/^Deferred earlier in this cycle/)).closest('[role="note"]')!;
    expect(note.textContent).toMatch(/^Deferred earlier in this cycle, in Q4 blind committee on .+\. The next steps it asked for:Lead the next migration end to end\.$/);
  });

  it('in a blind session, says there was a Defer and withholds where, when and what it asked for', async () => {
    // The Decisions page lists the other session's decisions by name: its name, the day and the steps matched a
    // pseudonym to a person (a committee trial, three times).
    await db.sessions.update(planned.id, { blind: true });
    await saveDecision(db, { sessionId: other.id, candidateId: first, outcome: 'defer', rationale: 'Needs another quarter of evidence on scope.', newLevelId: null, citedCriterionIds: [], nextSteps: ['Lead the next migration end to end.'], dissent: '' }, AT);
    const decision = await decisionOf(planned.id);
    expect(await decision.findByRole('button', { name: 'Save decision' })).toBeTruthy();
    const note = (await screen.findByText(/^Deferred earlier in this cycle/)).closest('[role="note"]')!;
    expect(note.textContent).toMatch(/^Deferred earlier in this cycle\. Where, when and the next steps it asked for are withheld while names are hidden/);
    expect(note.textContent).not.toMatch(/Q4 blind committee|migration|2026/);
  });
});

describe('the full-screen presenter, which the room sees on a projector, says the same', () => {
  it('of a candidate decided in another session: no form, and the way to take them out', async () => {
    // It offered the whole decision form, which only Save refused, and said nothing of the other session.
    await saveDecision(db, { sessionId: other.id, candidateId: first, outcome: 'promote', rationale: 'Consistent at the next level for three quarters.', newLevelId: null, citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    const decision = await decisionOf(planned.id, 'present');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(sample.candidates.find((c) => c.id === first)!.name);
    expect(await decision.findByText(/A candidate gets one decision per cycle/)).toBeTruthy();
    expect(decision.getByText('Q4 blind committee')).toBeTruthy();
    expect(decision.queryByRole('button', { name: 'Save decision' })).toBeNull();
    expect(decision.getByRole('button', { name: 'Take them out of this session' })).toBeTruthy();
  });

  it('of a candidate deferred in another session: where, when and the next steps it asked for', async () => {
    await saveDecision(db, { sessionId: other.id, candidateId: first, outcome: 'defer', rationale: 'Needs another quarter of evidence on scope.', newLevelId: null, citedCriterionIds: [], nextSteps: ['Lead the next migration end to end.'], dissent: '' }, AT);
    const decision = await decisionOf(planned.id, 'present');
    expect(await decision.findByRole('button', { name: 'Save decision' })).toBeTruthy();
    const note = (await screen.findByText(/^Deferred earlier in this cycle/)).closest('[role="note"]')!;
    expect(note.textContent).toMatch(/^Deferred earlier in this cycle, in Q4 blind committee on .+\. The next steps it asked for:Lead the next migration end to end\.$/);
  });
});
