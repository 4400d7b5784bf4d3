/**
 * A sealed vote changed while the member's app was offline, reaching the committee after the chair revealed the round.
 * A trial: Priyanka sealed "Not yet", went offline, changed to "Promote"; the chair revealed; she came back. Her app
 * revealed Promote against the Not yet commitment the committee held, and every screen read "Does not match the sealed
 * vote; not counted", like tampering, while her own screen still showed Promote, sealed. Now her app opens the
 * commitment the committee holds (her Not yet, which counts) and tells her the change came too late; a vote cast only
 * offline is not revealed at all (there is nothing to open) and she is told so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { castSealedVote, chairRevealVotes } from '../../../../renderer/db/connected';
import { cast, closeAll, FakeStream, later, machine, sample, syncAll } from './harness';

afterEach(closeAll);

describe('a sealed vote changed offline, arriving after the reveal', () => {
  it('counts the vote the committee held on every machine, and tells the member their change came too late', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const m2Db = await machine(s, c.m2);
    const m3Db = await machine(s, c.m3);
    const all = [chairDb, m2Db, m3Db];
    const stream = new FakeStream();
    const online = (dbs: typeof all) => syncAll(dbs, stream, c.stream);
    const candidate = c.candidates[0]!;
    await castSealedVote(m2Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'not-yet' }, later(1));
    await online(all);
    // m2 goes offline and changes the vote; m3 casts its first vote offline too.
    await castSealedVote(m2Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'promote' }, later(2));
    await castSealedVote(m3Db, { sessionId: c.session.id, candidateId: candidate, phase: 'pre', outcome: 'defer' }, later(3));
    await chairRevealVotes(chairDb, c.session.id, candidate, 'pre', later(4));
    await online([chairDb]);
    // Back online: what they queued goes out after the reveal.
    await online(all);

    for (const db of all) {
      const votes = await db.votes.where('sessionId').equals(c.session.id).toArray();
      expect(votes.map((v) => [v.memberId, v.outcome])).toEqual([[c.m2.id, 'not-yet']]);
      expect((await db.commitments.toArray()).map((r) => [r.memberId, r.state])).toEqual([[c.m2.id, 'revealed']]);
    }
    const mine = (await m2Db.ownVotes.toArray())[0]!;
    expect(mine).toMatchObject({ vote: { outcome: 'not-yet' }, late: { vote: { outcome: 'promote' }, earlierCounts: true } });
    const m3Own = (await m3Db.ownVotes.toArray())[0]!;
    expect(m3Own).toMatchObject({ vote: { outcome: 'defer' }, late: { vote: { outcome: 'defer' }, earlierCounts: false } });
    // Nothing was marked as not matching: no refusal reads like tampering.
    for (const db of all) expect((await db.applied.toArray()).filter((a) => a.outcome === 'mismatched')).toEqual([]);
  });
});
