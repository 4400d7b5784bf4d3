// @vitest-environment jsdom
/**
 * The other calibration views over fake-indexeddb (a 12-candidate sample
 * cycle and a session reviewing all of them): side by side shows
 * sideBySide()'s message until two candidates are picked, then the level's
 * criteria as rows with evidence titles; managers, levels and fairness show
 * the figures of the pure functions with their rules one click away;
 * fairness explains itself when no candidate has group attributes; and in
 * blind mode no view shows a real name, manager or group value.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fairnessReport } from '../../../shared/calibration/fairness';
import { formatPercent, formatSigned } from '../../../shared/calibration/common';
import { levelDistribution } from '../../../shared/calibration/levels';
import { LENIENCY_STATUS_TEXT, managerCalibration } from '../../../shared/calibration/managers';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, saveDecision } from '../../../renderer/db/sessions';
import { CALIBRATION_VIEWS, FairnessView, LevelsView, ManagersView, SideBySideView } from '../../../renderer/features/calibration/views';
import { busiestLevel, sessionLevels } from '../../../shared/calibration/session-levels';
import { storedRows } from '../../fixtures/db/coverage-rows';
import { loadCommands } from '../../../renderer/db/app-commands';

// The Fairness view records what it showed through the command layer, which loads on first use (app-commands.ts): loaded
// here, so a test that ends before that load finishes does not leave it importing after the environment is torn down.
beforeAll(() => loadCommands(), 120_000);

configure({ asyncUtilTimeout: 15_000 });

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
const levelId = busiestLevel(sessionLevels(sample.framework, sample.candidates))!;
const atLevel = sample.candidates.filter((c) => c.targetLevelId === levelId).sort((a, b) => a.name.localeCompare(b.name));
const GROUP_VALUES = [...new Set(sample.candidates.flatMap((c) => Object.values(c.groups)))];

let sessions = 0;
async function newSession(blind = false) {
  return createSession(
    db,
    {
      cycleId: sample.cycle.id,
      // Each its own name: a cycle's sessions are told apart by name.
      name: `Week ${++sessions}`,
      members: [{ id: 'chair', name: 'Morgan Ellis', role: 'chair' }],
      candidateIds: sample.candidates.map((c) => c.id),
      orderMode: 'by-level',
      timeboxMinutes: 8,
      blind,
    },
    AT,
  );
}

async function decide(sessionId: string, candidateId: string, outcome: 'promote' | 'not-yet') {
  await saveDecision(db, { sessionId, candidateId, outcome, newLevelId: null, rationale: 'Evidence against every criterion.', citedCriterionIds: [], nextSteps: outcome === 'promote' ? [] : ['Show the remaining criteria over another quarter.'], dissent: '' }, AT);
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

describe('calibration views', { timeout: 30_000 }, () => {
  it('lists the five views with their route segments', () => {
    expect(CALIBRATION_VIEWS.map((v) => v.id)).toEqual(['heatmap', 'compare', 'managers', 'levels', 'fairness']);
  });

  it('side by side: says what to pick, then shows the criteria as rows with ratings and evidence titles', async () => {
    expect(atLevel.length).toBeGreaterThanOrEqual(2);
    const session = await newSession();
    const user = userEvent.setup();
    render(<SideBySideView sessionId={session.id} />);
    expect(await screen.findByText('Pick at least 2 candidates to compare.')).toBeTruthy();

    // Only candidates of the chosen level are offered.
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(atLevel.length);
    const [a, b] = atLevel;
    await user.click(screen.getByRole('checkbox', { name: new RegExp(`^${a!.name}`) }));
    expect(screen.getByText('Pick at least 2 candidates to compare.')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: new RegExp(`^${b!.name}`) }));

    const table = await screen.findByRole('table');
    const criteria = sample.framework.criteria.filter((c) => c.levelId === levelId);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(criteria.length);
    // Each criterion by the code the review, the decision and the CSV use: the level's code and its place, "IC3.2".
    const levelCode = sample.framework.levels.find((l) => l.id === levelId)!.code;
    expect(within(table).getAllByRole('rowheader').map((h) => h.querySelector('.cv-criteria-code')?.textContent)).toEqual(criteria.map((_, i) => `${levelCode}.${i + 1}`));
    expect(within(table).getAllByRole('columnheader').map((h) => h.querySelector('.cv-compare-who')?.textContent ?? h.textContent)).toEqual(['Criterion', a!.name, b!.name]);
    for (const cell of within(table).getAllByRole('cell')) expect(cell.querySelector('.cv-rating')?.textContent).toMatch(/^[●◐○—] (Consistently|Partially|Not yet|None)$/);

    // Evidence titles arrive from useEvidenceOf.
    const linked = sample.evidence.find((e) => e.candidateId === a!.id && e.criterionIds.some((id) => criteria.some((c) => c.id === id)))!;
    await waitFor(() => expect(within(table).getAllByText(linked.title, { exact: false }).length).toBeGreaterThan(0));
  });

  it('side by side: shows the too-many message from sideBySide as text', async () => {
    // Five or more candidates at one level: point every candidate at the busiest level.
    await db.candidates.toCollection().modify((c) => {
      c.targetLevelId = levelId;
    });
    const session = await newSession();
    const user = userEvent.setup();
    render(<SideBySideView sessionId={session.id} />);
    await screen.findByText('Pick at least 2 candidates to compare.');
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(sample.candidates.length);
    for (const box of boxes.slice(0, 4)) await user.click(box);
    expect(await screen.findByRole('table')).toBeTruthy();
    await user.click(boxes[4]!);
    expect(await screen.findByText('Compare at most 4 candidates at a time.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('managers: one row per manager with leniency, status, evidence signal and promoted share as computed, and the rule and inputs on click', async () => {
    const session = await newSession();
    const user = userEvent.setup();
    render(<ManagersView sessionId={session.id} />);
    const table = await screen.findByRole('table', { name: 'Ratings, leniency and outcomes by manager' });
    const stored = await storedRows(db);
    const expected = managerCalibration({ candidates: sample.candidates, coverage: stored, packets: sample.packets, decisions: [], framework: sample.framework });

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(expected.managers.length);
    for (const m of expected.managers) {
      const row = rows.find((r) => within(r).queryByRole('rowheader', { name: m.manager }))!;
      expect(row).toBeTruthy();
      const cells = within(row).getAllByRole('cell');
      expect(cells[0]?.textContent).toBe(String(m.candidateIds.length));
      expect(cells[1]?.textContent).toContain(`Consistently ${m.assessments.own.consistently}`);
      // A manager with too few rated candidates shows no figure or interval in the table: shrunk almost to 0, it read as the most precise.
      if (m.leniency.status === 'too-few') expect(cells[2]?.textContent?.startsWith('— no figure')).toBe(true);
      else expect(cells[2]?.textContent?.startsWith(m.leniency.value === null ? '—' : formatSigned(m.leniency.value))).toBe(true);
      if (m.leniency.status === 'too-few') expect(cells[2]?.textContent?.split('Why?')[0]).not.toMatch(/\d/);
      expect(cells[3]?.textContent).toContain(LENIENCY_STATUS_TEXT[m.leniency.status]);
      expect(cells[4]?.textContent?.startsWith(m.evidence.value === null ? '—' : `${formatPercent(m.evidence.value)} (${m.evidence.inputs.withoutSustained}/`)).toBe(true);
    }

    const first = expected.managers[0]!;
    const why = screen.getByRole('button', { name: `Why: leniency of ${first.manager}` });
    expect(why.getAttribute('title')).toBe(first.leniency.rule);
    await user.click(why);
    const panel = document.getElementById(why.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain(first.leniency.rule);
    expect(panel.textContent).toContain(`Rated candidates: ${first.leniency.inputs.ratedCandidates}`);
    await user.keyboard('{Escape}');
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(why);

    expect(screen.getByText(expected.flagRule)).toBeTruthy();
    // A spread above 0 is the estimate, not a test: never said as "managers differ beyond chance".
    expect(screen.queryByText(/differ somewhat beyond chance/)).toBeNull();
    expect(expected.managers.some((m) => m.leniency.status === 'too-few')).toBe(true);
    // The help says what the figures are not, and how little 5 to 8 candidates can tell.
    const help = screen.getByText(/What the estimate can and cannot tell/).textContent ?? '';
    expect(help).toContain('95% interval is wide, about ±0.2 to ±0.4');
    expect(help).toContain('“Too few candidates to tell” or “No clear difference”');
    expect(help).toContain('Nor can it fully separate a lenient manager from one whose candidates are strong');
    expect(help).toContain('not a finding, and not legal advice');
    // The chart follows the table, in a figure of its own.
    expect(screen.getByRole('figure', { name: 'Share of rated criteria by rating, per manager' })).toBeTruthy();
  });

  it('managers: the readiness gap says how many decided candidates it rests on, as the promoted share does', async () => {
    // "+0.50" from one decision, beside "Too few candidates to tell", read as a finding (a committee trial).
    const session = await newSession();
    const decided = sample.candidates[0]!;
    await decide(session.id, decided.id, 'not-yet');
    render(<ManagersView sessionId={session.id} />);
    const table = await screen.findByRole('table', { name: 'Ratings, leniency and outcomes by manager' });
    await waitFor(() => {
      const row = within(table).getAllByRole('row').find((r) => within(r).queryByRole('rowheader', { name: decided.manager }))!;
      expect(within(row).getAllByRole('cell').at(-1)?.textContent).toMatch(/^[+−]?\d\.\d\d \(1 decided\)/);
    });
  });

  it('levels: before and after per level as computed, following decisions as they are made', async () => {
    const session = await newSession();
    render(<LevelsView sessionId={session.id} />);
    const table = await screen.findByRole('table', { name: 'Candidates per level, before and after the decisions' });
    const before = levelDistribution({ framework: sample.framework, candidates: sample.candidates, decisions: [] });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(before.series.length);
    expect(screen.getByText(before.rule)).toBeTruthy();

    const promoted = sample.candidates[0]!;
    await decide(session.id, promoted.id, 'promote');
    const target = sample.framework.levels.find((l) => l.id === promoted.targetLevelId)!;
    const after = levelDistribution({ framework: sample.framework, candidates: sample.candidates, decisions: [{ candidateId: promoted.id, outcome: 'promote', newLevelId: target.id }] });
    const point = after.series.find((p) => p.levelId === target.id)!;
    await waitFor(() => {
      const row = within(table).getAllByRole('row').find((r) => r.querySelector('th[scope="row"]')?.textContent?.startsWith(`${target.code} `))!;
      const cells = within(row).getAllByRole('cell');
      expect(cells.map((c) => c.textContent)).toEqual([String(point.before), String(point.after), point.after - point.before > 0 ? `+${point.after - point.before}` : String(point.after - point.before)]);
    });
    expect(screen.getByText(/1 of 12 candidates decided; 1 changes level\./)).toBeTruthy();
  });

  it('fairness: counts, rates with intervals, ratios, p-values and statuses per group as the model writes them; hidden groups labelled', async () => {
    const session = await newSession();
    const members = sample.candidates.slice(0, 10);
    for (const [i, c] of members.entries()) await decide(session.id, c.id, i % 2 === 0 ? 'promote' : 'not-yet');
    const user = userEvent.setup();
    render(<FairnessView sessionId={session.id} />);
    await screen.findByRole('heading', { name: 'Fairness: outcomes by group' });
    // This session's decisions only: the sample's finalized pilot session has its own.
    const decisions = (await db.decisions.toArray()).filter((d) => d.sessionId === session.id);
    const report = fairnessReport({ candidates: sample.candidates, decisions, coverage: await storedRows(db) });

    for (const a of report.attributes) {
      const table = screen.getByRole('table', { name: `Promotion rate by ${a.attribute}` });
      for (const g of a.promotion.groups) {
        const row = within(table).getByRole('rowheader', { name: g.group }).closest('tr')!;
        const cells = within(row).getAllByRole('cell');
        if (g.counts === null) {
          expect(cells[0]?.textContent).toBe(g.hiddenLabel);
        } else {
          expect(cells[0]?.textContent).toBe(`${g.counts.promoted} of ${g.counts.n}`);
          expect(cells[1]?.textContent).toBe(String(g.counts.deferred));
          expect(cells[2]?.textContent).toBe(String(g.counts.undecided));
          if (g.rate !== null) expect(cells[3]?.textContent).toBe(`${g.text.rate} (${g.text.rateInterval})`);
        }
      }
      const readiness = screen.getByRole('table', { name: `Readiness rate by ${a.attribute}` });
      for (const p of a.readiness.series) {
        const row = within(readiness).getByRole('rowheader', { name: p.group }).closest('tr')!;
        const [rate, n] = within(row).getAllByRole('cell');
        expect(n?.textContent).toBe(p.nLabel);
        expect(rate?.textContent).toBe(p.rateText);
      }
    }
    expect(screen.getByText(report.rules.statuses)).toBeTruthy();
    expect(screen.getByText(/not a finding of discrimination, and not legal advice/)).toBeTruthy();
    const g = report.attributes[0]!.promotion.groups[0]!;
    await user.click(screen.getAllByRole('button', { name: `Why: promotion figures for ${g.group}` })[0]!);
    expect(screen.getAllByText(g.rule).length).toBeGreaterThan(0);
  });

  it('fairness: a session’s chart draws readiness beside promotion, and its legend names both', async () => {
    const big = generateSampleCycle(ic0M3Levels, { candidates: 40 });
    await db.delete();
    await db.open();
    await loadSampleCycle(db, { ...big, sessions: [], votes: [], decisions: [] });
    const session = await createSession(db, { cycleId: big.cycle.id, name: 'All', members: [{ id: 'chair', name: 'Morgan Ellis', role: 'chair' }], candidateIds: big.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
    for (const [i, c] of big.candidates.entries()) await decide(session.id, c.id, i % 3 === 0 ? 'not-yet' : 'promote');
    render(<FairnessView sessionId={session.id} />);
    await screen.findByRole('heading', { name: 'Fairness: outcomes by group' });
    const report = fairnessReport({ candidates: big.candidates, decisions: await db.decisions.toArray(), coverage: await storedRows(db) });
    const shown = report.attributes.filter((a) => a.readiness.withheld === null && a.promotion.groups.some((g) => (g.rate ?? 0) > 0));
    expect(shown.length).toBeGreaterThan(0);
    for (const a of shown) expect(within(screen.getByRole('list', { name: `Legend of Promotion and readiness rate by ${a.attribute}` })).getByText('Readiness rate')).toBeTruthy();
  });

  it('fairness: the whole cycle counts every session’s latest decisions, the session only its own', async () => {
    // Without the sample's pilot session: every candidate is decided here once (one decision per candidate per cycle).
    await db.delete();
    await db.open();
    await loadSampleCycle(db, { ...sample, sessions: [], votes: [], decisions: [] });
    const first = await newSession();
    const second = await newSession();
    // Half not promoted, so the cycle's women (3 of 6) have no cell under 3 and are shown.
    for (const [i, c] of sample.candidates.entries()) await decide(i < 6 ? first.id : second.id, c.id, i % 4 < 2 ? 'not-yet' : 'promote');
    const user = userEvent.setup();
    render(<FairnessView sessionId={first.id} />);
    await screen.findByRole('heading', { name: 'Fairness: outcomes by group' });
    const all = await db.decisions.toArray();
    const session = fairnessReport({ candidates: sample.candidates, decisions: all.filter((d) => d.sessionId === first.id), coverage: [] });
    const cycle = fairnessReport({ candidates: sample.candidates, decisions: all, coverage: [] });
    const cells = (a: string, group: string) =>
      within(screen.getByRole('table', { name: `Promotion rate by ${a}` }))
        .getByRole('rowheader', { name: group })
        .closest('tr')!
        .querySelectorAll('td')[0]!.textContent;
    const expectTable = (report: typeof cycle) => {
      for (const a of report.attributes)
        for (const g of a.promotion.groups) expect(cells(a.attribute, g.group)).toBe(g.counts ? `${g.counts.promoted} of ${g.counts.n}` : g.hiddenLabel);
    };
    expectTable(session);
    await user.click(screen.getByRole('radio', { name: /The whole cycle/ }));
    await waitFor(() => expectTable(cycle));
    // Not the same figures: the cycle shows groups the session cannot.
    expect(cycle.attributes.some((a) => a.promotion.groups.some((g) => g.counts !== null))).toBe(true);
    expect(JSON.stringify(cycle.attributes.map((a) => a.promotion))).not.toBe(JSON.stringify(session.attributes.map((a) => a.promotion)));
    expect(screen.queryByRole('table', { name: /^Readiness rate by / })).toBeNull();
    // Nor does a chart name readiness it does not draw: its legend and caption speak of promotion alone.
    const legends = screen.getAllByRole('list', { name: /^Legend of / });
    expect(legends.length).toBeGreaterThan(0);
    for (const legend of legends) {
      expect(legend.getAttribute('aria-label')).toMatch(/^Legend of Promotion rate by /);
      expect(within(legend).queryByText('Readiness rate')).toBeNull();
      expect(within(legend).getByText('Promotion rate')).toBeTruthy();
    }
  });

  it('fairness: explains the view when no candidate has group attributes', async () => {
    await db.candidates.toCollection().modify((c) => {
      c.groups = {};
    });
    const session = await newSession();
    render(<FairnessView sessionId={session.id} />);
    const empty = await screen.findByRole('region', { name: 'No group attributes to compare' });
    expect(empty.textContent).toContain('Group attributes are optional on candidates');
    expect(empty.textContent).toContain('promotion rate and the readiness rate');
    // Only the track comparison, which needs no group attributes.
    expect(screen.getAllByRole('table').map((t) => t.querySelector('caption')?.textContent)).toEqual(['Promotion rate by track and level band']);
  });

  it('blind mode: no view shows a real candidate or manager name, nor a group value', async () => {
    const session = await newSession(true);
    for (const [i, c] of sample.candidates.slice(0, 10).entries()) await decide(session.id, c.id, i % 3 === 0 ? 'not-yet' : 'promote');
    // Free text naming people (an evidence title) is redacted too.
    const criterion = sample.framework.criteria.find((c) => c.levelId === levelId)!;
    const template = sample.evidence[0]!;
    const named = atLevel.map((c) => ({ ...template, id: `${c.id}-named`, candidateId: c.id, title: `Paired with ${c.name} and ${c.manager} on the rollout`, criterionIds: [criterion.id] }));
    await db.evidence.bulkPut(named);
    // A submitted packet is shown with the evidence its snapshot froze (useEvidenceOf): cited there too.
    await db.packets.toCollection().modify((p) => {
      const item = named.find((e) => e.candidateId === p.candidateId);
      if (item && p.snapshot) p.snapshot.evidence.push(item);
    });
    const user = userEvent.setup();
    const real = (text: string) => sample.candidates.filter((c) => text.includes(c.name) || text.includes(c.manager)).map((c) => c.name);

    for (const view of CALIBRATION_VIEWS.filter((v) => v.id !== 'heatmap')) {
      const { container, unmount } = render(<view.Component sessionId={session.id} />);
      await waitFor(() => expect(container.querySelector('h2')).toBeTruthy());
      if (view.id === 'compare') {
        for (const box of screen.getAllByRole('checkbox').slice(0, 2)) await user.click(box);
        await screen.findByRole('table');
        await waitFor(() => expect(screen.getAllByText(/^Paired with /).length).toBe(2));
      }
      // Open every "Why?" so the rules are in the text too.
      for (const why of screen.queryAllByRole('button', { name: /^Why: / })) await user.click(why);
      const text = container.textContent ?? '';
      expect(real(text), view.id).toEqual([]);
      for (const e of container.querySelectorAll('[title]')) expect(real(e.getAttribute('title') ?? ''), view.id).toEqual([]);
      if (view.id === 'fairness') {
        // Group rows; the track table's rows are level bands (IC3 ~ M1), not groups.
        const shown = [...container.querySelectorAll('th[scope="row"]')]
          .filter((th) => th.closest('table')?.querySelector('caption')?.textContent !== 'Promotion rate by track and level band')
          .map((th) => th.textContent ?? '');
        expect(shown.length).toBeGreaterThan(0);
        for (const value of GROUP_VALUES) expect(shown, value).not.toContain(value);
        for (const rule of [...container.querySelectorAll('.cv-explain-panel .cv-explain-rule')].map((p) => p.textContent ?? '')) {
          for (const value of GROUP_VALUES) expect(rule.startsWith(`${value}:`), rule).toBe(false);
        }
        expect(shown.every((s) => /^(Gender|Location) [1-9]\d( 2)?$|^Not given$/.test(s))).toBe(true);
      }
      unmount();
    }
  });
});
