// @vitest-environment jsdom
/**
 * The fairness view does not move with each decision: recording 1 to 4
 * decisions leaves the shown figures as they were (the sentence above the
 * tables counts them), the 5th brings the figures up to date, and
 * finalizing shows the final figures.
 */
import 'fake-indexeddb/auto';
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nominationReport, sizesShownByNomination } from '../../../shared/calibration/nomination';
import { fairnessReport } from '../../../shared/calibration/fairness';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, finalizeSession, saveDecision } from '../../../renderer/db/sessions';
import { FairnessView } from '../../../renderer/features/calibration/views';
import { useUiStore } from '../../../renderer/state/ui-store';
import { loadCommands } from '../../../renderer/db/app-commands';
import { loadFairnessShown, markFairnessShown } from '../../../renderer/db/fairness-shown';
import { countedDecisions } from '../../../shared/calibration/fairness-refresh';
import { formatInstant } from '../../../renderer/components/dates';
import { trackFairness } from '../../../shared/calibration/track-fairness';
import type { Decision } from '../../../shared/domain';

// The Fairness view records what it showed through the command layer, which loads on first use (app-commands.ts): loaded
// here, so a test that ends before that load finishes does not leave it importing after the environment is torn down.
beforeAll(() => loadCommands(), 120_000);

// Generous: fake-indexeddb on a loaded machine can take seconds per live-query round.
configure({ asyncUtilTimeout: 20000 });

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 30 });

/** A session of every candidate, its chair alone. */
function weekOne(ids: string[]) {
  return createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'chair', name: 'Morgan Ellis', role: 'chair' }], candidateIds: ids, orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
}

async function decide(sessionId: string, candidateId: string, i: number) {
  const outcome = i % 3 === 0 ? 'not-yet' : 'promote';
  await saveDecision(db, { sessionId, candidateId, outcome, newLevelId: null, rationale: 'Evidence against every criterion.', citedCriterionIds: [], nextSteps: outcome === 'promote' ? [] : ['Show the remaining criteria over another quarter.'], dissent: '' }, AT);
}

/** Every promotion table's "Promoted of n" column (or hidden label), by attribute and group. */
function shownCounts(): string {
  return screen
    // The group tables (by gender, by location); the track table shows no personal attribute.
    .getAllByRole('table', { name: /^Promotion rate by (?!track)/ })
    .map((t) => [...t.querySelectorAll('tbody tr')].map((r) => `${r.querySelector('th')?.textContent}=${r.querySelector('td')?.textContent}`).join(','))
    .join(' | ');
}

/** The same column as the model computes it from the database now. */
async function modelCounts(sessionId: string): Promise<string> {
  const session = (await db.sessions.get(sessionId))!;
  const decisions = session.record ? session.record.decisions : (await db.decisions.toArray()).filter((d) => d.sessionId === sessionId);
  // The view takes the nomination section's cycle sizes as known (they are printed beside it), so the model here does too.
  const [cycleCandidates, packets] = await Promise.all([db.candidates.where('cycleId').equals(session.cycleId).toArray(), db.packets.where('cycleId').equals(session.cycleId).toArray()]);
  const candidates = sample.candidates.filter((c) => session.candidateIds.includes(c.id));
  const sizesElsewhere = sizesShownByNomination(nominationReport({ candidates: cycleCandidates, packets }), candidates, cycleCandidates);
  const report = fairnessReport({ candidates, decisions, coverage: [], sizesElsewhere });
  return report.attributes.map((a) => a.promotion.groups.map((g) => `${g.group}=${g.counts ? `${g.counts.promoted} of ${g.counts.n}` : g.hiddenLabel}`).join(',')).join(' | ');
}

/** The track table's rows as shown: band, IC count, manager count. */
function shownTracks(): string {
  const table = screen.getByRole('table', { name: 'Promotion rate by track and level band' });
  return [...table.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].slice(0, 3).map((c) => c.textContent).join('=')).join(' | ');
}

/** The same rows as the model computes them over the given decisions of the session. */
function modelTracks(sessionId: string, decisions: readonly Decision[]): string {
  const report = trackFairness({ candidates: sample.candidates, decisions: decisions.filter((d) => d.sessionId === sessionId), framework: sample.framework });
  return report.bands.map((b) => [b.label, b.ic.text, b.manager.text].join('=')).join(' | ');
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  // Without the sample's pilot session: its candidates would be decided twice here (one decision per candidate per cycle).
  await loadSampleCycle(db, { ...sample, sessions: [], votes: [], decisions: [] });
});
afterEach(() => cleanup());

