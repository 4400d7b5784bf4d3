import { revealedText } from '../../../renderer/features/calibration/session/session-dialogs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { auditFor, verifyAudit } from '../../../renderer/db/audit';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { saveCandidate } from '../../../renderer/db/candidates';
import { saveProfile } from '../../../renderer/db/profile';
import { correctPreVote, createSession, decisionId, finalizeSession, recordVote, reopenSession, revealPreVotes, saveDecision, sessionProblems, setBlind, updateSession } from '../../../renderer/db/sessions';

const AT = '2026-11-20T10:00:00.000Z';
let db: LevelsetDatabase;
let sample: SampleCycle;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`sessions-test-${++n}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
  await loadSampleCycle(db, sample);
});
afterEach(async () => db.delete());

const members = [
  { id: 'm1', name: 'Morgan Ellis', role: 'chair' as const },
  { id: 'm2', name: 'Priyanka Rao', role: 'member' as const },
];

async function newSession(candidates = 2) {
  return createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: sample.candidates.slice(0, candidates).map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: true },
    AT,
  );
}

// Each outcome its own rationale: a change of outcome that keeps the rationale is refused (outcomeChangeIssues).
function decide(sessionId: string, candidateId: string, outcome: 'promote' | 'not-yet' | 'defer' = 'promote', rationale = `${outcome}: consistent evidence against every criterion over three quarters.`) {
  const nextSteps = outcome === 'promote' ? [] : ['Show evidence of the remaining criteria over another quarter.'];
  return saveDecision(db, { sessionId, candidateId, outcome, newLevelId: null, rationale, citedCriterionIds: [], nextSteps, dissent: '' }, AT);
}

const IC0 = 'ic0m3-ic0';
const IC2 = 'ic0m3-ic2';
const IC3 = 'ic0m3-ic3';
const IC4 = 'ic0m3-ic4';
const M1 = 'ic0m3-m1';

/** Makes the session's first candidate an IC2 going for IC3, through the candidate command. */
async function ic2ToIc3(candidateId: string) {
  const c = (await db.candidates.get(candidateId))!;
  await saveCandidate(db, { ...c, currentLevelId: IC2, targetLevelId: IC3 }, AT);
}

describe('a decision changed after the clock went back', () => {
  it('is saved, dated no earlier than the decision it changes (as the audit trail is)', async () => {
    const session = await newSession();
    const c = sample.candidates[0]!;
    const first = await decide(session.id, c.id, 'promote');
    expect(first.decidedAt).toBe(AT);
    // The machine's clock is now an hour behind the first decision.
    const earlier = '2026-11-20T09:00:00.000Z';
    const changed = await saveDecision(db, { sessionId: session.id, candidateId: c.id, outcome: 'not-yet', newLevelId: null, rationale: 'Two criteria lack evidence in the window.', citedCriterionIds: [], nextSteps: ['Lead a cross-team design review.'], dissent: '' }, earlier);
    expect(changed).toMatchObject({ outcome: 'not-yet', createdAt: AT, decidedAt: AT, updatedAt: AT });
    expect((await db.decisions.get(decisionId(session.id, c.id)))?.outcome).toBe('not-yet');
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('keeps the time given when the clock moved on', async () => {
    const session = await newSession();
    const c = sample.candidates[0]!;
    await decide(session.id, c.id, 'promote');
    const later = '2026-11-20T11:00:00.000Z';
    const changed = await saveDecision(db, { sessionId: session.id, candidateId: c.id, outcome: 'not-yet', newLevelId: null, rationale: 'Two criteria lack evidence in the window.', citedCriterionIds: [], nextSteps: ['Lead a cross-team design review.'], dissent: '' }, later);
    expect(changed).toMatchObject({ createdAt: AT, decidedAt: later, updatedAt: later });
    // Reworded only, the outcome kept: still decided when the outcome was chosen (a trial's book said "decided" on the
    // day a rationale was reworded); the change is dated by updatedAt, and the trail.
    const reworded = '2026-11-20T12:00:00.000Z';
    const kept = await saveDecision(db, { sessionId: session.id, candidateId: c.id, outcome: 'not-yet', newLevelId: null, rationale: 'Changed wording.', citedCriterionIds: [], nextSteps: ['Lead a cross-team design review.'], dissent: '' }, reworded);
    expect(kept).toMatchObject({ decidedAt: later, updatedAt: reworded, decidedBy: changed.decidedBy });
  });
});

describe('sessions', () => {
  it('says what is missing from a new session', () => {
    expect(sessionProblems({ cycleId: 'c', name: ' ', members: [{ id: 'a', name: 'A', role: 'member' }], candidateIds: [], orderMode: 'by-level', timeboxMinutes: 0, blind: false })).toEqual({
      name: 'Give the session a name.',
      members: 'Name a chair: the chair reveals names in blind mode and finalizes.',
      candidateIds: 'Choose at least one candidate to review.',
      timeboxMinutes: 'A timebox is 1 to 240 minutes.',
    });
  });

  it('refuses two chairs, and one name twice on the committee (votes and the audit trail could not tell them apart)', () => {
    const base = { cycleId: 'c', name: 'Week 1', candidateIds: ['x'], orderMode: 'by-level' as const, timeboxMinutes: 8, blind: false };
    expect(sessionProblems({ ...base, members: [{ id: 'a', name: 'Dana Whitfield', role: 'chair' }, { id: 'b', name: 'Morgan Ellis', role: 'chair' }] }).members).toMatch(/^Name one chair/);
    expect(sessionProblems({ ...base, members: [{ id: 'a', name: 'Dana Whitfield', role: 'chair' }, { id: 'b', name: 'Morgan Ellis', role: 'member' }, { id: 'c', name: ' morgan  ellis ', role: 'hr-partner' }] }).members).toBe(
      'Morgan Ellis is on the committee twice. Each member once: votes and the audit trail name members, and two of one name cannot be told apart.',
    );
    expect(sessionProblems({ ...base, members: [{ id: 'a', name: 'Dana Whitfield', role: 'chair' }, { id: 'b', name: 'Morgan Ellis', role: 'member' }] }).members).toBeUndefined();
  });

  it('refuses a second session of one name in a cycle (any case or spacing), on creating and on renaming, writing nothing', async () => {
    const first = await newSession();
    const count = await db.sessions.count();
    const again = { cycleId: sample.cycle.id, name: '  week   1 ', members, candidateIds: [sample.candidates[3]!.id], orderMode: 'by-level' as const, timeboxMinutes: 8, blind: false };
    await expect(createSession(db, again, AT)).rejects.toThrow('This cycle already has a session named “week 1”. Give this one a name of its own (for example with the week or the level).');
    expect(await db.sessions.count()).toBe(count);
    const second = await createSession(db, { ...again, name: 'Week 2' }, AT);
    await expect(updateSession(db, second.id, { ...again, name: 'WEEK 1' }, AT)).rejects.toThrow(/already has a session named “WEEK 1”/);
    expect((await db.sessions.get(second.id))?.name).toBe('Week 2');
    // Renaming a session to its own name, or in another case, is no clash with itself.
    expect((await updateSession(db, first.id, { ...again, candidateIds: first.candidateIds, name: 'week 1' }, AT)).name).toBe('week 1');
  });

  it('records pre and post votes once per member and phase, and moves the session to live', async () => {
    const session = await newSession();
    const candidateId = session.candidateIds[0]!;
    await recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'pre', outcome: 'defer' }, AT);
    await recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'pre', outcome: 'not-yet' }, AT);
    await recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'post', outcome: 'promote' }, AT);
    const votes = await db.votes.where('[sessionId+candidateId]').equals([session.id, candidateId]).toArray();
    expect(votes.map((v) => [v.phase, v.outcome]).sort()).toEqual([
      ['post', 'promote'],
      ['pre', 'not-yet'],
    ]);
    expect((await db.sessions.get(session.id))?.status).toBe('live');
    await expect(recordVote(db, { sessionId: session.id, candidateId, memberId: 'stranger', phase: 'pre', outcome: 'promote' }, AT)).rejects.toThrow('not on this committee');
  });

  it('records nothing for a vote cast again as it stands (no "Not yet → Not yet" in the audit trail)', async () => {
    const session = await newSession();
    const candidateId = session.candidateIds[0]!;
    await recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'pre', outcome: 'not-yet' }, AT);
    const entries = await db.audit.count();
    const again = await recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'pre', outcome: 'not-yet' }, '2026-11-20T10:05:00.000Z');
    expect(again.outcome).toBe('not-yet');
    expect(again.updatedAt).toBe(AT);
    expect(await db.audit.count()).toBe(entries);
  });

  it('requires a rationale and a level for promote-other, writing nothing when refused', async () => {
    const session = await newSession();
    const candidateId = session.candidateIds[0]!;
    await expect(decide(session.id, candidateId, 'promote', '   ')).rejects.toThrow(/rationale/i);
    await expect(saveDecision(db, { sessionId: session.id, candidateId, outcome: 'promote-other', newLevelId: null, rationale: 'x', citedCriterionIds: [], nextSteps: [], dissent: '' }, AT)).rejects.toThrow(/level/i);
    expect(await db.decisions.count()).toBe(0);
  });

  it('grants only a promotion from the current level on Promote to another level, and says why', async () => {
    const session = await newSession();
    const candidateId = session.candidateIds[0]!;
    await ic2ToIc3(candidateId);
    const other = (newLevelId: string) => saveDecision(db, { sessionId: session.id, candidateId, outcome: 'promote-other', newLevelId, rationale: `Operates above the target, at ${newLevelId}.`, citedCriterionIds: [], nextSteps: [], dissent: '' }, AT);
    await expect(other(IC0)).rejects.toThrow('The level granted (IC0) is not a promotion from IC2: choose a level above IC2 on its track, or one at or above its equivalent on another track.');
    await expect(other(IC2)).rejects.toThrow('The level granted is the candidate’s current level (IC2); choose a level above it.');
    expect(await db.decisions.count()).toBe(0);
    expect((await other(IC4)).newLevelId).toBe(IC4);
    expect((await other(M1)).newLevelId).toBe(M1);
  });

  it('refuses Not yet and Defer without a next step, writing nothing', async () => {
    const session = await newSession();
    const candidateId = session.candidateIds[0]!;
    for (const outcome of ['not-yet', 'defer'] as const) {
      await expect(saveDecision(db, { sessionId: session.id, candidateId, outcome, newLevelId: null, rationale: 'Not shown yet.', citedCriterionIds: [], nextSteps: [' '], dissent: '' }, AT)).rejects.toThrow(
        'Write at least one next step',
      );
    }
    expect(await db.decisions.count()).toBe(0);
  });

  it('puts a planned session live with its first decision, even without votes', async () => {
    const session = await newSession();
    expect((await db.sessions.get(session.id))?.status).toBe('planned');
    await decide(session.id, session.candidateIds[0]!);
    expect((await db.sessions.get(session.id))?.status).toBe('live');
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('a vote for Promote to another level names a level that is a promotion', async () => {
    const session = await newSession();
    const candidateId = session.candidateIds[0]!;
    await ic2ToIc3(candidateId);
    const vote = (levelId: string | null, phase: 'pre' | 'post' = 'post', memberId = 'm1') => recordVote(db, { sessionId: session.id, candidateId, memberId, phase, outcome: 'promote-other', levelId }, AT);
    await expect(vote(null)).rejects.toThrow('Choose the level for Promote to another level; the vote names it.');
    await expect(vote(IC0)).rejects.toThrow('The level voted for (IC0) is not a promotion from IC2');
    await expect(vote(IC3)).rejects.toThrow('That is the target level; vote Promote instead.');
    expect(await db.votes.count()).toBe(0);
    expect((await vote(M1)).levelId).toBe(M1);

    await vote(IC4, 'pre', 'm2');
    await revealPreVotes(db, session.id, candidateId, AT);
    const correct = (levelId: string) => correctPreVote(db, { sessionId: session.id, candidateId, memberId: 'm2', outcome: 'promote-other', levelId, reason: 'Recorded in the wrong row' }, AT);
    await expect(correct(IC0)).rejects.toThrow('The level voted for (IC0) is not a promotion from IC2');
    expect((await correct(M1)).levelId).toBe(M1);
  });

  it('grants the target level on Promote', async () => {
    const session = await newSession();
    const candidate = sample.candidates.find((c) => c.id === session.candidateIds[0])!;
    const decision = await decide(session.id, candidate.id);
    expect(decision.newLevelId).toBe(candidate.targetLevelId);
  });

  it('finalizes only when every candidate is decided, then refuses changes until reopened with a reason', async () => {
    const session = await newSession(2);
    const [a, b] = session.candidateIds as [string, string];
    await decide(session.id, a);
    await expect(finalizeSession(db, session.id, AT)).rejects.toThrow('1 candidate has no decision yet');
    await decide(session.id, b, 'not-yet');
    await finalizeSession(db, session.id, AT);
    expect((await db.decisions.get(decisionId(session.id, a)))?.locked).toBe(true);
    await expect(decide(session.id, a, 'defer')).rejects.toThrow('finalized');
    await expect(recordVote(db, { sessionId: session.id, candidateId: a, memberId: 'm1', phase: 'post', outcome: 'defer' }, AT)).rejects.toThrow('finalized');
    await expect(setBlind(db, session.id, false, AT)).rejects.toThrow('finalized');
    await expect(reopenSession(db, session.id, '  ', AT)).rejects.toThrow('Say why');
    await reopenSession(db, session.id, 'HR found a missing packet revision', AT);
    expect((await db.decisions.get(decisionId(session.id, a)))?.locked).toBe(false);
    await decide(session.id, a, 'defer');
  });

  it('keeps on a decision what it was in the finalized record when a reopen changes its outcome or its rationale, and nothing for other changes', async () => {
    const session = await newSession(2);
    const [a, b] = session.candidateIds as [string, string];
    const at = (day: string) => `2026-11-${day}T10:00:00.000Z`;
    const save = (candidateId: string, outcome: 'promote' | 'defer', day: string, rationale = `${outcome}: consistent evidence against every criterion over three quarters.`) =>
      saveDecision(db, { sessionId: session.id, candidateId, outcome, newLevelId: null, rationale, citedCriterionIds: [], nextSteps: outcome === 'promote' ? [] : ['One more quarter.'], dissent: '' }, at(day));
    // Changes while the session is live are deliberation: nothing kept.
    await save(a, 'promote', '21');
    await save(a, 'defer', '22');
    await save(b, 'promote', '22');
    expect((await db.decisions.get(decisionId(session.id, a)))?.earlier).toBeUndefined();
    await finalizeSession(db, session.id, at('23'));
    await reopenSession(db, session.id, 'HR found a missing packet revision', at('24'));
    // A new rationale with the same outcome is kept as a rewrite (it read as the text first recorded: session 35's
    // trial); a new outcome keeps the finalized one, with the rationale that changed with it.
    await save(b, 'promote', '25', 'Reworded after the reopen.');
    expect((await db.decisions.get(decisionId(session.id, b)))?.earlier).toEqual([{ outcome: 'promote', newLevelId: expect.any(String), decidedAt: at('22'), changedAt: at('25'), changed: ['rationale'] }]);
    const changed = await save(a, 'promote', '25');
    const kept = [{ outcome: 'defer', newLevelId: null, decidedAt: at('22'), changedAt: at('25'), changed: ['outcome', 'rationale'] }];
    expect(changed.earlier).toEqual(kept);
    // Changed again before finalizing: the decision of the finalized record stays the one kept.
    await save(a, 'defer', '26');
    expect((await db.decisions.get(decisionId(session.id, a)))?.earlier).toEqual(kept);
  });

  it('says whether revealing names changed anything: a second reveal (another window) records nothing, not even its reason', async () => {
    const session = await newSession(1);
    expect(await setBlind(db, session.id, false, AT, 'HR needs names')).toBe('revealed');
    expect(await setBlind(db, session.id, false, AT, 'a second reason')).toBe('unchanged');
    const history = ((await db.sessions.get(session.id))?.history ?? []).filter((h) => h.action === 'names-revealed');
    expect(history.map((h) => h.reason)).toEqual(['HR needs names']);
    expect(revealedText(true)).toBe('Names revealed. The reveal is in the audit trail.');
    expect(revealedText(false)).toMatch(/^Names were already shown .*nothing new was recorded, and this reason was not saved\.$/);
  });

  // A trial changed a saved Promote to Not yet and saved: the record read "Not yet … Rationale: Promote against the majority…".
  it('refuses a new outcome that keeps the rationale written for the old one, writing nothing', async () => {
    const session = await newSession(1);
    const candidateId = session.candidateIds[0]!;
    const first = await saveDecision(db, { sessionId: session.id, candidateId, outcome: 'promote', newLevelId: null, rationale: 'Promote: IC4.4 weighed as decisive.', citedCriterionIds: [], nextSteps: [], dissent: 'Alex: not yet.' }, AT);
    const entries = await db.audit.count();
    const change = (rationale: string) => saveDecision(db, { sessionId: session.id, candidateId, outcome: 'not-yet', newLevelId: null, rationale, citedCriterionIds: [], nextSteps: ['Sustain IC4.4.'], dissent: 'Alex: not yet.' }, AT);
    // Spacing is not a new rationale.
    await expect(change(' Promote:  IC4.4 weighed as decisive. ')).rejects.toThrow('This rationale was written for Promote. Say why the decision is now Not yet.');
    expect(await db.decisions.get(first.id)).toEqual(first);
    expect(await db.audit.count()).toBe(entries);
    // Said why: saved (the dissent kept from before is the form's warning, not a refusal).
    expect((await change('Not yet: IC4.4 rests on one quarter.')).outcome).toBe('not-yet');
  });

  // A trial found nothing a reviewer reads saying who recorded a decision: only the audit trail named them.
  it('keeps who recorded a decision, as the audit trail names them, and who changed it last', async () => {
    const session = await newSession(1);
    const candidateId = session.candidateIds[0]!;
    await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' }, AT);
    const first = await decide(session.id, candidateId, 'promote');
    expect(first.decidedBy).toBe('Dana Whitfield (Committee chair)');
    expect((await auditFor(db, [first.id])).at(-1)?.actor).toBe(first.decidedBy);
    await saveProfile(db, { name: 'Sam Rivera', role: 'HR partner' }, AT);
    expect((await decide(session.id, candidateId, 'defer')).decidedBy).toBe('Sam Rivera (HR partner)');
  });

  it('audits every change in a chain that verifies, and detects an edited or deleted entry', async () => {
    const session = await newSession(1);
    const candidateId = session.candidateIds[0]!;
    await recordVote(db, { sessionId: session.id, candidateId, memberId: 'm1', phase: 'pre', outcome: 'defer' }, AT);
    await decide(session.id, candidateId, 'defer');
    // Saved again with nothing changed (Change decision, then Save): nothing written, nothing audited.
    const same = await decide(session.id, candidateId, 'defer', '  defer: consistent evidence against every criterion over three quarters. ');
    expect(same).toEqual({ ...(await db.decisions.get(decisionId(session.id, candidateId)))!, unchanged: true });
    await decide(session.id, candidateId, 'promote');
    await setBlind(db, session.id, false, AT);
    await finalizeSession(db, session.id, AT);
    const trail = await auditFor(db, [decisionId(session.id, candidateId)]);
    expect(trail.map((e) => e.action)).toEqual(['decide', 'change decision']);
    expect(trail[1]?.before).toMatchObject({ outcome: 'defer' });
    expect(trail[1]?.after).toMatchObject({ outcome: 'promote' });
    expect((await verifyAudit(db)).ok).toBe(true);

    const all = await db.audit.toArray();
    const victim = all.find((e) => e.action === 'change decision')!;
    await db.audit.update(victim.id, { after: { outcome: 'not-yet' } });
    const tampered = await verifyAudit(db);
    expect(tampered.ok).toBe(false);
    expect(tampered.chains.devices[0]?.result).toMatchObject({ ok: false, brokenAt: { seq: victim.seq, reason: 'hash-mismatch' } });

    await db.audit.update(victim.id, { after: victim.after });
    expect((await verifyAudit(db)).ok).toBe(true);
    await db.audit.delete(victim.id);
    expect((await verifyAudit(db)).ok).toBe(false);
  });
});
