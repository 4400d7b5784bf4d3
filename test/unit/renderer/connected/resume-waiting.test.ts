/**
 * Events kept waiting (a vote that reached a member before the chair's
 * session.open) apply once the session arrives: the member's app tries them
 * again right after applying the session.open. That retry runs after the
 * session.open has committed, so if it fails (the disk full, the database
 * closing) the stream resumes past the session.open and the waiting events
 * used to stay waiting until some later session.open or update. Now each
 * connection tries them again before it resumes (resumeFrom), and the failed
 * retry is never recorded as the session.open's own refusal.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { castSealedVote, chairOpenSessions } from '../../../../renderer/db/connected';
import { WaitingRetryFailed } from '../../../../shared/connected/contract';
import { cast, catchUp, closeAll, deliver, FakeStream, later, machine, natsStore, sample, withoutSessions } from './harness';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll();
});

describe('events kept waiting when their retry fails after the session.open committed', () => {
  it('are applied when the connection resumes, and the session.open stays applied', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const m3Db = await machine(s, c.m3);
    const m2Db = await withoutSessions(s, c.m2);
    const stream = new FakeStream();

    // m3's pre-vote reaches m2 before the session does: kept waiting.
    await castSealedVote(m3Db, { sessionId: c.session.id, candidateId: c.candidates[0]!, phase: 'pre', outcome: 'defer' }, later(1));
    await stream.drain(m3Db);
    await catchUp(m2Db, stream, c.stream);
    expect((await m2Db.applied.toArray()).filter((r) => r.waiting !== undefined)).toHaveLength(1);

    await chairOpenSessions(chairDb, c.cycleId);
    await stream.drain(chairDb);
    const open = stream.messages.find((m) => {
      const event = JSON.parse(m.data) as { type: string; sessionId: string };
      return event.type === 'session.open' && event.sessionId === c.session.id;
    })!;
    for (const m of stream.messages.filter((x) => x.seq < open.seq && x.seq > 1)) await deliver(m2Db, m, c.stream);

    // The retry after the session.open reads the cycle's waiting events first: that read fails once.
    const where = m2Db.applied.where.bind(m2Db.applied);
    let failures = 0;
    vi.spyOn(m2Db.applied, 'where').mockImplementation(((index: string) => {
      if (index === 'cycleId' && failures++ === 0) throw new Dexie.DatabaseClosedError('The database is closing.');
      return where(index);
    }) as typeof m2Db.applied.where);
    // Thrown as a failed retry, so the transport says the event was applied (transport.ts failApply).
    const thrown = await deliver(m2Db, open, c.stream).then(() => null, (e: unknown) => e);
    expect(thrown).toBeInstanceOf(WaitingRetryFailed);
    expect(String((thrown as Error).message)).toMatch(/closing/);
    // The session.open committed (it is applied, the stream moved past it); the vote still waits.
    expect(await m2Db.sessions.get(c.session.id)).toBeDefined();
    expect((await m2Db.applied.get((JSON.parse(open.data) as { msgId: string }).msgId))?.outcome).toBe('applied');
    expect(await m2Db.commitments.count()).toBe(0);

    // The transport reconnects: where it resumes is asked first, and the waiting vote applies then.
    expect(await natsStore(m2Db, c.cycleId).lastSeq(c.stream)).toBe(open.seq);
    expect((await m2Db.commitments.toArray()).map((r) => [r.memberId, r.state])).toEqual([[c.m3.id, 'committed']]);
    expect((await m2Db.applied.toArray()).filter((r) => r.waiting !== undefined)).toEqual([]);
  });
});
