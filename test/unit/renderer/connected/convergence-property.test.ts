/**
 * Property: machines that apply the same stream agree, however its messages
 * arrive. The streams are random mixes of sealed votes, honest and dishonest
 * reveals, the chair's reveals, decisions, finalizes and reopens, forged
 * chair events and re-published duplicates; one machine gets them in order,
 * the other in a random order with repeats (its consumer applies by sequence,
 * holding back what arrives early), and a third applies the stream twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commitTo } from '../../../../shared/connected/commitment';
import { eventSubject, makeEvent, type ConnectedEvent, type EventDraft } from '../../../../shared/connected/events';
import { toHex } from '../../../../shared/exchange/canonical-json';
import { lastAppliedSeq } from '../../../../renderer/db/connected';
import type { LevelsetDatabase } from '../../../../renderer/db/database';
import { AT, cast, closeAll, deliver, fingerprint, machine, sample, type StreamMessage } from './harness';

afterEach(closeAll);

const s = sample(6);
const c = cast(s);
const people = [c.chair, c.m2, c.m3, c.hr];
const outcomes = ['promote', 'not-yet', 'defer'] as const;

type Step =
  | { kind: 'commit'; who: number; cand: number; outcome: number; salt: number }
  | { kind: 'reveal'; who: number; cand: number; honest: boolean }
  | { kind: 'chair-reveal'; cand: number; forged: boolean }
  | { kind: 'decide'; cand: number; outcome: number; forged: boolean }
  | { kind: 'finalize' }
  | { kind: 'reopen' }
  | { kind: 'repeat'; which: number }
  /** A whole round: some members seal votes, the chair reveals, they reveal (one perhaps dishonestly). */
  | { kind: 'round'; cand: number; votes: Array<{ who: number; outcome: number }>; liar: number };

const who = fc.nat({ max: people.length - 1 });
// Votes gather on two candidates so that commitments, reveals and mismatches meet; decisions cover all (so finalize can apply).
const voteCand = fc.nat({ max: 1 });
const cand = fc.nat({ max: c.candidates.length - 1 });
const forged = fc.nat({ max: 4 }).map((n) => n === 0);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('commit' as const), who, cand: voteCand, outcome: fc.nat({ max: 2 }), salt: fc.nat({ max: 255 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('reveal' as const), who, cand: voteCand, honest: fc.nat({ max: 3 }).map((n) => n > 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('chair-reveal' as const), cand: voteCand, forged }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('decide' as const), cand, outcome: fc.nat({ max: 2 }), forged }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'finalize' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), which: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('round' as const), cand: voteCand, votes: fc.array(fc.record({ who, outcome: fc.nat({ max: 2 }) }), { minLength: 1, maxLength: 4 }), liar: fc.nat({ max: 6 }) }) },
);

