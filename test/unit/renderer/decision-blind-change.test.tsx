// @vitest-environment jsdom
/**
 * Changing a decision in a blind session keeps the stored words of every
 * field the committee left alone. The form shows the decision with names
 * replaced; saving used to store what it showed, so changing only the
 * outcome rewrote "Gabriel Yilmaz had similar evidence" in the dissent into
 * "Ochre Crane had similar evidence" for good, in the CSV and the book after
 * the names were revealed (found by a walkthrough helper). A new outcome now
 * also needs a new rationale (outcomeChangeIssues).
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { blindDecision, sessionRedaction } from '../../../shared/calibration/blind';
import { keptText, withKeptText } from '../../../shared/calibration/decision-helpers';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, saveDecision } from '../../../renderer/db/sessions';
import { DecisionPanel } from '../../../renderer/features/calibration/session/decision-panel';
import { useUiStore } from '../../../renderer/state/ui-store';
import { storedRows } from '../../fixtures/db/coverage-rows';

configure({ asyncUtilTimeout: 15_000 });
afterEach(() => cleanup());
const AT = '2026-11-20T10:00:00.000Z';

describe('keptText and withKeptText', () => {
  const stored = { rationale: 'Ahead of Gabriel Yilmaz on scope.', dissent: 'Helen: Gabriel Yilmaz had similar evidence.', nextSteps: ['Pair with Gabriel Yilmaz', 'Lead a design review'] };
  const shown = { rationale: 'Ahead of Ochre Crane on scope.', dissent: 'Helen: Ochre Crane had similar evidence.', nextSteps: ['Pair with Ochre Crane', 'Lead a design review'] };

  it('keeps the stored words of what was left as shown, and takes what was typed anew', () => {
    const typed = { ...shown, rationale: 'Scope is clear now.', nextSteps: ['Lead a design review', 'Pair with Ochre Crane', 'Write the RFC'] };
    const kept = keptText(shown, typed);
    expect(kept).toEqual({ rationale: false, dissent: true, nextSteps: [1, 0, null] });
    expect(withKeptText(typed, stored, kept)).toEqual({ rationale: 'Scope is clear now.', dissent: stored.dissent, nextSteps: ['Lead a design review', 'Pair with Gabriel Yilmaz', 'Write the RFC'] });
  });
});

describe('changing the outcome in a blind session', () => {
  it('asks for a rationale for the new outcome, then stores the dissent and next steps left alone as they were stored', { timeout: 60_000 }, async () => {
    localStorage.clear();
    useUiStore.setState({ drafts: {} });
    await db.delete();
    await db.open();
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 4 });
    await loadSampleCycle(db, sample);
    const [candidate, other] = sample.candidates;
    const session = await createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm-chair', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [candidate!.id, other!.id], orderMode: 'by-level', timeboxMinutes: 8, blind: true },
      AT,
    );
    const words = { rationale: `Ahead of ${other!.name} on scope.`, dissent: `Helen: ${other!.name} had similar evidence.` };
    await saveDecision(db, { sessionId: session.id, candidateId: candidate!.id, outcome: 'defer', newLevelId: null, ...words, citedCriterionIds: [], nextSteps: [`Pair with ${other!.name}`], dissent: words.dissent, over: null }, AT);
    const stored = (await db.decisions.get(`${session.id}:${candidate!.id}`))!;

    // What the blind review shows: the decision with the names replaced (as the session's read gives it).
    const r = sessionRedaction(session, [candidate!, other!]);
    const shown = blindDecision(stored, r);
    expect(shown.dissent).not.toContain(other!.name);
    const user = userEvent.setup();
    render(<DecisionPanel sessionId={session.id} candidate={candidate!} framework={sample.framework} coverage={await storedRows(db)} decision={shown} readOnly={false} blind />);
    await user.click(screen.getByRole('button', { name: 'Change decision' }));
    await user.click(within(screen.getByRole('group', { name: 'Outcome' })).getByRole('radio', { name: 'Not yet' }));
    // The dissent kept was written against Defer: the form asks to check it, and does not refuse it.
    expect(screen.getByRole('textbox', { name: 'Dissent (optional)' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('This dissent was written against Defer: check that it still says who disagrees with Not yet, and why, or clear it.')).toBeTruthy();
    // Only the outcome changed: the rationale still argues for Defer, and the save is refused with the focus on it.
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    const rationale = screen.getByRole('textbox', { name: 'Rationale (required)' });
    await waitFor(() => expect(document.activeElement).toBe(rationale));
    // Selected whole, so what is typed replaces it (a re-test typed in front of the old words).
    const text = rationale as HTMLTextAreaElement;
    expect([text.selectionStart, text.selectionEnd]).toEqual([0, text.value.length]);
    expect(screen.getByText('This rationale was written for Defer. Say why the decision is now Not yet.')).toBeTruthy();
    expect(await db.decisions.get(stored.id)).toEqual(stored);

    await user.clear(rationale);
    await user.type(rationale, 'Scope is not yet sustained.');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    await waitFor(async () => expect((await db.decisions.get(stored.id))?.outcome).toBe('not-yet'));
    const after = (await db.decisions.get(stored.id))!;
    expect(after.rationale).toBe('Scope is not yet sustained.');
    expect(after.dissent).toBe(words.dissent);
    expect(after.nextSteps).toEqual([`Pair with ${other!.name}`]);
  });
});
