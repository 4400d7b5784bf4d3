/**
 * Vote tallies and movement, next steps and decision validation.
 *
 * Votes, candidate k1 (members m1..m4; m2 revised the pre-vote, the later counts):
 *   member  pre                         post      moved?
 *   m1      promote                     promote   no
 *   m2      promote (t1) → not-yet (t2) promote   yes
 *   m3      not-yet                     promote   yes
 *   m4      defer                       not-yet   yes
 *   pre: promote 1, not-yet 2, defer 1 (4 votes, majority needs 3) → no majority, leading not-yet
 *   post: promote 3, not-yet 1 → majority promote (3 ≥ 3)
 *
 * Candidate k2:
 *   m1      promote-other IC4           promote-other IC2   yes (level changed)
 *   m2      promote-other IC2           —                   pre only
 *   m3      —                           promote             post only
 *   pre: promote-other 2 of 2 → majority; post: 1 promote, 1 promote-other → tie, no majority
 *
 * Session: pairs 4 + 1 = 5, changed 3 + 1 = 4, majority changed on both candidates.
 */
import { describe, expect, it } from 'vitest';
import { decisionAgainstVotes, departureFromVotes, departureLine, departureTag, leadingOtherLevel, type PhaseTally, majorityMove, nextStepItems, preVoteCorrectionProblem, nextStepsFor, tallyVotes, validateDecision, voteMovementSummary, type VoteRef } from '../../../shared/calibration/votes';
import type { Framework } from '../../../shared/domain/framework';
import type { Outcome } from '../../../shared/domain/session';

const T1 = '2026-10-01T09:00:00.000Z';
const T2 = '2026-10-01T09:05:00.000Z';
const v = (candidateId: string, memberId: string, phase: 'pre' | 'post', outcome: Outcome, levelId: string | null = null, updatedAt = T1): VoteRef => ({
  candidateId,
  memberId,
  phase,
  outcome,
  levelId,
  updatedAt,
});

const votes: VoteRef[] = [
  v('k1', 'm1', 'pre', 'promote'),
  v('k1', 'm2', 'pre', 'not-yet', null, T2),
  v('k1', 'm2', 'pre', 'promote', null, T1),
  v('k1', 'm3', 'pre', 'not-yet'),
  v('k1', 'm4', 'pre', 'defer'),
  v('k1', 'm1', 'post', 'promote'),
  v('k1', 'm2', 'post', 'promote'),
  v('k1', 'm3', 'post', 'promote'),
  v('k1', 'm4', 'post', 'not-yet'),
  v('k2', 'm1', 'pre', 'promote-other', 'ic4'),
  v('k2', 'm2', 'pre', 'promote-other', 'ic2'),
  v('k2', 'm1', 'post', 'promote-other', 'ic2'),
  v('k2', 'm3', 'post', 'promote'),
];

