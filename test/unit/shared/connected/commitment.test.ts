import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { commitTo, newSalt, verifyCommitment, type CommittedVote } from '../../../../shared/connected/commitment';
import { canonicalJson, toHex } from '../../../../shared/exchange/canonical-json';

const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
const salt = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => toHex(b));
const vote: fc.Arbitrary<CommittedVote> = fc.record({
  sessionId: token,
  candidateId: token,
  memberId: token,
  phase: fc.constantFrom('pre' as const, 'post' as const),
  vote: fc.oneof(
    fc.record({ outcome: fc.constantFrom('promote' as const, 'not-yet' as const, 'defer' as const), levelId: fc.constant(null) }),
    fc.record({ outcome: fc.constant('promote-other' as const), levelId: token }),
  ),
});

/** A vote that differs from `v` in exactly one field the commitment covers. */
function changed(v: CommittedVote, which: number, other: string): CommittedVote {
  switch (which % 6) {
    case 0: return { ...v, sessionId: v.sessionId + other };
    case 1: return { ...v, candidateId: v.candidateId + other };
    case 2: return { ...v, memberId: v.memberId + other };
    case 3: return { ...v, phase: v.phase === 'pre' ? 'post' : 'pre' };
    case 4: return { ...v, vote: v.vote.outcome === 'defer' ? { outcome: 'promote', levelId: null } : { outcome: 'defer', levelId: null } };
    default: return { ...v, vote: { outcome: 'promote-other', levelId: (v.vote.levelId ?? '') + other } };
  }
}

describe('vote commitments', () => {
  it('is SHA-256 of the canonical JSON of the vote, where it was cast, and the salt (checked by hand)', () => {
    const v: CommittedVote = { sessionId: 's1', candidateId: 'c1', memberId: 'm1', phase: 'pre', vote: { outcome: 'promote', levelId: null } };
    const s = 'ab'.repeat(32);
    const text = `{"candidateId":"c1","levelId":null,"memberId":"m1","outcome":"promote","phase":"pre","salt":"${s}","sessionId":"s1","v":1}`;
    expect(canonicalJson({ v: 1, sessionId: 's1', candidateId: 'c1', memberId: 'm1', phase: 'pre', outcome: 'promote', levelId: null, salt: s })).toBe(text);
    expect(commitTo(v, s)).toBe(toHex(sha256(new TextEncoder().encode(text))));
  });

  it('verifies the vote and salt it was made from', () => {
    fc.assert(fc.property(vote, salt, (v, s) => verifyCommitment(commitTo(v, s), v, s)));
  });

  it('never verifies a changed vote', () => {
    fc.assert(fc.property(vote, salt, fc.nat(), token, (v, s, which, other) => !verifyCommitment(commitTo(v, s), changed(v, which, other), s)));
  });

  it('never verifies another salt', () => {
    fc.assert(fc.property(vote, salt, salt, (v, s, t) => s === t || !verifyCommitment(commitTo(v, s), v, t)));
  });

  it('hides the vote: the same vote with fresh salts gives unrelated commitments', () => {
    const v: CommittedVote = { sessionId: 's', candidateId: 'c', memberId: 'm', phase: 'pre', vote: { outcome: 'promote', levelId: null } };
    const seen = new Set(Array.from({ length: 50 }, () => commitTo(v, newSalt())));
    expect(seen.size).toBe(50);
    expect(newSalt()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a salt that is not 32 bytes of hex', () => {
    const v: CommittedVote = { sessionId: 's', candidateId: 'c', memberId: 'm', phase: 'pre', vote: { outcome: 'promote', levelId: null } };
    expect(() => commitTo(v, 'ab'.repeat(16))).toThrow(/32 bytes/);
    expect(verifyCommitment(commitTo(v, 'ab'.repeat(32)), v, 'AB'.repeat(32))).toBe(false);
  });
});
