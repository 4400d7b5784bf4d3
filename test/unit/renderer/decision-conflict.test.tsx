// @vitest-environment jsdom
/**
 * A decision is not replaced unseen. The form remembers which saved decision
 * it was written over; when another window (or a restored backup) saved one
 * since, the save is refused, the words stay, and the committee chooses:
 * show the saved decision, or save theirs over it. Before, the second save
 * silently replaced the first.
 *
 * And a draft is only kept while it holds something unsaved: typing and then
 * deleting it, or opening Change decision and touching nothing, keeps none;
 * a new decision's draft can be discarded, after a confirmation.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Candidate, Decision, Framework, Session } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, saveDecision } from '../../../renderer/db/sessions';
import { DecisionPanel } from '../../../renderer/features/calibration/session/decision-panel';
import { KEPT_PREFIX } from '../../../renderer/state/kept-text';
import { useUiStore } from '../../../renderer/state/ui-store';
import { storedRows } from '../../fixtures/db/coverage-rows';

configure({ asyncUtilTimeout: 15_000 });

const AT = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-20T10:05:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 4 });
const framework: Framework = sample.framework;
let session: Session;
let candidate: Candidate;

const base = () => ({ sessionId: session.id, candidateId: candidate.id, newLevelId: null, citedCriterionIds: [], nextSteps: [], dissent: '' });
const stored = () => db.decisions.get(`${session.id}:${candidate.id}`);
const draftKey = () => `${KEPT_PREFIX.draft}decision:${session.id}:${candidate.id}`;

beforeEach(async () => {
  localStorage.clear();
  useUiStore.setState({ drafts: {} });
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  candidate = sample.candidates[0]!;
  session = await createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm-chair', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [candidate.id], orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    AT,
  );
});
afterEach(() => cleanup());

async function renderPanel() {
  const coverage = await storedRows(db);
  const panel = (decision: Decision | undefined) => <DecisionPanel sessionId={session.id} candidate={candidate} framework={framework} coverage={coverage} decision={decision} readOnly={false} blind={false} />;
  const view = render(panel(await stored()));
  // What the session's live read does when the decision changes: the panel gets the new row.
  return { reread: async () => view.rerender(panel(await stored())) };
}

describe('saveDecision over a decision saved since', () => {
  it('refuses when the saved decision is not the one the draft was written over, and saves when it is or when that is not known', async () => {
    await expect(saveDecision(db, { ...base(), outcome: 'promote', rationale: 'Mine', over: null }, AT)).resolves.toMatchObject({ outcome: 'promote' });
    const first = (await stored())!;
    // A second new decision (over: null) would replace the first unseen.
    await expect(saveDecision(db, { ...base(), outcome: 'defer', rationale: 'Theirs', nextSteps: ['Wait a cycle'], over: null }, LATER)).rejects.toThrow(/saved elsewhere/);
    await expect(saveDecision(db, { ...base(), outcome: 'defer', rationale: 'Theirs', nextSteps: ['Wait a cycle'], over: '2026-01-01T00:00:00.000Z' }, LATER)).rejects.toThrow(/saved elsewhere/);
    expect((await stored())!.rationale).toBe('Mine');
    // Over the decision as saved: a change.
    await expect(saveDecision(db, { ...base(), outcome: 'defer', rationale: 'Changed', nextSteps: ['Wait a cycle'], over: first.updatedAt }, LATER)).resolves.toMatchObject({ rationale: 'Changed' });
    // The basis is not stored with the decision.
    expect(Object.keys((await stored())!)).not.toContain('over');
  });
});

describe('the decision form when another window saved first', { timeout: 30_000 }, () => {
  it('keeps the words, says why nothing was saved, and saves over it only when asked', async () => {
    const user = userEvent.setup();
    const { reread } = await renderPanel();
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    await user.type(screen.getByLabelText('Rationale (required)'), 'Scope grew to the whole platform.');
    // Another window decides the same candidate meanwhile.
    await saveDecision(db, { ...base(), outcome: 'defer', rationale: 'Decided in the other window.', nextSteps: ['Revisit in Q2'], over: null }, LATER);

    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/saved elsewhere .* Nothing was saved; your words are kept/);
    expect((await stored())!.rationale).toBe('Decided in the other window.');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Rationale (required)').value).toBe('Scope grew to the whole platform.');

    await reread();
    await user.click(screen.getByRole('button', { name: 'Save mine over it' }));
    await waitFor(async () => expect((await stored())!.rationale).toBe('Scope grew to the whole platform.'));
    expect((await stored())!.outcome).toBe('promote');
    expect(localStorage.getItem(draftKey())).toBeNull();
  });

  it('shows the saved decision instead, dropping the draft', async () => {
    const user = userEvent.setup();
    const { reread } = await renderPanel();
    await user.click(screen.getByRole('radio', { name: 'Promote' }));
    await user.type(screen.getByLabelText('Rationale (required)'), 'Scope grew.');
    await saveDecision(db, { ...base(), outcome: 'defer', rationale: 'Decided in the other window.', nextSteps: ['Revisit in Q2'], over: null }, LATER);
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    await screen.findByRole('alert');
    await reread();
    await user.click(screen.getByRole('button', { name: 'Show the saved decision' }));
    expect(await screen.findByText('Decided in the other window.')).toBeTruthy();
    expect(screen.queryByLabelText('Rationale (required)')).toBeNull();
    expect(localStorage.getItem(draftKey())).toBeNull();
  });
});

describe('a draft is kept only while it holds something unsaved', { timeout: 30_000 }, () => {
  it('typing, then deleting it, keeps no draft', async () => {
    const user = userEvent.setup();
    await renderPanel();
    const rationale = screen.getByLabelText('Rationale (required)');
    await user.type(rationale, 'Hm');
    expect(localStorage.getItem(draftKey())).not.toBeNull();
    expect(screen.getByText(/Not saved yet/)).toBeTruthy();
    await user.clear(rationale);
    expect(localStorage.getItem(draftKey())).toBeNull();
    expect(screen.queryByText(/Not saved yet/)).toBeNull();
  });

  it('Change decision with nothing changed keeps no draft', async () => {
    await saveDecision(db, { ...base(), outcome: 'promote', rationale: 'Ready.', over: null }, AT);
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Change decision' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Rationale (required)').value).toBe('Ready.');
    expect(localStorage.getItem(draftKey())).toBeNull();
    expect(useUiStore.getState().drafts).toEqual({});
    // Its button gave way to the form: the focus is on the panel's heading, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Decision' })));
  });

  it('asks before dropping a changed decision in words that cannot be mixed up, and keeps the focus in the panel', async () => {
    await saveDecision(db, { ...base(), outcome: 'promote', rationale: 'Ready.', over: null }, AT);
    const user = userEvent.setup();
    await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Change decision' }));
    await user.type(screen.getByLabelText('Rationale (required)'), ' Sustained.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes to this decision?' });
    // Its two choices: "Keep editing" and "Discard the changes" (it offered "Cancel" and "Cancel the change").
    expect(within(dialog).getAllByRole('button').map((b) => b.textContent)).toEqual(['Keep editing', 'Discard the changes']);
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Rationale (required)').value).toBe('Ready. Sustained.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard the changes' }));
    expect(await screen.findByRole('button', { name: 'Change decision' })).toBeTruthy();
    expect(screen.getByText('Ready.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Decision' })));
  });

  it('a new decision’s draft can be discarded, after saying what is lost', async () => {
    const user = userEvent.setup();
    await renderPanel();
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();
    await user.type(screen.getByLabelText('Rationale (required)'), 'Not this one.');
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard this draft?' });
    expect(dialog.textContent).toContain(`What you wrote for ${candidate.name} is not saved and will be gone.`);
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Rationale (required)').value).toBe('Not this one.');
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    const confirm = screen.getAllByRole('button', { name: 'Discard draft' }).find((b) => b.closest('[role="alertdialog"]'))!;
    await user.click(confirm);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Rationale (required)').value).toBe('');
    expect(localStorage.getItem(draftKey())).toBeNull();
  });
});