// Many decisions through the write path and re-renders: tens of seconds on a loaded machine; the limit only catches a hang.
describe('fairness view refresh', { timeout: 180_000 }, () => {
  it('keeps its figures for 1 to 4 decisions, refreshes at the 5th and on finalizing', async () => {
    const ids = sample.candidates.map((c) => c.id);
    const session = await weekOne(ids);
    // 21 decided before the view is opened, so groups are large enough to show.
    for (let i = 0; i < 21; i++) await decide(session.id, ids[i]!, i);
    render(<FairnessView sessionId={session.id} />);
    await screen.findByText(/after 21 decisions; .*\(0 recorded since\)/);
    const before = shownCounts();
    expect(before).toBe(await modelCounts(session.id));
    // The track table counts the same decisions as the tables above it.
    const tracksBefore = shownTracks();
    expect(tracksBefore).toBe(modelTracks(session.id, await db.decisions.toArray()));

    for (let i = 21; i < 25; i++) {
      await decide(session.id, ids[i]!, i);
      await screen.findByText(new RegExp(`after 21 decisions; .*\\(${i - 20} recorded since\\)`));
      expect(shownCounts()).toBe(before);
      expect(shownTracks()).toBe(tracksBefore);
    }
    // The live figures did move: what is held back is real.
    const live = await modelCounts(session.id);
    expect(live).not.toBe(before);
    expect(modelTracks(session.id, await db.decisions.toArray())).not.toBe(tracksBefore);

    await decide(session.id, ids[25]!, 25);
    await screen.findByText(/after 26 decisions; .*\(0 recorded since\)/);
    const fifth = shownCounts();
    expect(fifth).toBe(await modelCounts(session.id));
    expect(fifth).not.toBe(before);
    expect(shownTracks()).toBe(modelTracks(session.id, await db.decisions.toArray()));

    // The last four are held back again; finalizing (every candidate decided) shows the final figures at once.
    for (let i = 26; i < 30; i++) await decide(session.id, ids[i]!, i);
    await screen.findByText(/after 26 decisions; .*\(4 recorded since\)/);
    expect(shownCounts()).toBe(fifth);
    const final = await modelCounts(session.id);
    expect(final).not.toBe(fifth);
    await finalizeSession(db, session.id, AT);
    await screen.findByText(/Final figures: the session is finalized/);
    await waitFor(() => expect(shownCounts()).toBe(final));
  }, 120_000);

  it('shows the same figures after a reload, not the live ones', async () => {
    const ids = sample.candidates.map((c) => c.id);
    const session = await weekOne(ids);
    for (let i = 0; i < 21; i++) await decide(session.id, ids[i]!, i);
    render(<FairnessView sessionId={session.id} />);
    await screen.findByText(/after 21 decisions; .*\(0 recorded since\)/);
    const before = shownCounts();
    for (let i = 21; i < 25; i++) await decide(session.id, ids[i]!, i);
    await screen.findByText(/after 21 decisions; .*\(4 recorded since\)/);
    const live = await modelCounts(session.id);
    expect(live).not.toBe(before);

    // A reload: the page goes, the UI state starts afresh, the database stays.
    cleanup();
    useUiStore.setState(useUiStore.getInitialState(), true);
    render(<FairnessView sessionId={session.id} />);
    await screen.findByText(/after 21 decisions; .*\(4 recorded since\)/);
    expect(shownCounts()).toBe(before);

    // The count toward the refresh carries on from the reload: the 5th decision since brings the live figures.
    await decide(session.id, ids[25]!, 25);
    await screen.findByText(/after 26 decisions; .*\(0 recorded since\)/);
    expect(shownCounts()).toBe(await modelCounts(session.id));
  }, 120_000);

  it('says on which day figures taken on an earlier day were taken, not only the hour', async () => {
    const ids = sample.candidates.map((c) => c.id);
    const session = await weekOne(ids);
    for (let i = 0; i < 21; i++) await decide(session.id, ids[i]!, i);
    // The room last saw these figures a week before today's session went on.
    const takenAt = '2026-11-12T16:50:00.000Z';
    await markFairnessShown(db, session.id, 'session', countedDecisions(await db.decisions.where('sessionId').equals(session.id).toArray()), takenAt);
    expect((await loadFairnessShown(db, session.id, 'session'))?.takenAt).toBe(takenAt);
    render(<FairnessView sessionId={session.id} />);
    const note = await screen.findByText(/after 21 decisions; .*\(0 recorded since\)/);
    expect(note.textContent).toContain(`Figures as of ${formatInstant(takenAt)},`);
    expect(formatInstant(takenAt)).toMatch(/2026/);
  }, 120_000);
});
