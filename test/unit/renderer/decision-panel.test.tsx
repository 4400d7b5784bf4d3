// @vitest-environment jsdom
/**
 * The decision and vote pickers follow the ladder (sample cycle on
 * IC0–IC4 / M1–M3, the first candidate made an IC2 going for IC3):
 * - Promote to another level offers IC4, M1, M2, M3 only (the promotions
 *   from IC2 without the target), in the decision panel and in a vote;
 * - a vote for it is recorded only once its level is chosen;
 * - Not yet without a next step is refused beside the field;
 * - changing a saved Promote (no next steps) to Not yet pre-fills the steps
 *   from what is still missing (nextStepsFor on the candidate's coverage).
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextStepsFor } from '../../../shared/calibration/decision-helpers';
import { withSessionDefaults } from '../../../shared/calibration/session-record';
import type { Candidate, Framework, Session } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { saveCandidate } from '../../../renderer/db/candidates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, saveDecision } from '../../../renderer/db/sessions';
import { DecisionPanel } from '../../../renderer/features/calibration/session/decision-panel';
import { VotesPanel } from '../../../renderer/features/calibration/session/votes-panel';
import { useUiStore } from '../../../renderer/state/ui-store';
import { storedRows } from '../../fixtures/db/coverage-rows';
import type { DecisionFormInput } from '../../../renderer/features/calibration/session/use-decision-form';

/** The texts a field is described by (its hint, then its problem). */
const describedBy = (field: HTMLElement) => (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);

configure({ asyncUtilTimeout: 15_000 });

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 4 });
const framework: Framework = sample.framework;
let session: Session;
let candidate: Candidate;

beforeEach(async () => {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  const first = sample.candidates[0]!;
  candidate = await saveCandidate(db, { ...first, currentLevelId: 'ic0m3-ic2', targetLevelId: 'ic0m3-ic3' }, AT);
  session = await createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm-chair', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [candidate.id], orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    AT,
  );
});
afterEach(() => cleanup());

async function renderPanel(finalVotes: DecisionFormInput['finalVotes'] = undefined) {
  const coverage = await storedRows(db);
  const decision = await db.decisions.get(`${session.id}:${candidate.id}`);
  render(<DecisionPanel sessionId={session.id} candidate={candidate} framework={framework} coverage={coverage} decision={decision} finalVotes={finalVotes} readOnly={false} blind={false} />);
  return coverage;
}

const optionTexts = (select: HTMLElement) => within(select).getAllByRole('option').map((o) => o.textContent?.split(' ')[0]);

