// @vitest-environment jsdom
/**
 * The session page with Testing Library against the app's database (sample
 * cycle of 8 candidates, a blind session created with createSession):
 * presenter mode moves with J/K and the arrows, pre-votes stay hidden until
 * revealed, a decision without a rationale is refused with the reason
 * beside the field, blind mode shows no real names (the window title holds
 * the pseudonym), and a decided session finalizes to read-only with an
 * audit trail that verifies.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blindNames } from '../../../shared/calibration/pseudonyms';
import type { Session } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { loadCommands } from '../../../renderer/db/app-commands';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, recordVote, saveDecision } from '../../../renderer/db/sessions';
import { saveProfile } from '../../../renderer/db/profile';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { useUiStore } from '../../../renderer/state/ui-store';

/** The texts a field is described by (its hint, then its problem). */
const describedBy = (field: HTMLElement) => (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);

configure({ asyncUtilTimeout: 15_000 });
// The page's writes load the command layer on first use (renderer/db/app-commands.ts), as the app does after its first
// view: loaded once here, so compiling its modules on a busy machine is not counted against a step's wait.
beforeAll(() => loadCommands(), 120_000);

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 8 });
const reviewed = sample.candidates.slice(0, 4);
const members = [
  { id: 'm-chair', name: 'Morgan Ellis', role: 'chair' as const },
  { id: 'm-two', name: 'Priyanka Rao', role: 'member' as const },
];
let session: Session;

function pseudonymOf(candidateId: string): string {
  const groups: Record<string, string[]> = {};
  for (const c of reviewed) for (const [k, v] of Object.entries(c.groups)) groups[k] = [...new Set([...(groups[k] ?? []), v])];
  return blindNames(session.id, {
    candidateIds: session.candidateIds,
    managers: [...new Set(reviewed.map((c) => c.manager))],
    teams: [...new Set(reviewed.map((c) => c.team))],
    groups,
  }).candidate(candidateId);
}

beforeEach(async () => {
  window.location.hash = '';
  document.title = 'Levelset';
  await db.delete();
  await db.open();
  // Loaded before the session is created, as the app's clock would have it (the audit tab lists what came after).
  await loadSampleCycle(db, sample, '2026-11-20T09:00:00.000Z');
  session = await createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: reviewed.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: true },
    AT,
  );
});
afterEach(() => cleanup());

async function openReview() {
  render(<CalibrationView params={[session.id]} />);
  return screen.findByRole('heading', { level: 2, name: new RegExp(`^${pseudonymOf(reviewed[0]!.id)}`) });
}

function position() {
  return document.querySelector('.presenter-position')?.textContent?.replace(/\s+/g, ' ').trim();
}

