// @vitest-environment jsdom
/** What a member reads of their own sealed vote when a change (or the vote itself) reached the committee after the reveal, and of final votes once finalized. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OwnVoteRow } from '../../../../shared/connected/state';
import { OwnSealedVote } from '../../../../renderer/features/connected/own-sealed-vote';
import { FinalVotesMode } from '../../../../renderer/features/connected/final-votes-mode';
import { withSessionDefaults } from '../../../../shared/calibration/session-record';
import { cast, sample } from './harness';

afterEach(() => cleanup());

const s = sample();
const c = cast(s);
const candidate = s.candidates.find((x) => x.id === c.candidates[0])!;
const hex = (d: string) => d.repeat(64);
const own = (late: OwnVoteRow['late']): OwnVoteRow => ({
  id: 'k',
  cycleId: c.cycleId,
  sessionId: c.session.id,
  candidateId: candidate.id,
  memberId: c.m2.id,
  phase: 'pre',
  commitment: hex('a'),
  vote: { outcome: 'not-yet', levelId: null },
  salt: hex('b'),
  castAt: '2026-11-20T10:00:00.000Z',
  ...(late ? { late } : {}),
});

describe('a member’s own sealed vote after the reveal', () => {
  it('shows the vote that counts and says the later change is not counted', () => {
    render(<OwnSealedVote sessionId={c.session.id} candidate={candidate} framework={s.framework} phase="pre" own={own({ vote: { outcome: 'promote', levelId: null }, earlierCounts: true })} locked />);
    const group = screen.getByRole('group', { name: 'Your pre-vote' });
    expect((within(group).getByRole('radio', { name: 'Not yet' }) as HTMLInputElement).checked).toBe(true);
    expect(within(group).getByText('Your change to Promote reached the committee only after the chair revealed the votes, so it is not counted: your sealed vote before it, Not yet, is the one that counts.')).toBeTruthy();
    expect(within(group).queryByText(/Sealed: only you can see it/)).toBeNull();
  });

  it('says a vote cast only while offline is not counted', () => {
    render(<OwnSealedVote sessionId={c.session.id} candidate={candidate} framework={s.framework} phase="pre" own={own({ vote: { outcome: 'not-yet', levelId: null }, earlierCounts: false })} locked />);
    expect(screen.getByText('Your vote reached the committee only after the chair revealed the votes (this app was offline), so it is not counted.')).toBeTruthy();
  });
});

describe('how final votes are cast, once the session is finalized', () => {
  it('says they were sealed and revealed, not that they are sealed until the chair reveals them', () => {
    const finalized = { ...withSessionDefaults(c.session), status: 'finalized' as const };
    render(<FinalVotesMode session={finalized} mode="sealed" isChair={false} />);
    expect(screen.getByText('Final votes were sealed, then revealed by the chair; the session is finalized.')).toBeTruthy();
    expect(screen.queryByText(/sealed until the chair reveals them/)).toBeNull();
  });
});
