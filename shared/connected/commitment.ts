/**
 * Sealed votes: a commitment is SHA-256 over the canonical JSON of the vote
 * and where it was cast (session, candidate, member, phase) plus a 32-byte
 * random salt. Publishing only the commitment says "member X has voted on
 * candidate Y" without saying how; publishing the vote and salt later lets
 * every app check that the vote is the one committed before the discussion.
 *
 * The salt makes the few possible votes unguessable from the digest (without
 * it, hashing the four outcomes would reveal the vote). The context fields
 * are inside the hash so a commitment cannot be replayed as another member's
 * or for another candidate.
 *
 * Hashing is synchronous (@noble/hashes, already used by the app): reveals
 * are checked inside the IndexedDB transaction that applies them, where an
 * awaited WebCrypto call would let the transaction commit half-way.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, sameDigest, toHex } from '../exchange/canonical-json';
import type { VoteValue } from './events';

export const SALT_BYTES = 32;

export interface CommittedVote {
  sessionId: string;
  candidateId: string;
  memberId: string;
  phase: 'pre' | 'post';
  vote: VoteValue;
}

/** A fresh 32-byte salt as lower-case hex. */
export function newSalt(): string {
  return toHex(globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

function isSalt(salt: string): boolean {
  return /^[0-9a-f]{64}$/.test(salt);
}

/** The commitment (lower-case hex SHA-256) to a vote with a salt. */
export function commitTo(vote: CommittedVote, salt: string): string {
  if (!isSalt(salt)) throw new RangeError('A salt is 32 bytes written as 64 lower-case hex digits.');
  const content = {
    v: 1,
    sessionId: vote.sessionId,
    candidateId: vote.candidateId,
    memberId: vote.memberId,
    phase: vote.phase,
    outcome: vote.vote.outcome,
    levelId: vote.vote.levelId,
    salt,
  };
  return toHex(sha256(new TextEncoder().encode(canonicalJson(content))));
}

/** Whether a revealed vote and salt are the ones committed to. */
export function verifyCommitment(commitment: string, vote: CommittedVote, salt: string): boolean {
  if (!isSalt(salt)) return false;
  return sameDigest(commitTo(vote, salt), commitment);
}
