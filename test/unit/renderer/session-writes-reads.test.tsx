// @vitest-environment jsdom
/**
 * What the open session page reads after a committee's writes (issue 13):
 * the first vote on a planned session (its status becomes live), revealing
 * pre-votes and saving decisions change the session row, votes and
 * decisions, and re-read only those (three small indexed ranges), never the
 * session's candidates, packets, coverage, cycle or framework; the review's
 * audit trail reads the shown candidate's entries, so writes about other
 * candidates (but the next, read ahead for J) read no audit entry at all. Counted in IndexedDB requests per
 * store (test/fixtures/db/idb-requests.ts), with the write path's own requests counted in a
 * run without the page and taken away.
 */
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db as appDb } from '../../../renderer/db/database';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { countReads } from '../../fixtures/db/idb-requests';

configure({ asyncUtilTimeout: 20000 });
const AT = '2026-11-20T10:00:00.000Z';
const members = [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' as const }];

async function seed() {
  await appDb.delete();
  await appDb.open();
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
  await commands.loadSampleCycle(appDb, sample);
  const session = await commands.createSession(
    appDb,
    { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    AT,
  );
  return { sample, session };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

/** A committee's minute: the first pre-vote (planned → live), its reveal, and decisions on three candidates further on (the next one's entries are read ahead). */
async function committeeWrites({ sample, session }: Seeded) {
  const [shown, ...others] = session.candidateIds;
  await commands.recordVote(appDb, { sessionId: session.id, candidateId: shown!, memberId: 'm1', phase: 'pre', outcome: 'promote' }, AT);
  await commands.revealPreVotes(appDb, session.id, shown!, AT);
  for (const candidateId of others.slice(1, 4)) {
    const candidate = sample.candidates.find((c) => c.id === candidateId)!;
    const criterion = sample.framework.criteria.find((k) => k.levelId === candidate.targetLevelId)!.id;
    await commands.saveDecision(appDb, { sessionId: session.id, candidateId, outcome: 'not-yet', newLevelId: null, rationale: 'Not yet.', citedCriterionIds: [criterion], nextSteps: ['Lead a design review.'], dissent: '' }, AT);
  }
}

/** Requests per store while the writes run and the page (if any) settles. */
async function requestsDuring(settled: () => Promise<unknown>, seeded: Seeded): Promise<Map<string, number>> {
  const stop = countReads();
  try {
    await committeeWrites(seeded);
    await settled();
  } finally {
    // Counted until every live query the writes woke has answered.
    await new Promise((r) => setTimeout(r, 300));
  }
  return stop();
}

afterEach(() => cleanup());

describe('the open review after a committee’s writes', () => {
  it('re-reads the session row, votes and decisions only: no candidate, packet, coverage, cycle or framework, and no other candidate’s audit', { timeout: 90000 }, async () => {
    // The write path's own requests: the same writes with nothing on screen.
    const alone = await requestsDuring(async () => undefined, await seed());

    const seeded = await seed();
    render(<CalibrationView params={[seeded.session.id, 'review']} />);
    await screen.findByRole('button', { name: /Next/ });
    await screen.findByText(/Audit trail for .* \(0 entries\)/);
    const audit = vi.spyOn(appDb.audit, 'where');
    // Dexie may answer a live query's repeated range from its cache without a request: count the queries asked too.
    const asked = [vi.spyOn(appDb.candidates, 'where'), vi.spyOn(appDb.packets, 'where'), vi.spyOn(appDb.coverage, 'where')];
    const withPage = await requestsDuring(() => screen.findAllByText(/· 3 decided/), seeded);
    await waitFor(() => expect(screen.getByText(/Audit trail for .* \(2 entries\)/)).toBeTruthy());

    const extra = (store: string) => (withPage.get(store) ?? 0) - (alone.get(store) ?? 0);
    for (const store of ['candidates', 'packets', 'coverage', 'cycles', 'frameworks', 'evidence']) expect({ store, extra: extra(store) }).toEqual({ store, extra: 0 });
    for (const spy of asked) expect(spy).not.toHaveBeenCalled();
    // The shown candidate's audit is read after its two writes (two ranges each), not after the three decisions about others.
    const auditReads = audit.mock.calls.filter(([index]) => (index as unknown) === 'entityId').length;
    expect(auditReads).toBeLessThanOrEqual(2 * 2);
  });
});

describe('the open review after a change to its base rows', () => {
  it('shows a renamed candidate: the base is still observed though it is read in one transaction', { timeout: 60000 }, async () => {
    const { sample, session } = await seed();
    render(<CalibrationView params={[session.id, 'review']} />);
    const first = sample.candidates.find((c) => c.id === session.candidateIds[0])!;
    await screen.findByRole('heading', { level: 2, name: first.name });
    await commands.saveCandidate(appDb, { ...first, targetLevelId: first.targetLevelId!, name: 'Renamed Person' }, AT);
    await screen.findByRole('heading', { level: 2, name: 'Renamed Person' });
  });
});
