/**
 * A vote or decision of a connected cycle is recorded on the packet revision the person's own app showed, on every
 * machine. Revision 2 of a packet reaches machines at different times (the chair imports it; members get it with the
 * next committee copy): a pre-vote sealed on revision 1 was recorded, at its reveal, on whatever revision each machine
 * reviewed then, so the chair's record said the member voted on revision 2, which they never saw, and the machines'
 * records differed. Each event now names the revision (shared/connected/events.ts `packet`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyStreamEvent, castSealedVote, chairDecide, chairRevealVotes } from '../../../../renderer/db/connected';
import { eventSubject, makeEvent } from '../../../../shared/connected/events';
import { reopen, submit } from '../../../../renderer/db/packets';
import { reviewedPacketOf } from '../../../../renderer/db/reviewed-reads';
import { AT, cast, catchUp, closeAll, FakeStream, later, machine, sample } from './harness';

afterEach(closeAll);

describe('the revision a connected vote or decision was made on', () => {
  it('is the one the voter’s app showed, on every machine, when a newer revision reached some machines first', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const m2Db = await machine(s, c.m2);
    const observer = await machine(s);
    const all = [chairDb, m2Db, observer];
    const stream = new FakeStream();
    const sync = async () => {
      for (let round = 0; round < 2; round++) {
        for (const db of all) await stream.drain(db);
        for (const db of all) await catchUp(db, stream, c.stream);
      }
    };
    const candidate = c.candidates[0]!;
    const first = (await reviewedPacketOf(m2Db, candidate))!;
    expect(first.status).toBe('submitted');

    // m2 seals a pre-vote while their app reviews the first submission.
    await castSealedVote(m2Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'promote' }, later(1));
    await sync();
    // The manager's next submission reaches the chair's machine only (an imported bundle), before the reveal.
    const draft = await reopen(chairDb, first.id, later(2));
    const second = await submit(chairDb, draft.id, later(3));
    expect((await reviewedPacketOf(chairDb, candidate))!.id).toBe(second.id);
    expect((await reviewedPacketOf(m2Db, candidate))!.id).toBe(first.id);

    await chairRevealVotes(chairDb, c.session.id, candidate, 'pre', later(5));
    await sync();
    for (const db of all) {
      const [vote] = (await db.votes.where('sessionId').equals(c.session.id).toArray()).filter((v) => v.candidateId === candidate);
      expect(vote?.packet).toEqual({ id: first.id, revision: first.revision, levelId: first.targetLevelId });
    }

    // The chair decides on the revision their app reviews, the second; a machine without it records the same.
    await chairDecide(chairDb, { sessionId: c.session.id, candidateId: candidate, outcome: 'defer', newLevelId: null, rationale: 'Wait for the next half.', citedCriterionIds: [], nextSteps: ['Lead one project end to end.'], dissent: '' }, later(10));
    await sync();
    for (const db of all) {
      const decision = (await db.decisions.where('sessionId').equals(c.session.id).toArray()).find((d) => d.candidateId === candidate);
      expect(decision?.packet).toEqual({ id: second.id, revision: second.revision, levelId: second.targetLevelId });
    }
  });

  it('is not taken from an event that names another candidate’s packet, nor from an event that names none', async () => {
    const s = sample();
    const c = cast(s);
    const db = await machine(s);
    const [mine, other] = [c.candidates[0]!, c.candidates[1]!];
    const [reviewed, others] = [(await reviewedPacketOf(db, mine))!, (await reviewedPacketOf(db, other))!];
    const decide = (candidateId: string, packet: { id: string; revision: number } | undefined, seq: number) => {
      const event = makeEvent({ type: 'decision', cycleId: c.cycleId, sessionId: c.session.id, actor: { memberId: c.chair.id, role: 'chair' }, createdAt: later(seq), candidateId, outcome: 'defer', newLevelId: null, rationale: 'Wait.', citedCriterionIds: [], nextSteps: ['One more project.'], dissent: '', ...(packet ? { packet } : {}) });
      return applyStreamEvent(db, event, { stream: c.stream, streamSeq: seq, receivedAt: AT, subject: eventSubject(event) });
    };
    expect((await decide(mine, { id: others.id, revision: others.revision }, 1)).outcome).toBe('applied');
    expect((await decide(other, undefined, 2)).outcome).toBe('applied');
    const decisions = await db.decisions.where('sessionId').equals(c.session.id).toArray();
    expect(decisions.find((d) => d.candidateId === mine)?.packet).toEqual({ id: reviewed.id, revision: reviewed.revision, levelId: reviewed.targetLevelId });
    expect(decisions.find((d) => d.candidateId === other)?.packet).toEqual({ id: others.id, revision: others.revision, levelId: others.targetLevelId });
  });
});
