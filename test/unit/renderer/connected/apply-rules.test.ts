import { afterEach, describe, expect, it } from 'vitest';
import { commitTo, newSalt } from '../../../../shared/connected/commitment';
import { eventSubject, makeEvent, type EventDraft } from '../../../../shared/connected/events';
import { applyStreamEvent, chairDecide, connectedStatus, lastAppliedSeq } from '../../../../renderer/db/connected';
import type { LevelsetDatabase } from '../../../../renderer/db/database';
import { AT, cast, closeAll, fingerprint, machine, sample } from './harness';

afterEach(closeAll);

async function setup() {
  const s = sample();
  const c = cast(s);
  const db = await machine(s);
  let seq = 0;
  const apply = (draft: EventDraft | Record<string, unknown>, subject?: string) => {
    const event = 'msgId' in draft ? draft : makeEvent(draft as EventDraft);
    return applyStreamEvent(db, event, { stream: c.stream, streamSeq: ++seq, receivedAt: AT, subject: subject ?? eventSubject(event as never) });
  };
  const base = { cycleId: c.cycleId, sessionId: c.session.id, createdAt: AT };
  const candidateId = c.candidates[0]!;
  const vote = { sessionId: c.session.id, candidateId, memberId: c.m2.id, phase: 'pre' as const, vote: { outcome: 'promote' as const, levelId: null } };
  const salt = newSalt();
  const commit: EventDraft = { ...base, type: 'vote.commit', actor: { memberId: c.m2.id, role: 'member' }, candidateId, phase: 'pre', commitment: commitTo(vote, salt) };
  const reveal: EventDraft = { ...base, type: 'vote.reveal', actor: { memberId: c.m2.id, role: 'member' }, candidateId, phase: 'pre', vote: vote.vote, salt, createdAt: '2026-11-20T10:05:00.000Z' };
  const chairReveal: EventDraft = { ...base, type: 'votes.reveal', actor: { memberId: c.chair.id, role: 'chair' }, candidateId, phase: 'pre', createdAt: '2026-11-20T10:04:00.000Z' };
  const decision = (memberId: string, role: 'chair' | 'member'): EventDraft => ({ ...base, type: 'decision', actor: { memberId, role }, candidateId, outcome: 'promote', newLevelId: null, rationale: 'Consistent evidence.', citedCriterionIds: [], nextSteps: [], dissent: '' });
  return { s, c, db, apply, commit, reveal, chairReveal, decision, candidateId, seqNow: () => seq };
}

async function preVotes(db: LevelsetDatabase, sessionId: string) {
  return (await db.votes.where('sessionId').equals(sessionId).toArray()).filter((v) => v.phase === 'pre');
}

