/**
 * The packet a session reviews (shared/rules/current-packet.ts
 * reviewedPacket): the newest revision given to the committee, even when the
 * packet was reopened since, else the draft. The cases are written out by
 * hand from the rule's statement.
 */
import { describe, expect, it } from 'vitest';
import { reviewedPacketLine } from '../../../shared/calibration/presenter-model';
import { packetFact } from '../../../shared/export/decision-book';
import { asReviewed, currentPacket, reviewedPacket, reviewedPacketByCandidate, wasSubmitted } from '../../../shared/rules/current-packet';
import { eligibleCandidates } from '../../../shared/rules/session-candidates';
import type { Packet } from '../../../shared/domain';

type Row = Pick<Packet, 'id' | 'candidateId' | 'revision' | 'status' | 'submittedAt' | 'targetLevelId'> & Partial<Pick<Packet, 'conflictOf'>>;
// No level unless a case gives one: asReviewed then leaves the candidate's.
const row = (id: string, revision: number, status: Packet['status'], submittedAt: string | null, extra: Partial<Row> = {}): Row => ({ id, candidateId: 'c1', revision, status, submittedAt, targetLevelId: null, ...extra });
const SUBMITTED = '2026-10-01T09:00:00.000Z';

describe('reviewedPacket', () => {
  it('is the submitted revision while the reopened next revision is a draft', () => {
    const rows = [row('p1', 1, 'superseded', SUBMITTED), row('p2', 2, 'draft', null)];
    expect(reviewedPacket(rows)?.id).toBe('p1');
    // The rest of the app works on the draft.
    expect(currentPacket(rows)?.id).toBe('p2');
  });

  it('is the newest submitted revision once the next one is submitted', () => {
    expect(reviewedPacket([row('p1', 1, 'superseded', SUBMITTED), row('p2', 2, 'submitted', '2026-11-02T09:00:00.000Z')])?.id).toBe('p2');
    expect(reviewedPacket([row('p1', 1, 'superseded', SUBMITTED), row('p2', 2, 'superseded', '2026-11-02T09:00:00.000Z'), row('p3', 3, 'draft', null)])?.id).toBe('p2');
  });

  it('is the draft when no revision was ever submitted (a session that takes drafts)', () => {
    expect(reviewedPacket([row('p1', 1, 'draft', null)])?.id).toBe('p1');
    expect(reviewedPacket([])).toBeUndefined();
  });

  it('never takes a copy kept beside a conflict, nor a superseded row not known to be submitted', () => {
    const kept = row('k1', 1, 'superseded', SUBMITTED, { conflictOf: 'p1' });
    expect(wasSubmitted(kept)).toBe(false);
    expect(reviewedPacket([kept, row('p1', 1, 'draft', null)])?.id).toBe('p1');
    // A head without submittedAt (as stored figures give it) is not taken as a submission.
    expect(wasSubmitted({ status: 'superseded' })).toBe(false);
    expect(reviewedPacket([{ id: 'p1', revision: 1, status: 'superseded' as const }])).toBeUndefined();
  });

  it('is chosen per candidate', () => {
    const rows = [row('a1', 1, 'superseded', SUBMITTED), row('a2', 2, 'draft', null), { ...row('b1', 1, 'submitted', SUBMITTED), candidateId: 'c2' }];
    expect([...reviewedPacketByCandidate(rows)].map(([c, p]) => [c, p.id])).toEqual([
      ['c1', 'a1'],
      ['c2', 'b1'],
    ]);
  });
});

