import { afterEach, describe, expect, it } from 'vitest';
import { castOpenVote, castSealedVote, chairRevealVotes, chairSetFinalVotes } from '../../../../renderer/db/connected';
import { cast, catchUp, closeAll, FakeStream, later, machine, sample } from './harness';

afterEach(closeAll);

async function setup() {
  const s = sample();
  const c = cast(s);
  const chair = await machine(s, c.chair);
  const m2 = await machine(s, c.m2);
  const observer = await machine(s);
  const stream = new FakeStream();
  const sync = async () => {
    for (let round = 0; round < 2; round++) {
      for (const db of [chair, m2, observer]) await stream.drain(db);
      for (const db of [chair, m2, observer]) await catchUp(db, stream, c.stream);
    }
  };
  return { c, chair, m2, observer, sync };
}

const finals = async (db: Awaited<ReturnType<typeof machine>>, sessionId: string) => (await db.votes.where('sessionId').equals(sessionId).toArray()).filter((v) => v.phase === 'post').map((v) => [v.memberId, v.outcome]);

describe('final votes', () => {
  it('are sealed by default and counted when the chair reveals them', async () => {
    const { c, chair, m2, observer, sync } = await setup();
    const candidate = c.candidates[0]!;
    await expect(castOpenVote(m2, { sessionId: c.session.id, candidateId: candidate, outcome: 'promote' }, later(1))).rejects.toThrow(/sealed/);
    await castSealedVote(m2, { sessionId: c.session.id, candidateId: candidate, phase: 'post', outcome: 'not-yet' }, later(1));
    await sync();
    expect(await finals(observer, c.session.id)).toEqual([]);
    await chairRevealVotes(chair, c.session.id, candidate, 'post', later(5));
    await sync();
    for (const db of [chair, m2, observer]) expect(await finals(db, c.session.id)).toEqual([[c.m2.id, 'not-yet']]);
  });

  it('are cast openly once the chair sets them open, and a sealed final vote is then refused', async () => {
    const { c, chair, m2, observer, sync } = await setup();
    const candidate = c.candidates[1]!;
    await chairSetFinalVotes(chair, c.session.id, 'open', later(1));
    await sync();
    await expect(castSealedVote(m2, { sessionId: c.session.id, candidateId: candidate, phase: 'post', outcome: 'promote' }, later(2))).rejects.toThrow(/open/);
    await castOpenVote(m2, { sessionId: c.session.id, candidateId: candidate, outcome: 'promote' }, later(2));
    // The voter sees it at once; everyone else once it comes through the stream.
    expect(await finals(m2, c.session.id)).toEqual([[c.m2.id, 'promote']]);
    expect(await finals(observer, c.session.id)).toEqual([]);
    await sync();
    for (const db of [chair, m2, observer]) expect(await finals(db, c.session.id)).toEqual([[c.m2.id, 'promote']]);
  });
});