describe('applying a stream: what is refused or flagged', () => {
  it('flags a reveal that does not match its commitment and counts no vote; the matching reveal still counts', async () => {
    const { c, db, apply, commit, reveal, chairReveal } = await setup();
    expect((await apply(commit)).outcome).toBe('applied');
    expect((await apply(chairReveal)).outcome).toBe('applied');
    const lie = await apply({ ...(reveal as object), vote: { outcome: 'not-yet', levelId: null } } as EventDraft);
    expect(lie.outcome).toBe('mismatched');
    expect(lie.reason).toMatch(/does not match/);
    // The status lists it for the chair's screen.
    const status = await connectedStatus(db, c.cycleId);
    expect(status.problems.map((p) => [p.outcome, p.actor.memberId, p.streamSeq])).toEqual([['mismatched', c.m2.id, 3]]);
    expect(status).toMatchObject({ connection: null, pending: 0, lastSeq: 3 });
    expect(await preVotes(db, c.session.id)).toEqual([]);
    expect((await db.commitments.toArray())[0]!.state).toBe('mismatched');
    expect((await db.applied.toArray()).filter((a) => a.outcome === 'mismatched')).toHaveLength(1);

    expect((await apply(reveal)).outcome).toBe('applied');
    expect((await preVotes(db, c.session.id)).map((v) => v.outcome)).toEqual(['promote']);
    expect((await db.commitments.toArray())[0]!.state).toBe('revealed');
  });

  it('refuses a reveal before the chair reveals, and a new commitment after', async () => {
    const { c, db, apply, commit, reveal, chairReveal } = await setup();
    await apply(commit);
    const early = await apply(reveal);
    expect(early).toMatchObject({ outcome: 'refused' });
    expect(await preVotes(db, c.session.id)).toEqual([]);
    await apply(chairReveal);
    const rewrite = await apply({ ...(commit as object), commitment: 'f'.repeat(64), createdAt: '2026-11-20T10:06:00.000Z' } as EventDraft);
    expect(rewrite).toMatchObject({ outcome: 'refused' });
    expect((await db.commitments.toArray())[0]!.commitment).toBe((commit as { commitment: string }).commitment);
  });

  it('refuses chair actions from anyone but the session’s chair, whatever role they claim', async () => {
    const { c, db, apply, decision, chairReveal } = await setup();
    const before = await fingerprint(db, c.session.id);
    expect((await apply(decision(c.m2.id, 'chair'))).outcome).toBe('refused');
    expect((await apply(decision(c.m2.id, 'member'))).outcome).toBe('refused');
    expect((await apply({ ...(chairReveal as object), actor: { memberId: c.m3.id, role: 'chair' } } as EventDraft)).outcome).toBe('refused');
    expect((await apply({ ...(decision(c.chair.id, 'member') as object) } as EventDraft)).outcome).toBe('refused');
    const after = await fingerprint(db, c.session.id);
    expect(after.decisions).toEqual(before.decisions);
    expect(after.session).toEqual(before.session);
    expect((await db.applied.toArray()).every((a) => a.outcome === 'refused' && /Only the chair/.test(a.reason))).toBe(true);
    // The real chair's decision applies.
    expect((await apply(decision(c.chair.id, 'chair'))).outcome).toBe('applied');
    expect(await db.decisions.where('sessionId').equals(c.session.id).count()).toBe(1);
  });

  it('refuses a member’s vote cast as someone else, from a manager, or on another member’s subject', async () => {
    const { c, db, apply, commit } = await setup();
    expect((await apply({ ...(commit as object), actor: { memberId: 'not-on-committee', role: 'member' } } as EventDraft)).outcome).toBe('refused');
    expect((await apply({ ...(commit as object), actor: { memberId: c.m2.id, role: 'manager' } } as EventDraft)).outcome).toBe('refused');
    const event = makeEvent(commit);
    const wrongSubject = await apply(event, eventSubject({ ...event, actor: { memberId: c.m3.id, role: 'member' } }));
    expect(wrongSubject.outcome).toBe('refused');
    expect(await db.commitments.count()).toBe(0);
  });

  it('refuses an event whose message id was borrowed, and the real one still applies', async () => {
    const { c, db, apply, decision } = await setup();
    const real = makeEvent(decision(c.chair.id, 'chair'));
    const forged = { ...real, rationale: 'Something else entirely.' };
    expect((await apply(forged)).outcome).toBe('refused');
    expect((await apply(real)).outcome).toBe('applied');
    expect((await db.decisions.toArray()).find((d) => d.sessionId === c.session.id)?.rationale).toBe('Consistent evidence.');
  });

  it('refuses what is not an event, moving past it', async () => {
    const { c, db } = await setup();
    expect((await applyStreamEvent(db, { hello: 'world' }, { stream: c.stream, streamSeq: 1, receivedAt: AT })).outcome).toBe('refused');
    expect((await applyStreamEvent(db, undefined, { stream: c.stream, streamSeq: 2, receivedAt: AT })).outcome).toBe('refused');
    expect(await lastAppliedSeq(db, c.stream)).toBe(2);
  });

  it('a member’s app will not even make a chair event', async () => {
    const s = sample();
    const c = cast(s);
    const db = await machine(s, c.m2);
    await expect(chairDecide(db, { sessionId: c.session.id, candidateId: c.candidates[0]!, outcome: 'promote', newLevelId: null, rationale: 'x', citedCriterionIds: [], nextSteps: [], dissent: '' }, AT)).rejects.toThrow(/Only the chair/);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.decisions.where('sessionId').equals(c.session.id).count()).toBe(0);
  });
});

describe('applying a stream twice', () => {
  it('changes nothing the second time, by sequence or by message id under a new sequence', async () => {
    const { c, db, apply, commit, chairReveal, reveal, decision, seqNow } = await setup();
    const events = [makeEvent(commit), makeEvent(chairReveal), makeEvent(reveal), makeEvent(decision(c.chair.id, 'chair'))];
    for (const e of events) await apply(e);
    const once = await fingerprint(db, c.session.id);
    const auditOnce = await db.audit.count();
    // Same sequences again.
    for (const [i, e] of events.entries()) expect((await applyStreamEvent(db, e, { stream: c.stream, streamSeq: i + 1, receivedAt: AT })).outcome).toBe('duplicate');
    // The same messages published again past the server's duplicate window: new sequences, same ids.
    for (const e of events) expect((await apply(e)).outcome).toBe('duplicate');
    expect(await fingerprint(db, c.session.id)).toEqual(once);
    expect(await db.audit.count()).toBe(auditOnce);
    expect(await lastAppliedSeq(db, c.stream)).toBe(seqNow());
  });
});
