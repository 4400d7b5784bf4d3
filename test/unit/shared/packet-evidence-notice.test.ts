/** The candidate page's notice: which cited evidence changed since the submitted revision, in words. */
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../shared/domain/evidence';
import type { Packet } from '../../../shared/domain/packet';
import { evidenceChangeNotice } from '../../../shared/packets/evidence-notice';

const T = '2026-09-01T10:00:00.000Z';
const FRAMEWORK = {
  criteria: [
    { id: 'c1', levelId: 'ic3' },
    { id: 'c2', levelId: 'ic3' },
    { id: 'other', levelId: 'ic4' },
  ],
} as unknown as Parameters<typeof evidenceChangeNotice>[1];

function item(id: string, title: string, criterionIds: string[] = ['c1'], date = '2026-03-10'): Evidence {
  return { id, candidateId: 'cand', cycleId: 'cy', title, description: '', date, kind: 'project', links: [], source: 'manager', criterionIds, createdAt: T, updatedAt: T };
}

const A = item('a', 'Billing redesign');
const B = item('b', 'Incident review', ['c2']);
const SUBMITTED: Pick<Packet, 'status' | 'revision' | 'snapshot'> = {
  status: 'submitted',
  revision: 2,
  snapshot: { takenAt: T, targetLevelId: 'ic3', assessments: {}, summary: '', notYetDoing: '', evidence: [A, B] },
};

describe('evidenceChangeNotice', () => {
  it('says nothing while the log matches the submission, for a draft, or without a packet or framework', () => {
    expect(evidenceChangeNotice(SUBMITTED, FRAMEWORK, [A, B])).toBeNull();
    // Evidence that cites no criterion of the target level is not part of the packet.
    expect(evidenceChangeNotice(SUBMITTED, FRAMEWORK, [A, B, item('x', 'Other level', ['other'])])).toBeNull();
    const changed = [{ ...A, title: 'Renamed' }, B];
    expect(evidenceChangeNotice({ ...SUBMITTED, status: 'draft', snapshot: null }, FRAMEWORK, changed)).toBeNull();
    expect(evidenceChangeNotice({ ...SUBMITTED, snapshot: null }, FRAMEWORK, changed)).toBeNull();
    expect(evidenceChangeNotice(null, FRAMEWORK, changed)).toBeNull();
    expect(evidenceChangeNotice(SUBMITTED, null, changed)).toBeNull();
  });

  it('names each change (a re-date counts as an edit) and what the committee sees', () => {
    const live = [{ ...A, date: '2025-11-02' }, item('c', 'Mentoring plan')];
    const notice = evidenceChangeNotice(SUBMITTED, FRAMEWORK, live)!;
    expect(notice.changes.map((c) => `${c.id}:${c.change}`)).toEqual(['a:edited', 'c:added', 'b:removed']);
    expect(notice.text).toBe(
      '3 evidence items changed since revision 2 was submitted: “Billing redesign” (edited), “Mentoring plan” (added) and “Incident review” (removed). The committee sees revision 2 as submitted.',
    );
    expect(notice.action).toBe('Start revision 3 with these changes');
    expect(notice.revision).toBe(2);
  });

  it('uses the singular for one change and shortens a long list', () => {
    expect(evidenceChangeNotice(SUBMITTED, FRAMEWORK, [{ ...A, title: 'Billing redesign v2' }, B])!.text).toBe(
      '1 evidence item changed since revision 2 was submitted: “Billing redesign v2” (edited). The committee sees revision 2 as submitted.',
    );
    const many = Array.from({ length: 7 }, (_, i) => item(`n${i}`, `New ${i}`));
    const notice = evidenceChangeNotice(SUBMITTED, FRAMEWORK, [A, B, ...many])!;
    expect(notice.changes).toHaveLength(7);
    expect(notice.text).toBe(
      '7 evidence items changed since revision 2 was submitted: “New 0” (added), “New 1” (added), “New 2” (added), “New 3” (added), “New 4” (added) and 2 more. The committee sees revision 2 as submitted.',
    );
  });
});