describe('tallyVotes', () => {
  const tallies = tallyVotes(votes, { candidateIds: ['k2', 'k3'], memberIds: ['m4', 'm3', 'm2', 'm1'] });
  const k1 = tallies.find((t) => t.candidateId === 'k1');
  const k2 = tallies.find((t) => t.candidateId === 'k2');

  it('orders candidates as given, then others with votes', () => {
    expect(tallies.map((t) => t.candidateId)).toEqual(['k2', 'k3', 'k1']);
    expect(tallies[1]).toMatchObject({ changed: 0, movement: [], pre: { total: 0, majority: null, leading: [] } });
  });

  it('counts the latest vote per member and phase, and finds the majority', () => {
    expect(k1?.pre.counts).toEqual({ promote: 1, 'not-yet': 2, defer: 1, 'promote-other': 0 });
    expect(k1?.pre).toMatchObject({ total: 4, majority: null, leading: ['not-yet'] });
    expect(k1?.pre.majorityRule.inputs).toEqual({ total: 4, needed: 3, top: 2 });
    expect(k1?.post).toMatchObject({ total: 4, majority: 'promote', leading: ['promote'] });
    expect(k1?.post.majorityRule.rule).toContain('3 of 4');
  });

  it('shows how each member’s vote moved', () => {
    expect(k1?.movement.map((m) => [m.memberId, m.pre, m.post, m.changed])).toEqual([
      ['m4', 'defer', 'not-yet', true],
      ['m3', 'not-yet', 'promote', true],
      ['m2', 'not-yet', 'promote', true],
      ['m1', 'promote', 'promote', false],
    ]);
    expect(k1).toMatchObject({ changed: 3, unchanged: 1, preOnly: 0, postOnly: 0 });
  });

  it('treats a change of level on Promote to another level as a change, and counts one-phase voters', () => {
    expect(k2?.pre).toMatchObject({ majority: 'promote-other', otherLevels: [{ levelId: 'ic2', count: 1 }, { levelId: 'ic4', count: 1 }] });
    expect(k2?.post).toMatchObject({ majority: null, leading: ['promote', 'promote-other'] });
    expect(k2?.movement.find((m) => m.memberId === 'm1')).toMatchObject({ changed: true, preLevelId: 'ic4', postLevelId: 'ic2' });
    expect(k2).toMatchObject({ changed: 1, unchanged: 0, preOnly: 1, postOnly: 1 });
  });

  it('treats Promote cast on revisions submitted for different levels as a change, and Promote on the same level (or unknown) as the same', () => {
    const on = (id: string, levelId?: string) => ({ packet: { id, revision: id === 'p1' ? 1 : 2, ...(levelId ? { levelId } : {}) } });
    const votes: VoteRef[] = [
      // m1: Promote for IC3 on revision 1, Promote for IC4 on revision 2 (the reopen moved the target).
      { ...v('k9', 'm1', 'pre', 'promote'), ...on('p1', 'ic3') },
      { ...v('k9', 'm1', 'post', 'promote'), ...on('p2', 'ic4') },
      // m2: both on revisions for IC4.
      { ...v('k9', 'm2', 'pre', 'promote'), ...on('p1', 'ic4') },
      { ...v('k9', 'm2', 'post', 'promote'), ...on('p2', 'ic4') },
      // m3: a pre-vote recorded before votes kept the level: not called a change.
      { ...v('k9', 'm3', 'pre', 'promote'), ...on('p1') },
      { ...v('k9', 'm3', 'post', 'promote'), ...on('p2', 'ic4') },
    ];
    const [k9] = tallyVotes(votes, { candidateIds: ['k9'] });
    expect(k9!.movement.map((m) => [m.memberId, m.changed])).toEqual([
      ['m1', true],
      ['m2', false],
      ['m3', false],
    ]);
    expect(k9).toMatchObject({ changed: 1, unchanged: 2 });
  });

  it('summarises the movement across the session', () => {
    const summary = voteMovementSummary(tallies);
    expect(summary).toMatchObject({ candidates: 3, pairs: 5, changed: 4, majorityChanged: 2 });
    expect(summary.moves).toEqual([
      { from: 'not-yet', to: 'promote', count: 2 },
      { from: 'defer', to: 'not-yet', count: 1 },
      { from: 'promote-other', to: 'promote-other', count: 1 },
    ]);
    expect(summary.rule).toContain('4 of 5');
  });
});

const level = (id: string, order: number, notYet: string[] = []) => ({
  id,
  trackId: 'ic',
  code: id.toUpperCase(),
  title: id,
  order,
  summary: '',
  scopeDetail: '',
  autonomyDetail: '',
  definingShift: '',
  notYet,
  examples: [],
  optional: false,
});
const crit = (id: string, levelId: string) => ({ id, levelId, competencyId: null, text: `Criterion ${id}`, examples: [] });
/** Two tracks joined at IC3 ~ M1: from IC2, IC3 and M1 are promotions; IC1 and IC2 are not. */
const framework = {
  tracks: [
    { id: 'ic', name: 'IC', kind: 'ic' as const, description: '' },
    { id: 'm', name: 'Manager', kind: 'manager' as const, description: '' },
  ],
  levels: [level('ic1', 0), level('ic2', 1, ['Leads a project end to end', 'Mentors others', 'Mentors others']), level('ic3', 2), { ...level('m1', 0), trackId: 'm' }],
  criteria: [crit('z', 'ic2'), ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => crit(id, 'ic3')), crit('m', 'm1')],
  equivalences: [{ id: 'eq', levelIds: ['ic3', 'm1'] as [string, string], note: '' }],
};

