/**
 * A member whose app does not hold the chair's session (issue 14, joining):
 * the chair's session.open creates it under the same id, and events that
 * reached the stream before it (kept as waiting) are applied once it is known,
 * so the member ends with the same session, votes and decisions as the chair.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyStreamEvent, castSealedVote, chairDecide, chairFinalize, chairOpenSessions, chairRevealVotes } from '../../../../renderer/db/connected';
import { verifyAudit } from '../../../../renderer/db/audit';
import { makeEvent } from '../../../../shared/connected/events';
import { AT, cast, catchUp, closeAll, FakeStream, fingerprint, later, machine, sample, withoutSessions } from './harness';

afterEach(closeAll);

describe('a member joining without the session', () => {
  it('creates the chair’s session from the stream, applies the events that came before it, and ends like the chair', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const m3Db = await machine(s, c.m3);
    const m2Db = await withoutSessions(s, c.m2);
    const all = [chairDb, m3Db, m2Db];
    const stream = new FakeStream();
    const candidate = c.candidates[0]!;

    // m3 votes before the chair connects: m2's app sees this vote before it knows the session.
    await castSealedVote(m3Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'defer' }, later(1));
    await stream.drain(m3Db);
    await catchUp(m2Db, stream, c.stream);
    expect(await m2Db.sessions.get(c.session.id)).toBeUndefined();
    const waiting = await m2Db.applied.toArray();
    expect(waiting.map((r) => [r.outcome, r.waiting?.type])).toEqual([['refused', 'vote.commit']]);

    const opens = await chairOpenSessions(chairDb, c.cycleId);
    expect(opens.map((e) => e.sessionId)).toEqual(s.sessions.filter((x) => x.status !== 'finalized' && x.members.some((m) => m.id === c.chair.id && m.role === 'chair')).map((x) => x.id));
    expect(opens.map((e) => e.sessionId)).toContain(c.session.id);
    // Connecting again queues nothing new: the same sessions were already opened.
    expect(await chairOpenSessions(chairDb, c.cycleId)).toEqual([]);
    const sync = async () => {
      for (let round = 0; round < 2; round++) {
        for (const db of all) await stream.drain(db);
        for (const db of all) await catchUp(db, stream, c.stream);
      }
    };
    await sync();

    const joined = await m2Db.sessions.get(c.session.id);
    expect(joined).toMatchObject({ name: c.session.name, candidateIds: c.session.candidateIds, members: c.session.members, blind: c.session.blind, status: 'planned' });
    // m3's early commitment was applied once the session arrived, at its own stream position.
    expect((await m2Db.commitments.toArray()).map((r) => [r.memberId, r.state])).toEqual([[c.m3.id, 'committed']]);
    expect((await m2Db.applied.toArray()).filter((r) => r.waiting !== undefined)).toEqual([]);

    await castSealedVote(m2Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'promote' }, later(5));
    await sync();
    await chairRevealVotes(chairDb, c.session.id, candidate, 'pre', later(10));
    await sync();
    for (const [i, id] of c.candidates.entries()) {
      await chairDecide(chairDb, { sessionId: c.session.id, candidateId: id, outcome: 'defer', newLevelId: null, rationale: 'Evidence is thin this half.', citedCriterionIds: [], nextSteps: ['Lead one project end to end.'], dissent: '' }, later(20 + i));
    }
    await chairFinalize(chairDb, c.session.id, later(40));
    await sync();

    const votes = await m2Db.votes.where('sessionId').equals(c.session.id).toArray();
    expect(votes.map((v) => [v.memberId, v.outcome]).sort()).toEqual([[c.m2.id, 'promote'], [c.m3.id, 'defer']].sort());
    const [chairView, m2View, m3View] = await Promise.all(all.map((db) => fingerprint(db, c.session.id)));
    const comparable = (f: NonNullable<typeof chairView>) => ({ ...f, session: { ...f.session, createdAt: undefined, updatedAt: undefined } });
    expect(comparable(m2View!)).toEqual(comparable(chairView!));
    expect(comparable(m3View!)).toEqual(comparable(chairView!));
    expect(m2View!.session!.status).toBe('finalized');
    for (const db of all) expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('refuses a session.open from someone the session does not name as chair', async () => {
    const s = sample();
    const c = cast(s);
    const m2Db = await withoutSessions(s, c.m2);
    const { name, members, candidateIds, orderMode, timeboxMinutes, blind } = c.session;
    const forged = makeEvent({ type: 'session.open', cycleId: c.cycleId, sessionId: c.session.id, actor: { memberId: c.m3.id, role: 'chair' }, createdAt: AT, name, members, candidateIds, orderMode, timeboxMinutes, blind });
    const result = await applyStreamEvent(m2Db, forged, { stream: c.stream, streamSeq: 1, receivedAt: AT });
    expect(result.outcome).toBe('refused');
    expect(await m2Db.sessions.get(c.session.id)).toBeUndefined();
  });
});