describe('Session page', { timeout: 60_000 }, () => {
  it('moves between candidates with J/K and the arrow keys, and shows the keys', async () => {
    const user = userEvent.setup();
    await openReview();
    expect(position()).toBe('Candidate 1 of 4 · 0 decided');
    expect(document.querySelector('.presenter-keys')?.textContent).toMatch(/J or → next · K or ← previous · P pre-vote · F final vote · D decision/);

    await user.keyboard('j');
    await screen.findByRole('heading', { level: 2, name: new RegExp(`^${pseudonymOf(reviewed[1]!.id)}`) });
    expect(position()).toBe('Candidate 2 of 4 · 0 decided');
    await user.keyboard('{ArrowRight}');
    await screen.findByRole('heading', { level: 2, name: new RegExp(`^${pseudonymOf(reviewed[2]!.id)}`) });
    await user.keyboard('k');
    await screen.findByRole('heading', { level: 2, name: new RegExp(`^${pseudonymOf(reviewed[1]!.id)}`) });
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(position()).toBe('Candidate 1 of 4 · 0 decided');

    // Letters typed into a field are text, not shortcuts; Esc leaves the field.
    await user.keyboard('d');
    const outcome = screen.getByRole('group', { name: 'Outcome' });
    expect(outcome.contains(document.activeElement)).toBe(true);
    const rationale = screen.getByLabelText('Rationale (required)');
    await user.click(rationale);
    await user.keyboard('jk');
    expect((rationale as HTMLTextAreaElement).value).toBe('jk');
    expect(position()).toBe('Candidate 1 of 4 · 0 decided');
    await user.keyboard('{Escape}j');
    expect(position()).toBe('Candidate 2 of 4 · 0 decided');
  });

  it('asks before revealing while a member has not cast a pre-vote, and the dialog keeps J/K from moving the page', async () => {
    const first = reviewed[0]!.id;
    await recordVote(db, { sessionId: session.id, candidateId: first, memberId: 'm-chair', phase: 'pre', outcome: 'promote' }, AT);
    const user = userEvent.setup();
    await openReview();
    await screen.findByRole('group', { name: 'Pre-vote of Morgan Ellis' });
    await user.click(screen.getByRole('button', { name: 'Reveal pre-votes' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reveal with 1 of 2 pre-votes cast?' });
    expect(dialog.textContent).toContain('Priyanka Rao has not cast a pre-vote. Revealing locks the pre-votes');
    // Behind a modal dialog the page's shortcuts do nothing.
    await user.keyboard('j');
    expect(position()).toBe('Candidate 1 of 4 · 0 decided');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await db.sessions.get(session.id))?.revealedPreVotes).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Reveal pre-votes' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reveal pre-votes' }));
    await waitFor(async () => expect((await db.sessions.get(session.id))?.revealedPreVotes).toEqual([first]));
  });

  it('asks a profile that is not the chair before revealing, even with every pre-vote cast', async () => {
    // A trial as a member revealed the pre-votes with one key and no word; a reveal cannot be undone.
    const first = reviewed[0]!.id;
    await recordVote(db, { sessionId: session.id, candidateId: first, memberId: 'm-chair', phase: 'pre', outcome: 'promote' }, AT);
    await recordVote(db, { sessionId: session.id, candidateId: first, memberId: 'm-two', phase: 'pre', outcome: 'not-yet' }, AT);
    await saveProfile(db, { name: 'Priya Raman', role: 'Committee member' });
    const user = userEvent.setup();
    await openReview();
    await screen.findByRole('group', { name: 'Pre-vote of Morgan Ellis' });
    await user.click(screen.getByRole('button', { name: 'Reveal pre-votes' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reveal the pre-votes?' });
    expect(dialog.textContent).toContain('it cannot be undone');
    expect(await within(dialog).findByText('You are not the chair.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await db.sessions.get(session.id))?.revealedPreVotes).toEqual([]);
  });

  it('keeps pre-votes hidden until they are revealed, per candidate', async () => {
    const first = reviewed[0]!.id;
    await recordVote(db, { sessionId: session.id, candidateId: first, memberId: 'm-chair', phase: 'pre', outcome: 'promote' }, AT);
    await recordVote(db, { sessionId: session.id, candidateId: first, memberId: 'm-two', phase: 'pre', outcome: 'not-yet' }, AT);
    const user = userEvent.setup();
    await openReview();

    // The votes panel waits for the cycle's connection settings (a connected cycle votes sealed), so it can follow the heading.
    const chairPre = await screen.findByRole('group', { name: 'Pre-vote of Morgan Ellis' });
    const twoPre = screen.getByRole('group', { name: 'Pre-vote of Priyanka Rao' });
    expect(within(chairPre).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(within(twoPre).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(within(chairPre).getByText(/Recorded, hidden until the pre-votes are revealed/)).toBeTruthy();
    expect(within(twoPre).getByText(/Recorded, hidden until the pre-votes are revealed/)).toBeTruthy();

    // A pre-vote cast on screen is saved and stays hidden.
    await user.click(within(twoPre).getByRole('radio', { name: 'Defer' }));
    await waitFor(async () => expect((await db.votes.get(`${session.id}:${first}:m-two:pre`))?.outcome).toBe('defer'));
    expect((within(twoPre).getByRole('radio', { name: 'Defer' }) as HTMLInputElement).checked).toBe(false);

    // The final vote is open, and "How votes moved" waits for the reveal.
    await user.click(within(screen.getByRole('group', { name: 'Final vote of Morgan Ellis' })).getByRole('radio', { name: 'Not yet' }));
    await screen.findByText('Reveal the pre-votes to see how the discussion moved the votes.');

    // Morgan's final vote is cast, so Morgan's pre-vote is locked even before the reveal.
    expect((within(chairPre).getByRole('radio', { name: 'Defer' }) as HTMLInputElement).disabled).toBe(true);
    expect(within(chairPre).getByText(/Locked: the final vote is cast\./)).toBeTruthy();
    expect((within(twoPre).getByRole('radio', { name: 'Defer' }) as HTMLInputElement).disabled).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Reveal pre-votes' }));
    await waitFor(() => expect((within(chairPre).getByRole('radio', { name: 'Promote' }) as HTMLInputElement).checked).toBe(true));
    expect((await db.sessions.get(session.id))?.revealedPreVotes).toEqual([first]);
    // The button that held the focus is gone: the focus is on the Votes heading, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Votes' })));
    expect((within(twoPre).getByRole('radio', { name: 'Defer' }) as HTMLInputElement).checked).toBe(true);
    expect(within(chairPre).getByText('Promote', { selector: '.vote-state' })).toBeTruthy();
    const moved = screen.getByRole('heading', { name: 'How votes moved' }).parentElement!;
    expect(moved.textContent).toContain('1 of 1 member who voted before and after the discussion changed their vote.');
    expect(moved.textContent).toContain('Morgan Ellis: Promote → Not yet (changed)');

    // Revealed pre-votes are locked; a mistake is corrected with a reason, shown as a correction.
    expect((within(twoPre).getByRole('radio', { name: 'Promote' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(within(twoPre).getByRole('button', { name: 'Correct pre-vote… of Priyanka Rao' }));
    const dialog = screen.getByRole('dialog', { name: 'Correct the pre-vote of Priyanka Rao?' });
    // Each problem is told at its field, and the focus goes there (an outcome's problem was tied to the reason).
    const reasonBox = within(dialog).getByLabelText('Reason (required)');
    await user.click(within(dialog).getByRole('button', { name: 'Correct pre-vote' }));
    const corrected = within(dialog).getByRole('group', { name: 'Corrected pre-vote' });
    expect(describedBy(corrected)).toEqual(['Choose the outcome the pre-vote should have been.']);
    // Shown beside the choices it is about, not under the reason.
    expect(corrected.contains(within(dialog).getByText('Choose the outcome the pre-vote should have been.'))).toBe(true);
    expect(reasonBox.getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(within(corrected).getByRole('radio', { name: 'Promote' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Not yet' }));
    await user.click(within(dialog).getByRole('button', { name: 'Correct pre-vote' }));
    expect(await within(dialog).findByText(/Say why the pre-vote is corrected/)).toBeTruthy();
    expect(reasonBox.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(reasonBox);
    await user.type(within(dialog).getByLabelText('Reason (required)'), 'Recorded in the wrong row');
    await user.click(within(dialog).getByRole('button', { name: 'Correct pre-vote' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(twoPre).findByText('Not yet (corrected from Defer: Recorded in the wrong row)')).toBeTruthy();
    expect(moved.textContent).toContain('Priyanka Rao: Not yet (corrected from Defer: Recorded in the wrong row) → no final vote');

    // The next candidate's pre-votes are hidden again; coming back, this one's stay revealed.
    await user.keyboard('j');
    await screen.findByRole('button', { name: 'Reveal pre-votes' });
    await user.keyboard('k');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Reveal pre-votes' })).toBeNull());
  });

  it('locks the pre-votes on screen once the decision is recorded, saying why', async () => {
    const first = reviewed[0]!.id;
    await recordVote(db, { sessionId: session.id, candidateId: first, memberId: 'm-chair', phase: 'pre', outcome: 'promote' }, AT);
    await saveDecision(db, { sessionId: session.id, candidateId: first, outcome: 'promote', newLevelId: null, rationale: 'Consistent, sustained evidence.', citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    await openReview();
    for (const name of ['Pre-vote of Morgan Ellis', 'Pre-vote of Priyanka Rao']) {
      const pre = await screen.findByRole('group', { name });
      expect(within(pre).getAllByRole('radio').every((r) => (r as HTMLInputElement).disabled)).toBe(true);
      expect(within(pre).getByText(/Locked: the decision is recorded\./)).toBeTruthy();
    }
    // The final votes stay open.
    expect(within(screen.getByRole('group', { name: 'Final vote of Priyanka Rao' })).getAllByRole('radio').some((r) => (r as HTMLInputElement).disabled)).toBe(false);
  });

  it('refuses a decision without a rationale, with the reason beside the field, then saves it', async () => {
    const user = userEvent.setup();
    await openReview();
    const outcome = screen.getByRole('group', { name: 'Outcome' });
    await user.click(within(outcome).getByRole('radio', { name: 'Not yet' }));
    const nextSteps = screen.getByLabelText('Next steps (one per line)') as HTMLTextAreaElement;
    expect(nextSteps.value.split('\n').length).toBeGreaterThan(0);
    expect(nextSteps.value).toMatch(/“/);
    // A rationale of a word is said to be too short once the person leaves the field (not while typing); it is not refused.
    const short = /A rationale this short will not explain the decision/;
    const typed = screen.getByLabelText('Rationale (required)');
    await user.type(typed, 'ok');
    expect(screen.queryByText(short)).toBeNull();
    await user.tab();
    expect(describedBy(typed).join(' ')).toMatch(short);
    await user.clear(typed);
    await user.tab();
    expect(screen.queryByText(short)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save decision' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The decision was not saved. See the problems below.');
    const rationale = screen.getByLabelText('Rationale (required)');
    expect(rationale.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(rationale)).toContain('Write the rationale: which criteria the decision rests on and why.');
    expect(document.activeElement).toBe(rationale);
    expect(await db.decisions.where('sessionId').equals(session.id).count()).toBe(0);

    await user.type(rationale, 'Two criteria lack evidence in a second quarter.');
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    await screen.findByText(/Decision saved/);
    const saved = await db.decisions.get(`${session.id}:${reviewed[0]!.id}`);
    expect(saved).toMatchObject({ outcome: 'not-yet', rationale: 'Two criteria lack evidence in a second quarter.' });
    expect(saved!.nextSteps.length).toBeGreaterThan(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows no real name in blind mode, with the pseudonym in the window title, until the chair reveals names', async () => {
    const first = reviewed[0]!;
    // A rationale that names the candidate and their manager is redacted on screen.
    await saveDecision(
      db,
      { sessionId: session.id, candidateId: first.id, outcome: 'defer', newLevelId: null, rationale: `${first.name} needs one more quarter; ${first.manager} agrees.`, citedCriterionIds: [], nextSteps: ['One more quarter of evidence.'], dissent: '' },
      AT,
    );
    const user = userEvent.setup();
    await openReview();
    await waitFor(() => expect(document.title).toBe(`${pseudonymOf(first.id)} · Week 1 · Levelset`));
    // Names, managers and group attributes (as whole words: "Man" is inside "Manager").
    const realNames = [...reviewed.flatMap((c) => [c.name, c.manager, ...Object.values(c.groups)])].map((n) => new RegExp(`\\b${n}\\b`));
    const shown = () => document.body.textContent ?? '';
    // The packet summary names the candidate; it is shown with the pseudonym.
    await screen.findByText(new RegExp(`^${pseudonymOf(first.id)} has taken on`));
    for (const name of realNames) expect(shown()).not.toMatch(name);

    for (const c of reviewed.slice(1)) {
      await user.keyboard('j');
      await waitFor(() => expect(document.title).toBe(`${pseudonymOf(c.id)} · Week 1 · Levelset`));
      for (const name of realNames) expect(shown()).not.toMatch(name);
    }

    // The audit tab names candidates by pseudonym too, and redacts free text.
    cleanup();
    render(<CalibrationView params={[session.id, 'audit']} />);
    await screen.findByRole('heading', { name: 'Audit trail' });
    await screen.findByText('decide');
    for (const name of realNames) expect(shown()).not.toMatch(name);
    // The tab names the window, with the session's name as the page shows it (a trial: every tab read "Levelset").
    await waitFor(() => expect(document.title).toBe('Audit · Week 1 · Levelset'));
    expect(document.title).not.toContain(first.name);

    // Back on the review tab (on the candidate it was left at), reveal asks first, then shows names and records the reveal.
    cleanup();
    render(<CalibrationView params={[session.id]} />);
    const last = reviewed.at(-1)!;
    await screen.findByRole('heading', { level: 2, name: new RegExp(`^${pseudonymOf(last.id)}`) });
    await user.click(screen.getByRole('button', { name: 'Reveal names' }));
    const dialog = screen.getByRole('dialog', { name: 'Reveal names?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reveal names' }));
    await screen.findByRole('heading', { level: 2, name: last.name });
    await waitFor(() => expect(document.title).toBe(`${last.name} · Week 1 · Levelset`));
    expect(shown()).toContain(last.manager);
    expect(screen.getByRole('button', { name: 'Hide names' })).toBeTruthy();
    expect((await db.audit.where('entityId').equals(session.id).toArray()).map((e) => e.action)).toContain('reveal names');

    // Hiding them again says what the committee now sees (not "blind again", which it also said the first time), and that
    // the order, set when the session was made and not by pseudonym, stays now that decisions are recorded.
    await user.click(screen.getByRole('button', { name: 'Hide names' }));
    await screen.findByRole('heading', { level: 2, name: new RegExp(`^${pseudonymOf(last.id)}`) });
    expect(useUiStore.getState().status?.text).toBe(
      'Names hidden: candidates and managers show as pseudonyms until the chair reveals names. The order stays as it was, not by pseudonym: the review has begun, so nobody’s place moves.',
    );
  });

  it('says, on hiding the names of a session created with them, whether the order is now by pseudonym or kept as it was, and why', async () => {
    const user = userEvent.setup();
    const hide = async (voted: boolean) => {
      cleanup();
      await db.sessions.clear();
      const named = await createSession(
        db,
        { cycleId: sample.cycle.id, name: 'Week 2', members, candidateIds: reviewed.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
        AT,
      );
      if (voted) await recordVote(db, { sessionId: named.id, candidateId: named.candidateIds[0]!, memberId: 'm-chair', phase: 'pre', outcome: 'promote' }, AT);
      render(<CalibrationView params={[named.id]} />);
      await user.click(await screen.findByRole('button', { name: 'Hide names' }));
      await screen.findByRole('button', { name: 'Reveal names' });
      return useUiStore.getState().status?.text;
    };
    const hidden = 'Names hidden: candidates and managers show as pseudonyms until the chair reveals names.';
    expect(await hide(false)).toBe(`${hidden} Nothing has been reviewed yet, so the order is now by pseudonym within each level.`);
    expect(await hide(true)).toBe(`${hidden} The order stays as it was, not by pseudonym: the review has begun, so nobody’s place moves.`);
  });

  it('names an HR partner as "HR partner" in the committee line, not "hr partner"', async () => {
    const withHr = await createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 2', members: [...members, { id: 'm-hr', name: 'Helen Okoro', role: 'hr-partner' }], candidateIds: reviewed.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: true },
      AT,
    );
    render(<CalibrationView params={[withHr.id]} />);
    const line = await screen.findByText(/^Committee:/);
    expect(line.textContent).toContain('Morgan Ellis (chair), Priyanka Rao (member), Helen Okoro (HR partner)');
  });

  it('opens the analysis tabs from the session page, loaded on demand', async () => {
    render(<CalibrationView params={[session.id, 'heatmap']} />);
    expect(await screen.findByRole('heading', { level: 2, name: /^Heatmap: candidates against the/ }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Heatmap' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Review' }).getAttribute('aria-current')).toBeNull();
  });

  it('finalizes once every candidate is decided: read-only, reopen needs a reason, and the audit trail verifies', async () => {
    for (const c of reviewed) {
      await saveDecision(db, { sessionId: session.id, candidateId: c.id, outcome: 'promote', newLevelId: null, rationale: 'Consistent, sustained evidence.', citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    }
    const user = userEvent.setup();
    await openReview();
    const finalize = await screen.findByRole('button', { name: 'Finalize' });
    await waitFor(() => expect((finalize as HTMLButtonElement).disabled).toBe(false));
    await user.click(finalize);
    await user.click(within(screen.getByRole('dialog', { name: 'Finalize Week 1?' })).getByRole('button', { name: 'Finalize' }));
    // The keyboard's place: the control that replaced Finalize (it fell to the Votes heading).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reopen…' })));
    expect(screen.getByText('Finalized', { selector: '.status' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save decision' })).toBeNull();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.getByText('Consistent, sustained evidence.')).toBeTruthy();
    expect((await db.decisions.where('sessionId').equals(session.id).toArray()).every((d) => d.locked)).toBe(true);

    // Reopen refuses an empty reason.
    await user.click(screen.getByRole('button', { name: 'Reopen…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen Week 1?' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Reason (required)'));
    await user.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    expect(await within(dialog).findByText(/Say why the session is reopened/)).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    cleanup();
    render(<CalibrationView params={[session.id, 'audit']} />);
    const table = await screen.findByRole('table', { name: 'Audit trail of Week 1, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('finalize');
    expect(rows.at(-1)!.textContent).toContain('create session');
    expect(within(table).getAllByText('decide')).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Verify audit trail' }));
    const entries = await db.audit.toArray();
    const newest = entries.reduce((a, b) => (b.at > a.at || (b.at === a.at && b.seq > a.seq) ? b : a));
    await screen.findByText(`✓ Chain intact and the trail replays to the records: ${entries.length} entries · ${newest.hash.slice(0, 12)} on 1 device.`);
    expect(screen.getByRole('link', { name: 'Audit' }).getAttribute('aria-current')).toBe('page');
  });
});