describe('nextStepsFor', () => {
  /**
   *   criterion  coverage                                         step
   *   a          consistently, sustained                          (ready: none)
   *   b          no evidence, unassessed                          Show evidence …
   *   c          evidence only outside the window, partially      Show recent evidence …
   *   d          not-yet with evidence                            Work towards …
   *   e          partially with evidence                          Demonstrate … consistently
   *   f          consistently, one quarter only                   Sustain … across at least 2 quarters
   *   g          no row at all                                    Show evidence …
   * then IC2's "not yet doing" items (duplicate dropped).
   */
  const row = (criterionId: string, rating: 'not-yet' | 'partially' | 'consistently' | null, sustained: boolean, gapReasons: ('no-evidence' | 'no-evidence-in-window' | 'not-yet' | 'unassessed')[]) => ({
    candidateId: 'k1',
    targetLevelId: 'ic3',
    criterionId,
    rating,
    sustained,
    gapReasons,
  });
  const coverage = [
    row('a', 'consistently', true, []),
    row('b', null, false, ['no-evidence', 'unassessed']),
    row('c', 'partially', false, ['no-evidence-in-window']),
    row('d', 'not-yet', true, ['not-yet']),
    row('e', 'partially', true, []),
    row('f', 'consistently', false, []),
    { ...row('a', 'not-yet', false, ['not-yet']), candidateId: 'someone-else' },
  ];
  const candidate = { id: 'k1', currentLevelId: 'ic2', targetLevelId: 'ic3' };

  it('lists a step per criterion still missing, then the current level’s “not yet doing”', () => {
    expect(nextStepsFor(framework, candidate, coverage)).toEqual([
      'Show evidence of “Criterion b” (nothing linked yet).',
      'Show recent evidence of “Criterion c” (nothing inside the evidence window).',
      'Work towards “Criterion d” (assessed not yet).',
      'Demonstrate “Criterion e” consistently (assessed partially).',
      'Sustain “Criterion f” across at least 2 quarters (evidence so far in fewer).',
      'Show evidence of “Criterion g” (nothing linked yet).',
      'Leads a project end to end',
      'Mentors others',
    ]);
    const items = nextStepItems(framework, candidate, coverage);
    expect(items[0]).toMatchObject({ criterionId: 'b', source: 'criterion' });
    expect(items.at(-1)).toMatchObject({ criterionId: null, source: 'level-not-yet' });
  });

  it('skipping a level, offers the “not yet doing” of the level below the target, not of the current level', () => {
    // IC1 → IC3: IC2's items are the gap to IC3; IC1's (none here) would be the gap to IC2.
    const skipping = { ...framework, levels: framework.levels.map((l) => (l.id === 'ic1' ? { ...l, notYet: ['Ships a small feature alone'] } : l)) };
    expect(nextStepsFor(skipping, { id: 'k1', currentLevelId: 'ic1', targetLevelId: 'ic3' }, coverage).slice(-2)).toEqual(['Leads a project end to end', 'Mentors others']);
    expect(nextStepsFor(skipping, { id: 'k1', currentLevelId: 'ic1', targetLevelId: 'ic3' }, coverage)).not.toContain('Ships a small feature alone');
    // A switch to the first level of another track: the current level's items are about the next IC level, not M1.
    expect(nextStepsFor(skipping, { id: 'k1', currentLevelId: 'ic1', targetLevelId: 'm1' }, [])).toEqual(['Show evidence of “Criterion m” (nothing linked yet).']);
  });

  it('without a target level offers only the level’s “not yet doing”', () => {
    expect(nextStepsFor(framework, { id: 'k1', currentLevelId: 'ic2', targetLevelId: null }, coverage)).toEqual(['Leads a project end to end', 'Mentors others']);
  });
});

