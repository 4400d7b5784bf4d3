/**
 * How a decision changed after a reopen is said (shared/calibration/decision-helpers.ts): the line under its outcome
 * on the review and in the book, and the Decisions page's tag. Expected strings are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { changedAfterReopenTag, earlierDecisionLine } from '../../../shared/calibration/decision-helpers';
import type { EarlierDecision } from '../../../shared/domain';

const LADDER = { levels: [{ id: 'm1', code: 'M1' }] } as never;
const entry = (changed: EarlierDecision['changed'], outcome: EarlierDecision['outcome'] = 'defer'): EarlierDecision => ({
  outcome,
  newLevelId: outcome === 'promote-other' ? 'm1' : null,
  decidedAt: '2026-10-31T10:00:00.000Z',
  changedAt: '2026-12-04T10:00:00.000Z',
  ...(changed ? { changed } : {}),
});

describe('earlierDecisionLine', () => {
  it('says what the outcome was, and what text was rewritten with it', () => {
    expect(earlierDecisionLine(LADDER, entry(undefined), 'UTC')).toBe('Changed on 2026-12-04, after the session was reopened: was Defer (decided 2026-10-31).');
    expect(earlierDecisionLine(LADDER, entry(['outcome', 'rationale', 'dissent'], 'promote-other'), 'UTC')).toBe(
      'Changed on 2026-12-04, after the session was reopened: was Promote to another level (M1) (decided 2026-10-31); the rationale and the dissent rewritten too.',
    );
  });

  it('says a rewrite alone was a rewrite, with the day the outcome was decided', () => {
    expect(earlierDecisionLine(LADDER, entry(['dissent']), 'UTC')).toBe('The dissent was rewritten on 2026-12-04, after the session was reopened (decided 2026-10-31); the audit trail keeps the earlier text.');
    expect(earlierDecisionLine(LADDER, entry(['rationale', 'dissent']), 'UTC')).toBe(
      'The rationale and the dissent were rewritten on 2026-12-04, after the session was reopened (decided 2026-10-31); the audit trail keeps the earlier text.',
    );
  });
});

describe('changedAfterReopenTag', () => {
  it('calls an outcome change a change, and a rewrite a rewrite', () => {
    expect(changedAfterReopenTag(undefined)).toBeNull();
    expect(changedAfterReopenTag([])).toBeNull();
    // Entries stored before `changed` was kept were outcome changes.
    expect(changedAfterReopenTag([entry(undefined)])).toBe('Changed after reopening');
    expect(changedAfterReopenTag([entry(['rationale']), entry(['outcome'])])).toBe('Changed after reopening');
    expect(changedAfterReopenTag([entry(['rationale'])])).toBe('Rationale rewritten after reopening');
    expect(changedAfterReopenTag([entry(['rationale']), entry(['dissent'])])).toBe('Rationale and dissent rewritten after reopening');
  });
});