describe('Decision panel and votes follow the ladder', { timeout: 30_000 }, () => {
  it('offers only promotions from the current level for Promote to another level', async () => {
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('radio', { name: 'Promote to another level' }));
    expect(optionTexts(screen.getByLabelText('Level granted'))).toEqual(['Choose', 'IC4', 'M1', 'M2', 'M3']);
  });

  it('says "Decision saved" as soon as the write commits, before the session’s rows are read again', async () => {
    // The panel's decision prop comes from the session's read; here it is never re-read, as in the moment after the write.
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    await user.type(screen.getByLabelText('Rationale (required)'), 'Every criterion of IC3 has evidence from two quarters.');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect((await screen.findByRole('status')).textContent).toContain('Decision saved');
    expect(await db.decisions.count()).toBe(1);
    // The form that held the focus is gone: the focus is on the panel's heading, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Decision' })));
    // Its text waits for the read (in a blind session only the read row comes redacted).
    expect(screen.getByText('Showing the saved decision…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change decision' })).toBeNull();
  });

  it('drops "Choose an outcome" and the not-saved line once an outcome is chosen (they stayed until the next save)', async () => {
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByText(/^Choose an outcome/)).toBeTruthy();
    expect(screen.getByText(/The decision was not saved/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    expect(screen.queryByText(/^Choose an outcome/)).toBeNull();
    expect(screen.queryByText(/The decision was not saved/)).toBeNull();
  });

  it('drops a refused outcome’s problem once another outcome is chosen', async () => {
    // Promote for a candidate with no target level is refused at the outcome; choosing Promote to another level answers it.
    const user = userEvent.setup();
    candidate = { ...candidate, targetLevelId: null };
    await db.candidates.put(candidate);
    await renderPanel();
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    await user.type(screen.getByLabelText('Rationale (required)'), 'Every criterion of IC3 has evidence from two quarters.');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect(await screen.findByText(/no target level to promote to/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Promote to another level' }));
    expect(screen.queryByText(/no target level to promote to/)).toBeNull();
    expect(await db.decisions.count()).toBe(0);
  });

  it('says beside the outcome when it goes against the final votes, or when there are none', async () => {
    const user = userEvent.setup();
    // Four final votes, all Defer (hand-made tally): choosing Promote says so, choosing Defer says nothing.
    await renderPanel({ counts: { promote: 0, 'not-yet': 0, defer: 4, 'promote-other': 0 }, total: 4, majority: 'defer' });
    const outcome = screen.getByRole('group', { name: 'Outcome' });
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    expect(outcome.textContent).toContain('The final votes’ majority is Defer (4 of 4); this decision is Promote. Say in the rationale why the committee decided against its votes.');
    await user.click(screen.getByRole('radio', { name: 'Defer' }));
    expect(outcome.textContent).not.toContain('majority is');
    cleanup();
    await renderPanel({ counts: { promote: 0, 'not-yet': 0, defer: 0, 'promote-other': 0 }, total: 0, majority: null });
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    expect(screen.getByRole('group', { name: 'Outcome' }).textContent).toContain('No final votes are recorded for this candidate.');
  });

  it('offers the level the final votes named for Promote to another level, and saves it with no level picked by hand', async () => {
    // A chair's trial: four final votes for "Promote to another level (M1)", and "Level granted" read "Choose a level…".
    const user = userEvent.setup();
    await renderPanel({ counts: { promote: 0, 'not-yet': 0, defer: 0, 'promote-other': 4 }, total: 4, majority: 'promote-other', otherLevels: [{ levelId: 'ic0m3-m1', count: 3 }, { levelId: 'ic0m3-ic4', count: 1 }] });
    expect((screen.getByRole('radio', { name: 'Promote to another level' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Level granted') as HTMLSelectElement).value).toBe('ic0m3-m1');
    await user.type(screen.getByLabelText('Rationale (required)'), 'Leads the team in all but title; the committee grants M1.');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    await waitFor(async () => expect((await db.decisions.get(`${session.id}:${candidate.id}`))?.newLevelId).toBe('ic0m3-m1'));
  });

  it('refuses Not yet without a next step, beside the field, and saves nothing', async () => {
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('radio', { name: 'Not yet' }));
    const nextSteps = screen.getByLabelText('Next steps (one per line)');
    await user.clear(nextSteps);
    await user.type(screen.getByLabelText('Rationale (required)'), 'Two criteria lack evidence.');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The decision was not saved. See the problems below.');
    expect(nextSteps.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(nextSteps)).toContain(
      'Write at least one next step: what the candidate should work on before the next review (Not yet needs one).',
    );
    expect(document.activeElement).toBe(nextSteps);
    expect(await db.decisions.count()).toBe(0);
  });

  it('drops the pre-filled gaps from the next steps when a saved Defer is changed to Promote, and keeps steps someone wrote', async () => {
    const coverage = await storedRows(db);
    const gaps = nextStepsFor(framework, candidate, coverage);
    expect(gaps.length).toBeGreaterThan(0);
    await saveDecision(db, { sessionId: session.id, candidateId: candidate.id, outcome: 'defer', newLevelId: null, rationale: 'Wait a quarter.', citedCriterionIds: [], nextSteps: gaps, dissent: '' }, AT);
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Change decision' }));
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    expect((screen.getByLabelText('Next steps (one per line)') as HTMLTextAreaElement).value).toBe('');
    // Back to Defer: the gaps again.
    await user.click(screen.getByRole('radio', { name: 'Defer' }));
    expect((screen.getByLabelText('Next steps (one per line)') as HTMLTextAreaElement).value).toBe(gaps.join('\n'));
    // A step written by hand stays when the outcome changes.
    await user.type(screen.getByLabelText('Next steps (one per line)'), '\nPair with the staff engineer');
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    expect((screen.getByLabelText('Next steps (one per line)') as HTMLTextAreaElement).value).toContain('Pair with the staff engineer');
  });

  it('pre-fills the next steps from what is missing when a saved Promote is changed to Not yet', async () => {
    await saveDecision(db, { sessionId: session.id, candidateId: candidate.id, outcome: 'promote', newLevelId: null, rationale: 'Sustained evidence.', citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    const user = userEvent.setup();
    const coverage = await renderPanel();
    const expected = nextStepsFor(framework, candidate, coverage);
    expect(expected.length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Change decision' }));
    await user.click(screen.getByRole('radio', { name: 'Not yet' }));
    expect((screen.getByLabelText('Next steps (one per line)') as HTMLTextAreaElement).value).toBe(expected.join('\n'));
    await user.clear(screen.getByLabelText('Rationale (required)'));
    await user.type(screen.getByLabelText('Rationale (required)'), 'Evidence not yet sustained.');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    await screen.findByText(/Decision saved/);
    expect((await db.decisions.get(`${session.id}:${candidate.id}`))?.nextSteps).toEqual(expected);
  });

  // A trial found a Defer pre-ticked with the ready criteria: the book printed the candidate's strengths as the criteria it rested on.
  it('pre-ticks the criteria a decision rests on for its outcome: ready ones for Promote, the rest for Not yet and Defer, until someone ticks one', async () => {
    const user = userEvent.setup();
    // The first two of IC3's criteria assessed "consistently" with sustained evidence: ready; the rest as stored.
    const firstTwo = new Set(framework.criteria.filter((c) => c.levelId === 'ic0m3-ic3').slice(0, 2).map((c) => c.id));
    const coverage = (await storedRows(db)).map((r) => (r.candidateId === candidate.id && firstTwo.has(r.criterionId) ? { ...r, rating: 'consistently' as const, sustained: true } : r));
    expect(coverage.filter((r) => r.candidateId === candidate.id && firstTwo.has(r.criterionId))).toHaveLength(2);
    const finalVotes = { counts: { promote: 0, 'not-yet': 2, defer: 0, 'promote-other': 0 }, total: 2, majority: 'not-yet' as const };
    render(<DecisionPanel sessionId={session.id} candidate={candidate} framework={framework} coverage={coverage} decision={undefined} finalVotes={finalVotes} readOnly={false} blind={false} />);
    const boxes = within(screen.getByRole('group', { name: 'Criteria the decision rests on' })).getAllByRole('checkbox') as HTMLInputElement[];
    const ready = (box: HTMLInputElement) => box.closest('label')!.querySelector('.tag')?.textContent === 'Ready';
    const ticked = () => boxes.filter((b) => b.checked);
    expect(boxes.filter(ready).length).toBeGreaterThan(0);
    expect(boxes.filter((b) => !ready(b)).length).toBeGreaterThan(0);
    // Not yet, from the final votes' majority: the criteria not ready.
    expect(ticked()).toEqual(boxes.filter((b) => !ready(b)));
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    expect(ticked()).toEqual(boxes.filter(ready));
    await user.click(screen.getByRole('radio', { name: 'Defer' }));
    expect(ticked()).toEqual(boxes.filter((b) => !ready(b)));
    // Once someone changes them, they stay as chosen whatever the outcome.
    const chosen = boxes.find((b) => !ready(b))!;
    await user.click(chosen);
    const mine = ticked();
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    expect(ticked()).toEqual(mine);
  });

  it('says nothing changed when a decision is saved again as it stands, and records nothing', async () => {
    await saveDecision(db, { sessionId: session.id, candidateId: candidate.id, outcome: 'promote', newLevelId: null, rationale: 'Sustained evidence.', citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    const entries = await db.audit.count();
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Change decision' }));
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('Nothing changed: the decision stays Promote, as saved.'));
    // Not "Decision saved": nothing was (a trial took it for a recorded change).
    expect(screen.queryByText(/Decision saved/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Change decision' })).toBeTruthy();
    expect(await db.audit.count()).toBe(entries);
  });

  it('records a vote for Promote to another level once its level is chosen, among the promotions only', async () => {
    const user = userEvent.setup();
    const row = withSessionDefaults((await db.sessions.get(session.id))!);
    render(<VotesPanel session={row} candidate={candidate} votes={[]} framework={framework} readOnly={false} decided={false} />);
    const final = screen.getByRole('group', { name: 'Final vote of Morgan Ellis' });
    await user.click(within(final).getByRole('radio', { name: 'Promote to another level' }));
    const select = within(final).getByRole('combobox');
    expect(optionTexts(select)).toEqual(['Choose', 'IC4', 'M1', 'M2', 'M3']);
    expect(within(final).getByText(/Choose the level to record this vote\./)).toBeTruthy();
    expect(await db.votes.count()).toBe(0);
    await user.selectOptions(select, 'ic0m3-m1');
    await waitFor(async () => expect((await db.votes.toArray()).map((v) => [v.outcome, v.levelId])).toEqual([['promote-other', 'ic0m3-m1']]));
  });
});