describe('validateDecision', () => {
  const base = { framework, currentLevelId: 'ic2', targetLevelId: 'ic3', rationale: 'Meets a, b and c consistently over three quarters.', citedCriterionIds: ['a'], nextSteps: ['Lead a project end to end'] };

  it('accepts a complete decision', () => {
    expect(validateDecision({ ...base, outcome: 'promote' })).toEqual({ ok: true, errors: [], warnings: [] });
    expect(validateDecision({ ...base, outcome: 'promote', newLevelId: 'ic3' }).ok).toBe(true);
    expect(validateDecision({ ...base, outcome: 'not-yet', citedCriterionIds: ['d', 'e'] }).ok).toBe(true);
  });

  it('refuses a change of outcome, or of the level granted, that keeps the rationale; asks to check a dissent kept', () => {
    const before = { outcome: 'promote' as const, newLevelId: 'ic3', rationale: base.rationale, dissent: 'Sam would wait a cycle.' };
    const changed = validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'm1', dissent: before.dissent, before });
    expect(changed.errors.map((e) => [e.field, e.message])).toEqual([['rationale', 'This rationale was written for Promote. Say why the decision is now Promote to another level (M1).']]);
    expect(changed.warnings.map((w) => [w.field, w.message])).toEqual([['dissent', 'This dissent was written against Promote: check that it still says who disagrees with Promote to another level (M1), and why, or clear it.']]);
    // Another level granted is another outcome too.
    const otherLevel = validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'm1', before: { ...before, outcome: 'promote-other', newLevelId: 'ic1' } });
    expect(otherLevel.errors.map((e) => e.message)).toEqual(['This rationale was written for Promote to another level (IC1). Say why the decision is now Promote to another level (M1).']);
    // A new rationale is enough; the same outcome and level need none, and a cleared dissent is not asked about.
    expect(validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'm1', rationale: 'Leads the team already.', dissent: '', before })).toMatchObject({ ok: true });
    expect(validateDecision({ ...base, outcome: 'promote', dissent: before.dissent, before })).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('requires a rationale', () => {
    const r = validateDecision({ ...base, outcome: 'defer', rationale: '   ' });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.field)).toEqual(['rationale']);
  });

  it('requires a valid other level for Promote to another level, and accepts its criteria', () => {
    expect(validateDecision({ ...base, outcome: 'promote-other' }).errors.map((e) => e.field)).toEqual(['newLevelId']);
    expect(validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'ic9' }).errors[0]?.message).toContain('not in this cycle’s framework');
    expect(validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'ic3' }).errors[0]?.message).toContain('choose Promote');
    expect(validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'm1', citedCriterionIds: ['a', 'm'] }).ok).toBe(true);
  });

  it('refuses cited criteria of another level, a level on Not yet, and Promote without a target', () => {
    const r = validateDecision({ ...base, outcome: 'promote', citedCriterionIds: ['a', 'z', 'nope'] });
    expect(r.errors.map((e) => e.criterionId)).toEqual(['z', 'nope']);
    expect(validateDecision({ ...base, outcome: 'not-yet', newLevelId: 'ic3' }).errors.map((e) => e.field)).toEqual(['newLevelId']);
    expect(validateDecision({ ...base, outcome: 'promote', targetLevelId: null, citedCriterionIds: [] }).errors.map((e) => e.field)).toEqual(['outcome']);
  });

  it('refuses Promote to another level below or at the current level, saying why', () => {
    const r = validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'ic1', citedCriterionIds: [] });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      { field: 'newLevelId', message: 'The level granted (IC1) is not a promotion from IC2: choose a level above IC2 on its track, or one at or above its equivalent on another track.' },
    ]);
    expect(validateDecision({ ...base, outcome: 'promote-other', newLevelId: 'ic2', citedCriterionIds: [] }).errors[0]?.message).toBe(
      'The level granted is the candidate’s current level (IC2); choose a level above it.',
    );
  });

  it('refuses Promote when the target saved on the candidate is not a promotion', () => {
    const r = validateDecision({ ...base, outcome: 'promote', currentLevelId: 'ic3', targetLevelId: 'ic1', citedCriterionIds: [] });
    expect(r.errors.map((e) => [e.field, e.message])).toEqual([
      ['outcome', 'The target level (IC1) is not a promotion from IC3: choose a level above IC3 on its track, or one at or above its equivalent on another track. Correct the target on the candidate page, or choose another outcome.'],
    ]);
  });

  it('requires at least one non-empty next step for Not yet and Defer, not for a promotion', () => {
    for (const nextSteps of [[], ['  ', '']]) {
      expect(validateDecision({ ...base, outcome: 'not-yet', nextSteps }).errors).toEqual([
        { field: 'nextSteps', message: 'Write at least one next step: what the candidate should work on before the next review (Not yet needs one).' },
      ]);
      expect(validateDecision({ ...base, outcome: 'defer', nextSteps }).errors.map((e) => e.message)).toEqual([
        'Write at least one next step: what the candidate should work on before the next review (Defer needs one).',
      ]);
      expect(validateDecision({ ...base, outcome: 'promote', nextSteps }).ok).toBe(true);
    }
  });

  it('warns when no criterion is cited', () => {
    const r = validateDecision({ ...base, outcome: 'not-yet', citedCriterionIds: [] });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.field)).toEqual(['citedCriterionIds']);
  });

  it('warns of a rationale too short to explain the decision later, without refusing it', () => {
    for (const rationale of ['x', 'ok', 'Meets the bar.', '  Ready   for   IC3.  ']) {
      const r = validateDecision({ ...base, outcome: 'promote', rationale });
      expect(r.ok).toBe(true);
      expect(r.warnings.map((w) => w.message)).toEqual(['A rationale this short will not explain the decision when it is read months later: say which criteria it rests on and why.']);
    }
    // 20 characters once spaces are one: enough to say a criterion and why.
    expect(validateDecision({ ...base, outcome: 'promote', rationale: 'Meets a and b often.' }).warnings).toEqual([]);
  });
});

