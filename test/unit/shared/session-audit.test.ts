/**
 * What a session's audit entry is about, from its entity id alone: the
 * candidate (vote and decision ids start session:candidate) and, for a
 * vote, the committee member.
 */
import { describe, expect, it } from 'vitest';
import { entryCandidates, memberOfEntry } from '../../../shared/calibration/session-audit';

const session = { id: 's1', candidateIds: ['c1', 'c1:x', 'c2'], members: [{ id: 'm1', name: 'Ana', role: 'chair' as const }] };

describe('entryCandidates', () => {
  const candidateOf = entryCandidates(session);

  it('finds the candidate of a decision id, a vote id and a session event id', () => {
    expect(candidateOf('s1:c2')).toBe('c2');
    expect(candidateOf('s1:c2:m1:pre')).toBe('c2');
    expect(candidateOf('s1:c2:reveal')).toBe('c2');
  });

  it('takes the shortest id that matches, as a scan in the session’s order would', () => {
    expect(candidateOf('s1:c1:x')).toBe('c1');
  });

  it('says null for the session itself, another session or a candidate not in it', () => {
    expect(candidateOf('s1')).toBeNull();
    expect(candidateOf('s2:c1')).toBeNull();
    expect(candidateOf('s1:c9:m1:pre')).toBeNull();
  });
});

describe('memberOfEntry', () => {
  it('names the member of a vote entry', () => {
    expect(memberOfEntry(session, { entityType: 'vote', entityId: 's1:c2:m1:final' }, 'c2')).toBe('Ana');
  });

  it('says null for other entries, no candidate, or a member no longer on the committee', () => {
    expect(memberOfEntry(session, { entityType: 'decision', entityId: 's1:c2' }, 'c2')).toBeNull();
    expect(memberOfEntry(session, { entityType: 'vote', entityId: 's1:c2:m1:final' }, null)).toBeNull();
    expect(memberOfEntry(session, { entityType: 'vote', entityId: 's1:c2:m9:final' }, 'c2')).toBeNull();
  });
});
