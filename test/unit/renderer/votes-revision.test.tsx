// @vitest-environment jsdom
/**
 * A vote cast on a packet revision that was resubmitted since says so beside
 * the member and in "How votes moved" ("(on revision 1)"), so the committee
 * does not read it as a judgement of the revision on screen; a vote on the
 * revision reviewed, or one that recorded none, says nothing more. A hidden
 * pre-vote says its revision too, never its outcome, and that it can be cast
 * again while it is open (a trial learned its pre-votes were on the old
 * revision only once the reveal had locked them).
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRow, Vote } from '../../../shared/domain';
import { AT, candidate, oneMemberSession, sample } from './one-member-session';
import { VotesPanel } from '../../../renderer/features/calibration/session/votes-panel';

let session: SessionRow;
beforeEach(async () => {
  session = await oneMemberSession();
});
afterEach(() => cleanup());

const vote = (phase: Vote['phase'], packet?: Vote['packet']): Vote => ({
  id: `${session.id}:${candidate.id}:m1:${phase}`,
  sessionId: session.id,
  candidateId: candidate.id,
  memberId: 'm1',
  phase,
  outcome: 'promote',
  levelId: null,
  ...(packet ? { packet } : {}),
  createdAt: AT,
  updatedAt: AT,
});
const REV1 = { id: 'p-1', revision: 1 };
const nameLine = () => screen.getByText('Morgan Ellis', { exact: false, selector: '.vote-member-name' }).textContent?.replace(/\s+/g, ' ').trim();
const movement = () => screen.getByRole('heading', { name: 'How votes moved' }).parentElement!.querySelector('li')!.textContent?.replace(/\s+/g, ' ').trim();

describe('votes cast on an earlier revision', () => {
  it('say which revision beside the member and in how the votes moved', () => {
    const revealed = { ...session, revealedPreVotes: [candidate.id] };
    render(<VotesPanel session={revealed} candidate={candidate} votes={[vote('pre', REV1), vote('post', REV1)]} framework={sample.framework} readOnly={false} decided={false} reviewedId="p-2" />);
    expect(nameLine()).toBe('Morgan Ellis · Chair · pre-vote (on revision 1), final vote (on revision 1)');
    expect(movement()).toBe('Morgan Ellis: Promote (on revision 1) → Promote (on revision 1) (same)');
  });

  it('say nothing more on the revision reviewed, for a vote that recorded none, or for a hidden pre-vote', () => {
    const { rerender } = render(<VotesPanel session={{ ...session, revealedPreVotes: [candidate.id] }} candidate={candidate} votes={[vote('pre', REV1), vote('post')]} framework={sample.framework} readOnly={false} decided={false} reviewedId="p-1" />);
    expect(nameLine()).toBe('Morgan Ellis · Chair');
    expect(movement()).toBe('Morgan Ellis: Promote → Promote (same)');
    // Not revealed: the pre-vote's revision is said, not its outcome, and its cell says it can be cast again.
    rerender(<VotesPanel session={session} candidate={candidate} votes={[vote('pre', REV1), vote('post', REV1)]} framework={sample.framework} readOnly={false} decided={false} reviewedId="p-2" />);
    expect(nameLine()).toBe('Morgan Ellis · Chair · pre-vote (on revision 1), final vote (on revision 1)');
    // The final vote cast, the pre-vote is locked: nothing to choose again. Without it, the cell says it can be.
    expect(screen.getByRole('group', { name: /^Pre-vote/ }).textContent).not.toContain('Choose again');
    rerender(<VotesPanel session={session} candidate={candidate} votes={[vote('pre', REV1)]} framework={sample.framework} readOnly={false} decided={false} reviewedId="p-2" />);
    expect(screen.getByRole('group', { name: /^Pre-vote/ }).textContent).toMatch(/✓ Recorded, hidden until the pre-votes are revealed\. Choose again to vote on the revision shown\.$/);
  });

  it('name the level an earlier revision was submitted for when the reopen changed it, so a Promote is not read as one for the level on screen', () => {
    const other = sample.framework.levels.find((l) => l.id !== candidate.targetLevelId && l.id !== candidate.currentLevelId)!;
    const revealed = { ...session, revealedPreVotes: [candidate.id] };
    const { rerender } = render(<VotesPanel session={revealed} candidate={candidate} votes={[vote('pre', { ...REV1, levelId: other.id }), vote('post')]} framework={sample.framework} readOnly={false} decided={false} reviewedId="p-2" />);
    expect(nameLine()).toBe(`Morgan Ellis · Chair · pre-vote (on revision 1, submitted for ${other.code} ${other.title})`);
    expect(movement()).toBe(`Morgan Ellis: Promote (on revision 1, submitted for ${other.code} ${other.title}) → Promote (same)`);
    // The earlier revision was for the level reviewed now: the revision alone.
    rerender(<VotesPanel session={revealed} candidate={candidate} votes={[vote('pre', { ...REV1, levelId: candidate.targetLevelId }), vote('post')]} framework={sample.framework} readOnly={false} decided={false} reviewedId="p-2" />);
    expect(nameLine()).toBe('Morgan Ellis · Chair · pre-vote (on revision 1)');
  });
});