describe('majorityMove (the sentence under "How votes moved")', () => {
  it('says what happened to the majority in the words of the outcomes, from the fixture above', () => {
    const [k1, k2] = tallyVotes(votes);
    // k1: no majority before (promote 1, not-yet 2, defer 1), Promote 3 of 4 after.
    expect(majorityMove(k1!)).toBe('No outcome had a majority before the discussion; after it, Promote has one (3 of 4 final votes).');
    // k2: Promote to another level 2 of 2 before, a tie after.
    expect(majorityMove(k2!)).toBe('Promote to another level had a majority before the discussion; after it, no outcome has one.');
    expect(k1!.post.majorityRule.rule).toBe('A majority is more than half of the votes cast: 3 of 4. Promote has 3.');
  });

  it('does not call a split pre-vote followed by one final vote "the majority changed" without saying so', () => {
    // The walkthrough's case: pre-votes Promote, Not yet, Defer; one final vote, Promote.
    const [t] = tallyVotes([v('k', 'a', 'pre', 'promote'), v('k', 'b', 'pre', 'not-yet'), v('k', 'c', 'pre', 'defer'), v('k', 'a', 'post', 'promote')]);
    expect(majorityMove(t!)).toBe('No outcome had a majority before the discussion; after it, Promote has one (1 of 1 final votes).');
  });

  it('names a moved or kept majority, and says nothing without two phases or without any majority', () => {
    const moved = tallyVotes([v('k', 'a', 'pre', 'defer'), v('k', 'b', 'pre', 'defer'), v('k', 'a', 'post', 'not-yet'), v('k', 'b', 'post', 'not-yet')])[0]!;
    expect(majorityMove(moved)).toBe('The majority moved from Defer to Not yet.');
    const kept = tallyVotes([v('k', 'a', 'pre', 'promote'), v('k', 'a', 'post', 'promote')])[0]!;
    expect(majorityMove(kept)).toBe('Promote kept its majority.');
    expect(majorityMove(tallyVotes([v('k', 'a', 'pre', 'promote')])[0]!)).toBeNull();
    const split = tallyVotes([v('k', 'a', 'pre', 'promote'), v('k', 'b', 'pre', 'defer'), v('k', 'a', 'post', 'promote'), v('k', 'b', 'post', 'defer')])[0]!;
    expect(majorityMove(split)).toBeNull();
  });
});

