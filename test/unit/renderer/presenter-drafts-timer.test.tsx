// @vitest-environment jsdom
/**
 * The presenter keeps what the committee is in the middle of: a decision's
 * typed rationale survives Esc, J, K and leaving the presenter, and is
 * dropped once saved, and a half-written decision survives a reload; the timer keeps each candidate's time; Ctrl+Enter
 * saves the decision; the `?` overlay lists every key; the full-screen
 * presenter shows the same candidate with the criteria table first.
 */
import { cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Session } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { ShortcutsOverlay } from '../../../renderer/app/shortcuts';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, recordVote, updateSession } from '../../../renderer/db/sessions';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { useUiStore } from '../../../renderer/state/ui-store';
import { timerKeyOf } from '../../../renderer/features/calibration/session/timer';

configure({ asyncUtilTimeout: 15_000 });

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 8 });
const reviewed = sample.candidates.slice(0, 3);
let session: Session;
let ordered: string[];

beforeEach(async () => {
  window.location.hash = '';
  localStorage.clear();
  useUiStore.setState({ drafts: {}, timers: {}, shortcutsOpen: false });
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  session = await createSession(
    db,
    {
      cycleId: sample.cycle.id,
      name: 'Week 2',
      members: [{ id: 'm-chair', name: 'Morgan Ellis', role: 'chair' }],
      candidateIds: reviewed.map((c) => c.id),
      orderMode: 'by-level',
      timeboxMinutes: 8,
      blind: false,
    },
    AT,
  );
  ordered = session.candidateIds;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const nameOf = (id: string) => reviewed.find((c) => c.id === id)!.name;
const onScreen = (id: string, level = 2) => screen.findByRole('heading', { level, name: new RegExp(`^${nameOf(id)}`) });
const keptInStorage = () => Object.keys(localStorage).filter((k) => k.startsWith('levelset.draft.'));
/** What a reload does to the UI store: a new one, made from what the browser kept. */
async function reload() {
  vi.resetModules();
  const fresh = await import('../../../renderer/state/ui-store');
  useUiStore.setState({ drafts: fresh.useUiStore.getState().drafts, timers: {} });
}
const rationale = () => screen.getByLabelText('Rationale (required)') as HTMLTextAreaElement;
/**
 * Does `press` in the moment `id`'s candidate first shows in the review: when the change to the page is seen, before
 * anything the app runs after it (React runs effects in a later task, after the browser paints): the earliest a person
 * could press a key or click.
 */
function pressOnceShown(id: string, press: () => void) {
  const observer = new MutationObserver(() => {
    if (!document.getElementById('presenter-name')?.textContent?.startsWith(nameOf(id))) return;
    observer.disconnect();
    press();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  onTestFinished(() => observer.disconnect());
}

describe('Presenter drafts, timer and keys', { timeout: 60_000 }, () => {
  it('keeps a typed rationale through Esc, J and K and a closed presenter, and drops it once saved', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    await user.click(rationale());
    await user.keyboard('Ready on all but one criterion');
    await user.keyboard('{Escape}j');
    await onScreen(ordered[1]!);
    expect(rationale().value).toBe('');
    await user.keyboard('k');
    await onScreen(ordered[0]!);
    expect(rationale().value).toBe('Ready on all but one criterion');

    // Leaving the session page and coming back within the app keeps it too.
    cleanup();
    render(<CalibrationView params={[session.id, 'heatmap']} />);
    cleanup();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    expect(rationale().value).toBe('Ready on all but one criterion');

    await user.click(within(screen.getByRole('group', { name: 'Outcome' })).getByRole('radio', { name: 'Promote' }));
    await user.click(screen.getByRole('button', { name: 'Save decision' }));
    await screen.findByText(/Decision saved/);
    expect((await db.decisions.get(`${session.id}:${ordered[0]}`))?.rationale).toBe('Ready on all but one criterion');
    expect(useUiStore.getState().drafts).toEqual({});
    expect(keptInStorage()).toEqual([]);
  });

  it('keeps a half-written decision through a reload, and says it is not saved yet', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    await user.click(within(screen.getByRole('group', { name: 'Outcome' })).getByRole('radio', { name: 'Not yet' }));
    await user.click(rationale());
    await user.keyboard('Scope held back by the migration');
    expect(screen.getByText(/^Not saved yet: the draft is kept on this computer/)).toBeTruthy();

    // A reload: this run's memory is gone, and the UI store is made afresh from what the browser kept.
    cleanup();
    await reload();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    expect(rationale().value).toBe('Scope held back by the migration');
    expect(within(screen.getByRole('group', { name: 'Outcome' })).getByRole('radio', { name: 'Not yet' })).toHaveProperty('checked', true);
    expect(screen.getByText(/^Not saved yet/)).toBeTruthy();
  });

  it('starts a fresh form when what was kept is not a decision draft', async () => {
    localStorage.setItem(`levelset.draft.decision:${session.id}:${ordered[0]}`, JSON.stringify({ outcome: 'maybe', rationale: 42 }));
    localStorage.setItem(`levelset.draft.decision:${session.id}:${ordered[1]}`, '{not json');
    await reload();
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    expect(rationale().value).toBe('');
    expect(screen.queryByText(/^Not saved yet/)).toBeNull();
    await user.keyboard('j');
    await onScreen(ordered[1]!);
    expect(rationale().value).toBe('');
  });

  it('saves the decision with Ctrl+Enter from its rationale', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    await user.click(within(screen.getByRole('group', { name: 'Outcome' })).getByRole('radio', { name: 'Promote' }));
    await user.click(rationale());
    await user.keyboard('Sustained on every criterion{Control>}{Enter}{/Control}');
    await screen.findByText(/Decision saved/);
    expect(await db.decisions.get(`${session.id}:${ordered[0]}`)).toMatchObject({ outcome: 'promote', rationale: 'Sustained on every criterion' });
  });

  it('leaves a vote’s options with Esc, as the shortcut says, and records nothing', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    const heading = await onScreen(ordered[0]!);
    const votes = await db.votes.count();
    await user.keyboard('p');
    expect((document.activeElement as HTMLInputElement | null)?.type).toBe('radio');
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(heading);
    expect(await db.votes.count()).toBe(votes);
  });

  // A member's trial in full screen: Esc right after recording a vote (the focus on its "Recorded" line) left full screen.
  it('leaves a vote just recorded with Esc, as it leaves its options', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    const heading = await onScreen(ordered[0]!);
    await user.keyboard('p');
    await user.keyboard(' ');
    const state = await screen.findByText(/Recorded, hidden until the pre-votes are revealed/);
    await vi.waitFor(() => expect(document.activeElement?.closest('.vote-cell')).not.toBeNull());
    expect(state.closest('.vote-cell')).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(heading);
  });

  // A chair's trial: with the chair's final vote cast first, their pre-vote is locked, and P did nothing at all.
  it('P goes to the first member whose pre-vote can still be cast, past one locked by a final vote', async () => {
    const { members, candidateIds, orderMode, timeboxMinutes } = session;
    await updateSession(db, session.id, { name: session.name, members: [...members, { id: 'm-2', name: 'Priyanka Rao', role: 'member' }], candidateIds, orderMode, timeboxMinutes }, AT);
    await recordVote(db, { sessionId: session.id, candidateId: ordered[0]!, memberId: 'm-chair', phase: 'post', outcome: 'promote' }, AT);
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    await screen.findByText(/Locked: the final vote is cast/);
    await user.keyboard('p');
    const group = screen.getByRole('group', { name: 'Pre-vote of Priyanka Rao' });
    expect(group.contains(document.activeElement)).toBe(true);
    expect((document.activeElement as HTMLInputElement).type).toBe('radio');
  });

  // A member's trial: with every pre-vote cast, P went to the first member's vote without a word, which read as one still to cast.
  it('P with every pre-vote cast says so, and goes to the first one to change it', async () => {
    await recordVote(db, { sessionId: session.id, candidateId: ordered[0]!, memberId: 'm-chair', phase: 'pre', outcome: 'promote' }, AT);
    const user = userEvent.setup();
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    await screen.findByText(/Recorded, hidden until the pre-votes are revealed/);
    await user.keyboard('p');
    expect((document.activeElement as HTMLInputElement).type).toBe('radio');
    await vi.waitFor(() => expect(useUiStore.getState().status?.text).toBe('Every member has cast a pre-vote for this candidate; P went to the first one, to change it.'));
  });

  it('keeps each candidate’s time: switching away and back resumes it', async () => {
    let clock = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const user = userEvent.setup();
    const timer = () => screen.getByRole('timer', { name: 'Time on this candidate' }).textContent;
    // The clock moves only once a candidate's timer is counting, so the test does not depend on when React runs effects.
    const counting = (candidateId: string) =>
      vi.waitFor(() => expect(useUiStore.getState().timers[timerKeyOf(session.id, candidateId)]?.runningSince).toBe(clock));
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    await counting(ordered[0]!);
    clock += 90_000;
    await user.keyboard('j');
    await onScreen(ordered[1]!);
    await counting(ordered[1]!);
    await vi.waitFor(() => expect(timer()).toBe('0:00 of 8:00'));
    clock += 30_000;
    await user.keyboard('k');
    await onScreen(ordered[0]!);
    // 90 s on the first candidate; the 30 s spent on the second do not count here.
    await vi.waitFor(() => expect(timer()).toBe('1:30 of 8:00'));
    await user.keyboard('j');
    await onScreen(ordered[1]!);
    await vi.waitFor(() => expect(timer()).toBe('0:30 of 8:00'));
  });

  it('lists every key in the shortcut help, the presenter’s included', () => {
    useUiStore.setState({ shortcutsOpen: true });
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    render(<ShortcutsOverlay />);
    const rows = [...document.querySelectorAll('.shortcut-table tr')].map((tr) => tr.textContent ?? '');
    const row = (keys: string) => rows.find((r) => r.startsWith(keys));
    expect(row('J or →')).toBe('J or →Next candidate');
    expect(row('K or ←')).toBe('K or ←Previous candidate');
    expect(row('P')).toMatch(/^PPre-vote/);
    expect(row('F')).toMatch(/^FFinal vote/);
    expect(row('D')).toBe('DDecision');
    expect(row('N')).toBe('NLog new evidence');
    expect(rows).toContain('Ctrl+EnterSave the decision being written');
    expect(rows.some((r) => r.startsWith('Ctrl+EnterAdd the evidence'))).toBe(true);
    expect(rows).toContain('Ctrl+ZUndo the last change (outside a text field)');
    expect(rows).toContain('4 or Ctrl+4Calibration');
    expect(rows).toContain('?This list');
  });

  it('opens full screen on the candidate the review tab was on, criteria first, and Esc goes back', async () => {
    const user = userEvent.setup();
    window.location.hash = `#/calibration/${session.id}`;
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    await user.keyboard('j');
    await onScreen(ordered[1]!);
    expect(screen.getByRole('link', { name: 'Full screen' }).getAttribute('href')).toBe(`#/calibration/${session.id}/present/${ordered[1]}`);
    // Full screen and back are two views of one place: no history entry each, so Back leaves the review.
    const entries = window.history.length;
    await user.click(screen.getByRole('link', { name: 'Full screen' }));
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/calibration/${session.id}/present/${ordered[1]}`));
    expect(window.history.length).toBe(entries);

    cleanup();
    render(<CalibrationView params={[session.id, 'present']} />);
    await onScreen(ordered[1]!, 1);
    const table = screen.getByRole('table', { name: /^Criteria of / });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBe(sample.framework.criteria.filter((c) => c.levelId === reviewed.find((r) => r.id === ordered[1])!.targetLevelId).length);
    expect(rows[0]!.textContent).toMatch(/Consistently|Partially|Not yet|Not assessed/);
    // The main facts come before the votes and the decision.
    const heading = screen.getByRole('heading', { level: 1 });
    const decision = screen.getByRole('heading', { name: 'Decision' });
    expect(heading.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(table.compareDocumentPosition(decision) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Leave full screen' }).getAttribute('href')).toBe(`#/calibration/${session.id}/review/${ordered[1]}`);

    await user.keyboard('{Escape}');
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/calibration/${session.id}/review/${ordered[1]}`));
    expect(window.history.length).toBe(entries);
  });

  it('keeps the candidate on screen in the route, so a reload or a link opens the review on it', async () => {
    const user = userEvent.setup();
    window.location.hash = `#/calibration/${session.id}`;
    render(<CalibrationView params={[session.id]} />);
    await onScreen(ordered[0]!);
    // The route names the candidate shown, replacing the entry (Back leaves the review, not one candidate).
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/calibration/${session.id}/review/${ordered[0]}`));
    const entries = window.history.length;
    await user.keyboard('j');
    await onScreen(ordered[1]!);
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/calibration/${session.id}/review/${ordered[1]}`));
    expect(window.history.length).toBe(entries);

    cleanup();
    // A reload: the page mounts afresh, and the route wins over the candidate last shown in this run.
    window.location.hash = `#/calibration/${session.id}/review/${ordered[2]}`;
    render(<CalibrationView params={[session.id, 'review', ordered[2]!]} />);
    await onScreen(ordered[2]!);

    // Keys pressed faster than the route catches up each count (the route still naming an earlier candidate lost steps).
    cleanup();
    window.location.hash = `#/calibration/${session.id}/review/${ordered[0]}`;
    render(<CalibrationView params={[session.id, 'review', ordered[0]!]} />);
    await onScreen(ordered[0]!);
    const arrived: string[] = [];
    const onHashChange = (event: HashChangeEvent) => arrived.push(new URL(event.newURL).hash);
    window.addEventListener('hashchange', onHashChange);
    onTestFinished(() => window.removeEventListener('hashchange', onHashChange));
    const fast = userEvent.setup({ delay: null });
    await fast.keyboard('jj');
    await onScreen(ordered[2]!);
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/calibration/${session.id}/review/${ordered[2]}`));
    // The route's echo of each move has arrived (the last names the third candidate), and the review stayed on it.
    await vi.waitFor(() => expect(arrived.at(-1)).toBe(`#/calibration/${session.id}/review/${ordered[2]}`));
    expect(screen.getByRole('heading', { level: 2, name: new RegExp(`^${nameOf(ordered[2]!)}`) })).toBeTruthy();

    // A link to another candidate of the same session, with the page mounted: the review follows it.
    window.location.hash = `#/calibration/${session.id}/review/${ordered[0]}`;
    await onScreen(ordered[0]!);
  });

  // Both were lost: the keys were heard only from an effect run after the paint, and that run of the effects also set
  // the candidate from the route the review opened on again, taking back a move made before it.
  const at = (id: string) => `#/calibration/${session.id}/review/${id}`;
  it('moves with J pressed as soon as the review shows its candidate', async () => {
    window.location.hash = at(ordered[0]!);
    pressOnceShown(ordered[0]!, () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'j' }));
    render(<CalibrationView params={[session.id, 'review', ordered[0]!]} />);
    await onScreen(ordered[1]!);
    await vi.waitFor(() => expect(window.location.hash).toBe(at(ordered[1]!)));
  });

  it('moves with Next clicked as soon as the review shows its candidate', async () => {
    window.location.hash = at(ordered[0]!);
    pressOnceShown(ordered[0]!, () => fireEvent.click(screen.getByRole('button', { name: 'Next' })));
    render(<CalibrationView params={[session.id, 'review', ordered[0]!]} />);
    await onScreen(ordered[1]!);
    await vi.waitFor(() => expect(window.location.hash).toBe(at(ordered[1]!)));
  });

  it('says so when a link names a candidate the session does not review, and opens on the first', async () => {
    useUiStore.setState({ status: null });
    window.location.hash = `#/calibration/${session.id}/review/not-in-this-session`;
    render(<CalibrationView params={[session.id, 'review', 'not-in-this-session']} />);
    await onScreen(ordered[0]!);
    await vi.waitFor(() => expect(useUiStore.getState().status).toEqual({ text: 'The candidate in that link is not reviewed in this session, so the review opens on its first candidate.', tone: 'info' }));
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/calibration/${session.id}/review/${ordered[0]}`));
  });
});
