// @vitest-environment jsdom
/**
 * Pre-votes are silent until revealed, in the audit trail too: the Audit tab
 * and the review's trail for the candidate on screen said "pre-vote · Morgan
 * Ellis · {outcome: Defer}" while the votes panel hid it, so anyone looking at
 * the projector could read the silent votes (found by a walkthrough helper).
 * The trail says that a vote was cast, not what, until the reveal or the end.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { preVotesShown } from '../../../shared/calibration/session-audit';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db } from '../../../renderer/db/database';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';

configure({ asyncUtilTimeout: 20_000 });
afterEach(() => cleanup());
const AT = '2026-11-20T10:00:00.000Z';

describe('preVotesShown', () => {
  it('shows a candidate’s pre-votes once revealed or once the session is finalized, not before', () => {
    expect(preVotesShown({ status: 'live', revealedPreVotes: [] }, 'c1')).toBe(false);
    expect(preVotesShown({ status: 'live', revealedPreVotes: ['c2'] }, 'c1')).toBe(false);
    expect(preVotesShown({ status: 'live', revealedPreVotes: ['c1'] }, 'c1')).toBe(true);
    expect(preVotesShown({ status: 'finalized', revealedPreVotes: [] }, 'c1')).toBe(true);
  });
});

describe('the audit trail of silent pre-votes', () => {
  it('says a pre-vote was cast and hides its outcome until the reveal', { timeout: 90_000 }, async () => {
    await db.delete();
    await db.open();
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
    await commands.loadSampleCycle(db, sample);
    const session = await commands.createSession(
      db,
      {
        cycleId: sample.cycle.id,
        name: 'Week 1',
        members: [
          { id: 'm1', name: 'Morgan Ellis', role: 'chair' },
          { id: 'm2', name: 'Priya Rao', role: 'member' },
        ],
        candidateIds: sample.candidates.slice(0, 3).map((c) => c.id),
        orderMode: 'by-level',
        timeboxMinutes: 8,
        blind: false,
      },
      AT,
    );
    const candidateId = session.candidateIds[0]!;
    await commands.recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'pre', outcome: 'not-yet' }, AT);
    await commands.recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'pre', outcome: 'defer' }, AT);
    await commands.recordVote(db, { sessionId: session.id, candidateId, memberId: 'm2', phase: 'pre', outcome: 'promote' }, AT);

    const preVoteRows = async () => {
      const table = await screen.findByRole('table', { name: /^Audit trail of Week 1/ });
      return within(table)
        .getAllByRole('row')
        .filter((row) => /pre-vote/.test(row.textContent ?? '') && !/reveal pre-votes/.test(row.textContent ?? ''));
    };

    render(<CalibrationView params={[session.id, 'audit']} />);
    await waitFor(async () => expect(await preVoteRows()).toHaveLength(3));
    let rows = await preVoteRows();
    for (const row of rows) {
      expect(row.textContent).toContain('Hidden until the pre-votes are revealed');
      expect(row.textContent).not.toMatch(/Defer|Not yet|Promote/);
    }
    // Who voted stays: that a member has voted is no secret.
    expect(rows.map((r) => r.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('Priya Rao')]));

    cleanup();
    await commands.revealPreVotes(db, session.id, candidateId, AT);
    render(<CalibrationView params={[session.id, 'audit']} />);
    await waitFor(async () => expect((await preVoteRows()).some((r) => /Not yet.*→.*Defer/.test(r.textContent ?? ''))).toBe(true));
    rows = await preVoteRows();
    expect(rows.some((r) => /Not yet.*→.*Defer/.test(r.textContent ?? ''))).toBe(true);
    expect(rows.some((r) => /Hidden until/.test(r.textContent ?? ''))).toBe(false);
  });
});