describe('what follows from it', () => {
  it('a reopened candidate stays eligible for a new session without drafts (it reviews the submission)', () => {
    const candidates = [{ id: 'c1', archived: false, targetLevelId: 'ic3' }];
    expect(eligibleCandidates(candidates, [row('p1', 1, 'superseded', SUBMITTED), row('p2', 2, 'draft', null)], { includeDrafts: false })).toHaveLength(1);
    expect(eligibleCandidates(candidates, [row('p1', 1, 'draft', null)], { includeDrafts: false })).toHaveLength(0);
  });

  it('a new session offers a reopened candidate at the level of the submission it will review, not a target chosen since', () => {
    // Submitted for IC4, reopened, the target moved to IC5: the picker's level filter, count, label and by-level
    // order must file them under IC4, the level the session's criteria, votes and record will use (asReviewed).
    const candidates = [{ id: 'c1', archived: false, targetLevelId: 'ic5' }];
    const reopened = [{ ...row('p1', 1, 'superseded', SUBMITTED), targetLevelId: 'ic4' }, { ...row('p2', 2, 'draft', null), targetLevelId: 'ic5' }];
    expect(eligibleCandidates(candidates, reopened, { includeDrafts: false }).map((c) => c.targetLevelId)).toEqual(['ic4']);
    // A draft never submitted follows the candidate's own target.
    expect(eligibleCandidates(candidates, [{ ...row('p1', 1, 'draft', null), targetLevelId: 'ic4' }], { includeDrafts: true }).map((c) => c.targetLevelId)).toEqual(['ic5']);
  });

  it('the review says a reopened revision is still the submitted case and that a draft follows', () => {
    expect(reviewedPacketLine({ id: 'p1', status: 'submitted', revision: 1 }, false)).toBe('Submitted · revision 1');
    expect(reviewedPacketLine({ id: 'p1', status: 'draft', revision: 2 }, false)).toBe('Draft · revision 2');
    expect(reviewedPacketLine({ id: 'p1', status: 'superseded', revision: 1 }, false)).toMatch(/^Submitted · revision 1 · reopened since; the next revision is a draft/);
    expect(reviewedPacketLine(undefined, false)).toBe('No packet');
  });

  it('a finalized session’s review does not promise the next revision: its record keeps this one', () => {
    // Reopened before finalizing, the revision is kept superseded in the record; revision 2 never reaches this session.
    const line = reviewedPacketLine({ id: 'p1', status: 'superseded', revision: 1 }, true);
    expect(line).toBe('Submitted · revision 1 · reopened before the session was finalized; its record keeps this revision');
    expect(line).not.toMatch(/not shown until it is submitted/);
    expect(reviewedPacketLine({ id: 'p1', status: 'submitted', revision: 1 }, true)).toBe('Submitted · revision 1');
  });

  it('the review says a revision was submitted after the session began, so what came before it is not read as about this text', () => {
    const began = '2026-11-20T10:00:00.000Z';
    const head = { id: 'p2', status: 'submitted' as const, revision: 2, submittedAt: '2026-11-21T15:00:00.000Z' };
    expect(reviewedPacketLine(head, false, undefined, began, 'UTC')).toBe('Submitted · revision 2 · submitted on 2026-11-21, after this session was created: any vote cast before then was on an earlier revision');
    // With the decision on the earlier one, both are said.
    expect(reviewedPacketLine(head, false, { id: 'p1', revision: 1 }, began, 'UTC')).toMatch(/after this session was created: .* · the decision was made on revision 1$/);
    // Submitted before the session began, or the first revision: nothing more.
    expect(reviewedPacketLine({ ...head, submittedAt: '2026-11-19T09:00:00.000Z' }, false, undefined, began, 'UTC')).toBe('Submitted · revision 2');
    expect(reviewedPacketLine({ ...head, revision: 1 }, false, undefined, began, 'UTC')).toBe('Submitted · revision 1');
  });

  it('the review says when the decision was made on another revision (the packet was resubmitted since)', () => {
    expect(reviewedPacketLine({ id: 'p2', status: 'submitted', revision: 2 }, false, { id: 'p1', revision: 1 })).toBe('Submitted · revision 2 · the decision was made on revision 1');
    expect(reviewedPacketLine({ id: 'p2', status: 'submitted', revision: 2 }, false, { id: 'p2', revision: 2 })).toBe('Submitted · revision 2');
  });

  it('the decision page names the revision reviewed and the day it was submitted, in the reader’s time zone', () => {
    // 23:30 UTC on 1 Oct was 08:30 on 2 Oct in Tokyo.
    expect(packetFact({ id: 'p1', revision: 1, status: 'submitted', submittedAt: '2026-10-01T23:30:00.000Z' }, 'Asia/Tokyo')).toBe('Revision 1, submitted 2026-10-02');
    expect(packetFact({ id: 'p1', revision: 1, status: 'superseded', submittedAt: '2026-10-01T09:00:00.000Z' }, 'UTC')).toBe('Revision 1, submitted 2026-10-01 (reopened since; a later revision was not decided on)');
    expect(packetFact({ id: 'p2', revision: 2, status: 'draft', submittedAt: null }, 'UTC')).toBe('Revision 2, a draft (not submitted)');
    expect(packetFact({ id: 'p3', revision: 3, status: 'submitted' }, 'UTC')).toBe('Revision 3, submitted');
    // A decision saved on another revision says which; on the same one, nothing more.
    expect(packetFact({ id: 'p3', revision: 3, status: 'submitted' }, 'UTC', { id: 'p1', revision: 1 })).toBe('Revision 3, submitted; the decision was made on revision 1');
    expect(packetFact({ id: 'p3', revision: 3, status: 'submitted' }, 'UTC', { id: 'p3', revision: 3 })).toBe('Revision 3, submitted');
    expect(packetFact(null, 'UTC')).toBe('No packet');
  });
});

describe('asReviewed: the level a session reviews a candidate against', () => {
  const candidate = { id: 'c1', targetLevelId: 'ic5' };
  it('is the submission’s level when the target changed after it, the candidate’s own otherwise', () => {
    // Submitted for IC4, reopened, the target moved to IC5: the session reviews the IC4 case.
    expect(asReviewed(candidate, { ...row('p1', 1, 'superseded', SUBMITTED), targetLevelId: 'ic4' }).targetLevelId).toBe('ic4');
    expect(asReviewed(candidate, { ...row('p1', 1, 'submitted', SUBMITTED), targetLevelId: 'ic4' }).targetLevelId).toBe('ic4');
    // A draft follows the candidate's target, and a copy kept beside a conflict was never submitted: the candidate's level.
    expect(asReviewed(candidate, { ...row('p1', 1, 'draft', null), targetLevelId: 'ic4' }).targetLevelId).toBe('ic5');
    expect(asReviewed(candidate, { ...row('k1', 1, 'superseded', null, { conflictOf: 'p1' }), targetLevelId: 'ic4' }).targetLevelId).toBe('ic5');
    expect(asReviewed(candidate, undefined)).toBe(candidate);
    // A submission without a level leaves the candidate's.
    expect(asReviewed(candidate, { ...row('p1', 1, 'submitted', SUBMITTED), targetLevelId: null }).targetLevelId).toBe('ic5');
  });
});
