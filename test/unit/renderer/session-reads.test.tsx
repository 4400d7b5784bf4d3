// @vitest-environment jsdom
/**
 * How the session page reads (issue 13): a session load is a small constant
 * number of IndexedDB requests whatever the number of candidates (one
 * indexed range per table, not a request per candidate); the page reads the
 * session once for all its tabs; saving a decision re-reads the session's
 * votes and decisions, never its candidates and packets.
 */
import { cleanup, configure, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { loadCommands } from '../../../renderer/db/app-commands';
import { LevelsetDatabase, db as appDb } from '../../../renderer/db/database';
import { loadSessionData } from '../../../renderer/db/session-hooks';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { countReads, total } from '../../fixtures/db/idb-requests';

// Generous: the machine running the suite may be busy; nothing here measures time.
configure({ asyncUtilTimeout: 20000 });
// The analysis views' chunk and the command layer load on demand; loaded once here, so compiling them on a busy machine
// is not counted against a step's wait (as session-tab-switch.test.tsx does).
beforeAll(() => Promise.all([import('../../../renderer/features/calibration/views'), loadCommands()]), 120_000);
const AT = '2026-11-20T10:00:00.000Z';
const members = [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' as const }];

async function seed(db: LevelsetDatabase, candidates: number, blind: boolean) {
  const sample = generateSampleCycle(ic0M3Levels, { candidates });
  await commands.loadSampleCycle(db, sample);
  const session = await commands.createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind },
    AT,
  );
  return { sample, session };
}

afterEach(() => cleanup());

/** The levels the cycle's current packets are at (every candidate is in the session here). */
async function packetLevels(db: LevelsetDatabase): Promise<number> {
  return new Set((await db.candidateStats.toArray()).flatMap((s) => (s.packet ? [s.packet.targetLevelId] : []))).size;
}

describe('a session load', () => {
  let n = 0;
  for (const blind of [false, true]) {
    it(`takes the same few IndexedDB requests for 10 and for 200 candidates${blind ? ' (blind)' : ''}`, async () => {
      const requests: number[] = [];
      for (const size of [10, 200]) {
        const db = new LevelsetDatabase(`session-reads-${++n}`);
        await db.open();
        const { session } = await seed(db, size, blind);
        const levels = await packetLevels(db);
        const stop = countReads();
        const data = await loadSessionData(db, session.id);
        const counts = stop();
        expect(data?.candidates).toHaveLength(size);
        // Coverage: one read per level the candidates' packets are at, however many candidates. No packet row: each
        // current packet's head comes with the stored figures (session-rows.ts).
        expect(counts.get('packets') ?? 0).toBe(0);
        expect(counts.get('coverage')).toBe(levels);
        requests.push(total(counts) - levels);
        await db.delete();
      }
      // session, cycle, framework, candidates, their stored figures, votes, decisions, connections: one request each.
      expect(requests[0]).toBeLessThanOrEqual(12);
      expect(requests[1]).toBe(requests[0]);
    });
  }
});

describe('the session page', () => {
  it('reads the session once for every tab, and after a decision re-reads no candidate or packet', { timeout: 60000 }, async () => {
    await appDb.delete();
    await appDb.open();
    const { sample, session } = await seed(appDb, 6, false);
    const packetReads = vi.spyOn(appDb.packets, 'where');
    const packetGets = vi.spyOn(appDb.packets, 'bulkGet');
    const candidateReads = vi.spyOn(appDb.candidates, 'where');
    const view = render(<CalibrationView params={[session.id, 'heatmap']} />);
    await screen.findByText(/Heatmap: candidates against/);
    view.rerender(<CalibrationView params={[session.id, 'managers']} />);
    await screen.findByText('Managers: who rates differently');
    view.rerender(<CalibrationView params={[session.id, 'review']} />);
    await screen.findByRole('button', { name: /Next/ });
    // Once for the base's watch (a count: session-reads.ts watchSessionBase); the base reads no packet row, and the
    // review reads the packet on screen with the next candidate's (read ahead for J), by id (useSessionPacket), and
    // the evidence panel the submitted ones among them for their snapshot's evidence (useEvidenceOf): by id, never more.
    expect(packetReads).toHaveBeenCalledTimes(1);
    const packetOf = async (i: number) => (await appDb.candidateStats.get(session.candidateIds[i]!))!.packet!;
    const onScreen = [await packetOf(0), await packetOf(1)];
    expect(packetGets).toHaveBeenCalledWith(onScreen.map((p) => p.id));
    const submittedIds = onScreen.filter((p) => p.status !== 'draft').map((p) => p.id);
    const calls = packetGets.mock.calls.map(([ids]) => ids);
    expect(calls).toHaveLength(submittedIds.length ? 2 : 1);
    if (submittedIds.length) expect(calls).toContainEqual(submittedIds);
    expect(candidateReads).toHaveBeenCalledTimes(2);

    // The first decision takes the session from planned to live: its row changes, but not what the base is read by (session-hooks.ts baseKeyOf).
    const decide = async (candidateId: string) => {
      const candidate = sample.candidates.find((c) => c.id === candidateId)!;
      const criterion = sample.framework.criteria.find((k) => k.levelId === candidate.targetLevelId)!.id;
      await commands.saveDecision(appDb, { sessionId: session.id, candidateId, outcome: 'not-yet', newLevelId: null, rationale: 'Not yet.', citedCriterionIds: [criterion], nextSteps: ['Lead a design review.'], dissent: '' }, AT);
    };
    packetReads.mockClear();
    candidateReads.mockClear();
    await decide(session.candidateIds[0]!);
    await screen.findAllByText(/· 1 decided/);
    await decide(session.candidateIds[1]!);
    await screen.findAllByText(/· 2 decided/);
    expect(packetReads).not.toHaveBeenCalled();
    expect(candidateReads).not.toHaveBeenCalled();
  });
});
