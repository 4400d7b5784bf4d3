// @vitest-environment jsdom
/**
 * A decision printed alone ("Decision PDF" on the Decisions page) has no cover, and the cover is where the book names
 * the audit trail's head. Without it, a single decision's PDF could not be checked against the trail months later (an
 * HR partner's trial). Its closing lines now carry the head; the book's own pages leave it to the cover.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { CandidateDecision } from '../../../renderer/features/export/candidate-page';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 30 });
const session = sample.sessions.find((s) => s.status === 'finalized')!;
const names: BlindNames = { salt: 's', candidate: (id) => id, manager: (n) => n, team: (n) => n, group: (_a, v) => v };
const HASH = 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef';

function book(withHead: boolean) {
  const candidateId = session.candidateIds[0]!;
  return buildDecisionBook(
    { ...sample, session, coverage: [], names, printedAt: '2026-12-06T10:00:00.000Z', ...(withHead ? { trailHead: { count: 42, hash: HASH, at: '2026-12-06T09:00:00.000Z' } } : {}) },
    { candidateIds: [candidateId] },
  );
}

afterEach(cleanup);

describe('a decision printed alone', () => {
  it('names the audit trail’s head and its size, as the book’s cover does', () => {
    const b = book(true);
    render(<CandidateDecision page={b.pages[0]!} book={b} first index={0} />);
    expect(screen.getByText(HASH)).toBeTruthy();
    expect(document.body.textContent).toContain('Audit trail when printed: 42 entries on this computer, every session’s, cycle’s and packet’s; last entry');
  });

  it('says nothing of a trail it was not given', () => {
    const b = book(false);
    render(<CandidateDecision page={b.pages[0]!} book={b} first index={0} />);
    expect(document.body.textContent).not.toContain('Audit trail');
  });

  it('leaves the head to the cover on the book’s own pages', () => {
    const b = book(true);
    render(<CandidateDecision page={b.pages[0]!} book={b} index={0} />);
    expect(screen.queryByText(HASH)).toBeNull();
  });
});
