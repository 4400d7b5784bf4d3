// @vitest-environment jsdom
/**
 * The fairness view's nomination and track sections on the sample cycle (12
 * candidates, IC0–M3 framework where IC4 ~ M2, so M1 sits beside IC3).
 *
 * Hand counts: current packets submitted for candidates 2, 4, 7, 9 and 12, so
 * 5 of 12 put forward. Gender: Woman (2, 3, 4, 5, 10, 12) 3 of 6 = 50%,
 * Wilson 18.8%–81.2%, the reference (1.00); Man (4) and Non-binary (2) are
 * under 5 and hidden. Session decisions: IC3 targets 10 promoted, 11 and 12
 * not (3 decided); M1 target 2 promoted (1 decided): each track under 5 in
 * its band, so shown as "fewer than 5", as a group is, and the band is not
 * tested (the rates and the test are checked on larger bands in
 * calibration-nomination.test.ts). Candidates 1 (IC2) and 4 (M3) have no
 * counterpart level on the other track: 2 left out.
 */
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, saveDecision } from '../../../renderer/db/sessions';
import { FairnessView } from '../../../renderer/features/calibration/views';
import { loadCommands } from '../../../renderer/db/app-commands';

// The Fairness view records what it showed through the command layer, which loads on first use (app-commands.ts): loaded
// here, so a test that ends before that load finishes does not leave it importing after the environment is torn down.
beforeAll(() => loadCommands(), 120_000);

configure({ asyncUtilTimeout: 15_000 });

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
const id = (n: number) => `sample-2026-cand-${String(n).padStart(4, '0')}`;

async function newSession(blind = false) {
  return createSession(
    db,
    {
      cycleId: sample.cycle.id,
      name: 'Week 1',
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

function cells(table: HTMLElement, row: string): string[] {
  return within(within(table).getByRole('rowheader', { name: row }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  // Without the sample's pilot session: its candidates would be decided twice here (one decision per candidate per cycle).
  await loadSampleCycle(db, { ...sample, sessions: [], votes: [], decisions: [] });
});
afterEach(() => cleanup());

describe('fairness view: nomination and track sections', { timeout: 30_000 }, () => {
  it('shows the share put forward per group over the cycle, and IC against manager rates per level band', async () => {
    const session = await newSession();
    for (const [n, outcome] of [[10, 'promote'], [11, 'not-yet'], [12, 'not-yet'], [2, 'promote'], [4, 'promote'], [1, 'promote']] as const) await decide(session.id, id(n), outcome);
    render(<FairnessView sessionId={session.id} />);

    const gender = await screen.findByRole('table', { name: 'Put forward by gender' });
    expect(screen.getByText('5 of 12 candidates of the cycle put forward.')).toBeTruthy();
    // Woman alone on show: no ratio against herself (it read 1.00), and the table says why.
    expect(cells(gender, 'Woman').slice(0, 3)).toEqual(['3 of 6', '50% (18.8%–81.2%)', '—']);
    expect(screen.getByText(/Only one group is shown with candidates in the cycle, so there is no other group to compare its rate with: no reference and no impact ratio\./)).toBeTruthy();
    expect(cells(gender, 'Man')[0]).toBe('fewer than 5');
    expect(cells(gender, 'Non-binary')[0]).toBe('fewer than 5');
    expect(screen.getByRole('heading', { name: 'Put forward by managers' })).toBeTruthy();

    const tracks = screen.getByRole('table', { name: 'Promotion rate by track and level band' });
    expect(cells(tracks, 'IC3 ~ M1').slice(0, 3)).toEqual(['fewer than 5', 'fewer than 5', '—']);
    expect(cells(tracks, 'IC4 ~ M2').slice(0, 3)).toEqual(['none decided', 'none decided', '—']);
    expect(screen.getByText(/2 decided candidates are left out/)).toBeTruthy();
  });

  it('does not show the cycle-wide nomination figures while the session is blind', async () => {
    const session = await newSession(true);
    render(<FairnessView sessionId={session.id} />);
    expect(await screen.findByText(/Not shown while this session is blind/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Put forward by/ })).toBeNull();
    expect(screen.getByRole('table', { name: 'Promotion rate by track and level band' })).toBeTruthy();
  });
});
