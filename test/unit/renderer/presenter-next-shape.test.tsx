// @vitest-environment jsdom
/**
 * Moving to the next candidate in review works on that candidate's rows
 * (issue 13: each move scanned the session's whole coverage, 40,000 rows at
 * 1,000 candidates, in the presenter and again in the decision panel): the
 * per-candidate model and the decision panel are given the candidate's
 * coverage rows, grouped once per read.
 */
import { cleanup, configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db as appDb } from '../../../renderer/db/database';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';

const seen = vi.hoisted(() => ({ coverage: [] as { candidate: string; rows: string[] }[] }));
vi.mock('../../../shared/calibration/presenter-model', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/calibration/presenter-model')>();
  return {
    ...actual,
    presenterCandidate: (input: Parameters<typeof actual.presenterCandidate>[0]) => {
      seen.coverage.push({ candidate: input.candidate.id, rows: input.coverage.map((r) => r.candidateId) });
      return actual.presenterCandidate(input);
    },
  };
});

configure({ asyncUtilTimeout: 20000 });
afterEach(() => cleanup());

it('gives the review of each candidate only that candidate’s coverage rows, with its criteria shown', { timeout: 60000 }, async () => {
  await appDb.delete();
  await appDb.open();
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
  await commands.loadSampleCycle(appDb, sample);
  const session = await commands.createSession(
    appDb,
    { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    '2026-11-20T10:00:00.000Z',
  );
  render(<CalibrationView params={[session.id, 'review']} />);
  await screen.findByText(/^Candidate/);
  const user = userEvent.setup();
  await user.keyboard('j');
  await screen.findByText((_, el) => el?.className === 'presenter-position' && /Candidate 2 of 6/.test(el.textContent ?? ''));
  const shown = new Set(seen.coverage.map((c) => c.candidate));
  expect(shown.size).toBe(2);
  for (const { candidate, rows } of seen.coverage) {
    // The candidate's own rows (one per criterion of its target level), and nobody else's.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((id) => id === candidate)).toBe(true);
  }
  // Its criteria are still on screen: "Ready on n of total" counts the target level's criteria.
  expect(screen.getByText(/Ready on/)).toBeTruthy();
});