/** The stream the steps publish: every event numbered in order (a repeat is published again under a new number). */
function streamOf(steps: Step[]): StreamMessage[] {
  const events: ConnectedEvent[] = [];
  const sealed = new Map<string, { outcome: (typeof outcomes)[number]; salt: string }>();
  const expanded = steps.flatMap((st): Step[] =>
    st.kind !== 'round'
      ? [st]
      : [
          ...st.votes.map((v, k) => ({ kind: 'commit' as const, who: v.who, cand: st.cand, outcome: v.outcome, salt: k + 1 })),
          { kind: 'chair-reveal' as const, cand: st.cand, forged: false },
          ...st.votes.map((v, k) => ({ kind: 'reveal' as const, who: v.who, cand: st.cand, honest: k !== st.liar })),
        ],
  );
  expanded.forEach((st, i) => {
    const createdAt = new Date(Date.parse(AT) + i * 60_000).toISOString();
    const base = { cycleId: c.cycleId, sessionId: c.session.id, createdAt };
    const chair = (forged: boolean) => (forged ? { memberId: c.m2.id, role: 'chair' as const } : { memberId: c.chair.id, role: 'chair' as const });
    let draft: EventDraft | null = null;
    if (st.kind === 'commit') {
      const member = people[st.who]!;
      const candidateId = c.candidates[st.cand]!;
      const salt = toHex(new Uint8Array(32).fill(st.salt));
      const outcome = outcomes[st.outcome]!;
      sealed.set(`${member.id}:${candidateId}`, { outcome, salt });
      draft = { ...base, type: 'vote.commit', actor: { memberId: member.id, role: 'member' }, candidateId, phase: 'pre', commitment: commitTo({ sessionId: c.session.id, candidateId, memberId: member.id, phase: 'pre', vote: { outcome, levelId: null } }, salt) };
    } else if (st.kind === 'reveal') {
      const member = people[st.who]!;
      const candidateId = c.candidates[st.cand]!;
      const known = sealed.get(`${member.id}:${candidateId}`) ?? { outcome: 'promote' as const, salt: '0'.repeat(64) };
      const outcome = st.honest ? known.outcome : outcomes[(outcomes.indexOf(known.outcome) + 1) % 3]!;
      draft = { ...base, type: 'vote.reveal', actor: { memberId: member.id, role: 'member' }, candidateId, phase: 'pre', vote: { outcome, levelId: null }, salt: known.salt };
    } else if (st.kind === 'chair-reveal') {
      draft = { ...base, type: 'votes.reveal', actor: chair(st.forged), candidateId: c.candidates[st.cand]!, phase: 'pre' };
    } else if (st.kind === 'decide') {
      const outcome = outcomes[st.outcome]!;
      draft = { ...base, type: 'decision', actor: chair(st.forged), candidateId: c.candidates[st.cand]!, outcome, newLevelId: null, rationale: `Decided at step ${i}.`, citedCriterionIds: [], nextSteps: outcome === 'promote' ? [] : ['Another quarter of evidence.'], dissent: '' };
    } else if (st.kind === 'finalize') {
      draft = { ...base, type: 'session.finalize', actor: chair(false) };
    } else if (st.kind === 'reopen') {
      draft = { ...base, type: 'session.reopen', actor: chair(false), reason: `Reopened at step ${i}.` };
    }
    if (draft) events.push(makeEvent(draft));
    else if (events.length > 0 && st.kind === 'repeat') events.push(events[st.which % events.length]!);
  });
  return events.map((e, i) => ({ seq: i + 1, subject: eventSubject(e), data: JSON.stringify(e) }));
}

/** A consumer that may receive messages in any order and more than once, and applies them by sequence. */
async function receive(db: LevelsetDatabase, arrivals: StreamMessage[]): Promise<void> {
  const held = new Map<number, StreamMessage>();
  for (const m of arrivals) {
    let next = (await lastAppliedSeq(db, c.stream)) + 1;
    // A redelivery of something already applied goes straight in: it must change nothing.
    if (m.seq < next) await deliver(db, m, c.stream);
    else held.set(m.seq, m);
    while (held.has(next)) {
      await deliver(db, held.get(next)!, c.stream);
      held.delete(next);
      next += 1;
    }
  }
}

describe('two machines with the same stream', () => {
  it('agree, whatever order the messages arrive in; applying the stream again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 50 }), fc.array(fc.nat(), { maxLength: 8 }), async (steps, order, repeats) => {
        const messages = streamOf(steps);
        // The arrival order: a shuffle by the random keys, with some messages arriving twice.
        const keyed = messages.map((m, i) => ({ m, key: order[i] ?? i }));
        const arrivals = keyed.sort((a, b) => a.key - b.key).map((x) => x.m);
        if (messages.length > 0) for (const r of repeats) arrivals.splice(r % (arrivals.length + 1), 0, messages[r % messages.length]!);

        const [a, b] = await Promise.all([machine(s), machine(s)]);
        for (const m of messages) await deliver(a, m, c.stream);
        await receive(b, arrivals);
        const [fa, fb] = await Promise.all([fingerprint(a, c.session.id), fingerprint(b, c.session.id)]);
        expect(fb).toEqual(fa);
        expect(await lastAppliedSeq(b, c.stream)).toBe(messages.length);

        for (const m of messages) await deliver(a, m, c.stream);
        expect(await fingerprint(a, c.session.id)).toEqual(fa);
        await closeAll();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 12), seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
    );
    // Many small databases per run on a shared machine: the limit only bounds how long a real failure takes to report.
  }, 300_000);
});