describe('decisionAgainstVotes (the note beside a decision that does not follow the final votes)', () => {
  const LADDER = { levels: [{ id: 'm1', code: 'M1' }, { id: 'm2', code: 'M2' }, { id: 'm3', code: 'M3' }] } as unknown as Pick<Framework, 'levels'>;
  const tally = (counts: Partial<Record<'promote' | 'not-yet' | 'defer' | 'promote-other', number>>, majority: 'promote' | 'not-yet' | 'defer' | 'promote-other' | null) => {
    const full = { promote: 0, 'not-yet': 0, defer: 0, 'promote-other': 0, ...counts };
    return { counts: full, total: Object.values(full).reduce((a, b) => a + b, 0), majority };
  };
  it('says nothing when the outcome is the majority, when the votes are split, or before an outcome is chosen', () => {
    expect(decisionAgainstVotes({ outcome: 'defer' }, tally({ defer: 4 }, 'defer'), LADDER)).toBeNull();
    expect(decisionAgainstVotes({ outcome: 'promote' }, tally({ promote: 2, defer: 2 }, null), LADDER)).toBeNull();
    expect(decisionAgainstVotes({ outcome: null }, tally({ defer: 4 }, 'defer'), LADDER)).toBeNull();
    expect(decisionAgainstVotes({ outcome: 'promote' }, null, LADDER)).toBeNull();
  });
  it('names the majority with its count, and the outcome chosen against it', () => {
    expect(decisionAgainstVotes({ outcome: 'promote' }, tally({ defer: 3, promote: 1 }, 'defer'), LADDER)).toBe(
      'The final votes’ majority is Defer (3 of 4); this decision is Promote. Say in the rationale why the committee decided against its votes.',
    );
  });
  it('names the level most final votes chose when the decision grants another (Promote to another level)', () => {
    // Three of four final votes for Promote to another level: two named M1, one M2.
    const split = tallyVotes([v('k', 'a', 'post', 'promote-other', 'm1'), v('k', 'b', 'post', 'promote-other', 'm1'), v('k', 'c', 'post', 'promote-other', 'm2'), v('k', 'd', 'post', 'defer')])[0]!.post;
    expect(decisionAgainstVotes({ outcome: 'promote-other', newLevelId: 'm2' }, split, LADDER)).toBe(
      '2 of 4 final votes named M1 and 1 named M2; this decision grants M2. Say in the rationale why the committee chose another level than most of its votes.',
    );
    expect(departureLine({ outcome: 'promote-other', newLevelId: 'm2' }, split, LADDER)).toBe('Decided at another level than the final votes: 2 of 4 named M1.');
    expect(departureTag(departureFromVotes({ outcome: 'promote-other', newLevelId: 'm2' }, split)!, LADDER)).toBe('Against the final votes: M1 2 of 4');
    // The level the votes named, or none chosen yet: nothing to say.
    expect(decisionAgainstVotes({ outcome: 'promote-other', newLevelId: 'm1' }, split, LADDER)).toBeNull();
    expect(decisionAgainstVotes({ outcome: 'promote-other', newLevelId: 'm3' }, split, LADDER)).toMatch(/^2 of 4 final votes named M1 and none named M3; this decision grants M3\./);
    expect(decisionAgainstVotes({ outcome: 'promote-other', newLevelId: null }, split, LADDER)).toBeNull();
    // The levels tied: no level leads, so any of them follows the votes.
    const tied = tallyVotes([v('k', 'a', 'post', 'promote-other', 'm1'), v('k', 'b', 'post', 'promote-other', 'm2'), v('k', 'c', 'post', 'promote-other', 'm3')])[0]!.post;
    expect(departureFromVotes({ outcome: 'promote-other', newLevelId: 'm3' }, tied)).toBeNull();
  });
  it('says when no final vote was cast', () => {
    expect(decisionAgainstVotes({ outcome: 'promote' }, tally({}, null), LADDER)).toBe('No final votes are recorded for this candidate. Record them first, or say in the rationale why the committee decided without them.');
  });
});

describe('preVoteCorrectionProblem: the one rule the correction dialog and the command share', () => {
  const cast = { outcome: 'defer' as const, levelId: null };
  it('names the field of each problem', () => {
    expect(preVoteCorrectionProblem({ outcome: null, reason: 'x' }, cast)?.field).toBe('outcome');
    expect(preVoteCorrectionProblem({ outcome: 'promote-other', levelId: '', reason: 'x' }, cast)?.field).toBe('level');
    expect(preVoteCorrectionProblem({ outcome: 'defer', reason: 'Recorded in the wrong row' }, cast)).toEqual({ field: 'outcome', text: 'The correction is the same as the pre-vote: choose the outcome it should have been.' });
    expect(preVoteCorrectionProblem({ outcome: 'promote', reason: '   ' }, cast)?.field).toBe('reason');
  });
  it('accepts another outcome with a reason, and another level of Promote to another level', () => {
    expect(preVoteCorrectionProblem({ outcome: 'promote', reason: 'Recorded in the wrong row' }, cast)).toBeNull();
    expect(preVoteCorrectionProblem({ outcome: 'promote-other', levelId: 'l5', reason: 'Wrong level' }, { outcome: 'promote-other', levelId: 'l4' })).toBeNull();
  });
});

describe('leadingOtherLevel', () => {
  const tally = (majority: PhaseTally['majority'], otherLevels: PhaseTally['otherLevels']) => ({ majority, otherLevels });
  it('is the level most votes for Promote to another level named, when the final votes’ majority is that outcome and one level leads', () => {
    expect(leadingOtherLevel(tally('promote-other', [{ levelId: 'm1', count: 3 }, { levelId: 'ic4', count: 1 }]))).toBe('m1');
    expect(leadingOtherLevel(tally('promote-other', [{ levelId: 'm1', count: 4 }]))).toBe('m1');
    // A tie names no level; another majority, or none, neither.
    expect(leadingOtherLevel(tally('promote-other', [{ levelId: 'm1', count: 2 }, { levelId: 'ic4', count: 2 }]))).toBeNull();
    expect(leadingOtherLevel(tally('promote', [{ levelId: 'm1', count: 1 }]))).toBeNull();
    expect(leadingOtherLevel(tally(null, []))).toBeNull();
    expect(leadingOtherLevel(null)).toBeNull();
  });
});
