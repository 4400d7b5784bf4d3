import { afterEach, describe, expect, it } from 'vitest';
import { castSealedVote, chairDecide, chairFinalize, chairRevealVotes, pendingOutbox } from '../../../../renderer/db/connected';
import { verifyAudit } from '../../../../renderer/db/audit';
import { cast, catchUp, closeAll, FakeStream, fingerprint, later, machine, sample } from './harness';

afterEach(closeAll);

async function committee() {
  const s = sample();
  const c = cast(s);
  const chairDb = await machine(s, c.chair);
  const m2Db = await machine(s, c.m2);
  const m3Db = await machine(s, c.m3);
  const observer = await machine(s);
  const all = [chairDb, m2Db, m3Db, observer];
  const stream = new FakeStream();
  const sync = async () => {
    // Publish everything queued, then every machine catches up; twice, since applying can queue (a member's reveal).
    for (let round = 0; round < 2; round++) {
      for (const db of all) await stream.drain(db);
      for (const db of all) await catchUp(db, stream, c.stream);
    }
  };
  return { s, c, chairDb, m2Db, m3Db, observer, all, stream, sync };
}

describe('a connected session across four machines', () => {
  it('keeps pre-votes sealed until the chair reveals, then every machine counts the same votes', async () => {
    const { c, chairDb, m2Db, m3Db, observer, all, stream, sync } = await committee();
    const candidate = c.candidates[0]!;
    await castSealedVote(m2Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'promote' }, later(1));
    await castSealedVote(m3Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'not-yet' }, later(2));
    // A member changes their mind before the reveal: the newer commitment replaces the older.
    await castSealedVote(m3Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'defer' }, later(3));
    await sync();

    // Everyone sees who has voted, nobody (not even the voter's own records) holds a vote value yet.
    for (const db of all) {
      const commitments = await db.commitments.where('sessionId').equals(c.session.id).toArray();
      expect(commitments.map((r) => r.memberId).sort()).toEqual([c.m2.id, c.m3.id].sort());
      for (const row of commitments) expect(Object.keys(row).sort()).toEqual(['candidateId', 'commitment', 'committedAt', 'cycleId', 'id', 'memberId', 'msgId', 'packet', 'phase', 'sessionId', 'state']);
      expect(await db.votes.where('sessionId').equals(c.session.id).count()).toBe(0);
    }
    // The other member's machine and the stream hold no trace of m2's vote or salt.
    const m2Own = (await m2Db.ownVotes.toArray())[0]!;
    expect(m2Own.vote.outcome).toBe('promote');
    const m3Everything = JSON.stringify(await Promise.all(m3Db.tables.map((t) => t.toArray())));
    expect(m3Everything).not.toContain(m2Own.salt);
    expect((await m3Db.ownVotes.toArray()).filter((r) => r.memberId === c.m2.id)).toEqual([]);
    for (const m of stream.messages) expect(m.data).not.toContain(m2Own.salt);

    await chairRevealVotes(chairDb, c.session.id, candidate, 'pre', later(10));
    await sync();
    for (const db of all) {
      const votes = await db.votes.where('sessionId').equals(c.session.id).toArray();
      expect(votes.map((v) => [v.memberId, v.outcome, v.createdAt]).sort()).toEqual(
        [
          [c.m2.id, 'promote', later(1)],
          [c.m3.id, 'defer', later(3)],
        ].sort(),
      );
    }
    expect(await pendingOutbox(m2Db)).toEqual([]);

    for (const [i, id] of c.candidates.entries()) {
      await chairDecide(chairDb, { sessionId: c.session.id, candidateId: id, outcome: 'defer', newLevelId: null, rationale: 'Evidence is thin this half.', citedCriterionIds: [], nextSteps: ['Lead one project end to end.'], dissent: '' }, later(20 + i));
    }
    await chairFinalize(chairDb, c.session.id, later(40));
    await sync();

    const prints = await Promise.all(all.map((db) => fingerprint(db, c.session.id)));
    expect(prints[0]!.session!.status).toBe('finalized');
    expect(prints[0]!.decisions).toHaveLength(c.candidates.length);
    // The records are the same on every machine, the chair's (applied at once, then recognised) included.
    for (const p of prints.slice(1)) {
      expect(p.session).toEqual(prints[0]!.session);
      expect(p.votes).toEqual(prints[0]!.votes);
      expect(p.decisions).toEqual(prints[0]!.decisions);
      expect(p.commitments).toEqual(prints[0]!.commitments);
    }
    // The session history names the chair from the event, not the machine's profile.
    expect(prints[3]!.session!.history!.at(-1)).toMatchObject({ action: 'finalized', by: `${c.chair.name} (chair)` });

    // The observer's trail names the stream's sequence for each applied event, and still verifies.
    const finalizeSeq = stream.messages.find((m) => m.subject.endsWith('.chair.finalize'))!.seq;
    const entry = (await observer.audit.toArray()).find((e) => e.action === 'finalize')!;
    expect(entry.after).toMatchObject({ stream: c.stream, streamSeq: finalizeSeq });
    expect(entry.actor).toBe(`${c.chair.name} (chair)`);
    for (const db of all) expect((await verifyAudit(db)).ok).toBe(true);
    // The chair's own finalize got its sequence when it came back.
    expect((await chairDb.applied.toArray()).find((a) => a.type === 'session.finalize')?.streamSeq).toBe(finalizeSeq);
  });
  // A trial's chair sealed a pre-vote, decided every candidate without revealing it and finalized: the vote stayed
  // "waiting for their app to reveal it" on every screen for good, and "none" in the CSV.
  it('refuses to finalize while a candidate has sealed votes not revealed, then finalizes with them counted', async () => {
    const { c, chairDb, m2Db, all, sync } = await committee();
    const candidate = c.candidates[1]!;
    await castSealedVote(m2Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'not-yet' }, later(1));
    await sync();
    for (const [i, id] of c.candidates.entries()) {
      await chairDecide(chairDb, { sessionId: c.session.id, candidateId: id, outcome: 'defer', newLevelId: null, rationale: 'Evidence is thin this half.', citedCriterionIds: [], nextSteps: ['Lead one project end to end.'], dissent: '' }, later(20 + i));
    }
    await expect(chairFinalize(chairDb, c.session.id, later(40))).rejects.toThrow(
      '1 candidate has sealed pre-votes not yet revealed. Reveal them on that candidate before finalizing: the record is frozen when the session is finalized, and a vote still sealed then is never in it.',
    );
    expect((await chairDb.sessions.get(c.session.id))?.status).not.toBe('finalized');
    expect((await pendingOutbox(chairDb)).map((m) => m.event.type)).not.toContain('session.finalize');

    await chairRevealVotes(chairDb, c.session.id, candidate, 'pre', later(41));
    await sync();
    await chairFinalize(chairDb, c.session.id, later(42));
    await sync();
    for (const db of all) {
      expect((await db.sessions.get(c.session.id))?.status).toBe('finalized');
      expect((await db.votes.where('sessionId').equals(c.session.id).toArray()).map((v) => [v.candidateId, v.memberId, v.outcome])).toEqual([[candidate, c.m2.id, 'not-yet']]);
    }
  });
});
