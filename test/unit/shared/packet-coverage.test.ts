/**
 * Coverage, "sustained" and readiness on a hand-checked example, plus a
 * property over random evidence.
 *
 * The example: target level IC3 with four criteria (c1..c4), the evidence
 * window 2025-10-01..2026-09-30, i.e. the quarters 2025-Q4, 2026-Q1,
 * 2026-Q2 and 2026-Q3.
 *
 *   criterion  evidence (date → quarter)                      in window  quarters            sustained  rating        gap
 *   c1         e1 2025-11-03 → 2025-Q4, e2 2026-02-10 → Q1     2          2025-Q4, 2026-Q1    yes        consistently  no
 *   c2         e5 2025-09-30 (day before the window: out),     2          2026-Q1             no         consistently  no
 *              e3 2026-01-05 → Q1, e4 2026-03-20 → Q1
 *   c3         e7 2026-04-01 → Q2, e6 2026-09-30 → Q3 (last    2          2026-Q2, 2026-Q3    yes        partially     no
 *              day: in), e8 2026-10-01 (day after: out)
 *   c4         none                                           0          -                   no         not-yet       no-evidence + not-yet
 *
 * Readiness: only c1 is both "consistently" and sustained → 1 of 4 = 0.25.
 * c2 is rated consistently but all its in-window evidence is in one quarter;
 * c3 is sustained but only "partially".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../shared/domain/candidate';
import type { Evidence } from '../../../shared/domain/evidence';
import type { Framework } from '../../../shared/domain/framework';
import type { AssessmentRating, Packet } from '../../../shared/domain/packet';
import {
  SUSTAINED_MIN_QUARTERS,
  coverageRows,
  criterionCoverage,
  sustainedStatus,
  gapSummary,
  isInWindow,
  readiness,
  readinessRule,
} from '../../../shared/packets/coverage';
import { addDays } from '../../../shared/util/dates';

const AT = '2026-10-05T09:00:00.000Z';
const WINDOW = { from: '2025-10-01', to: '2026-09-30' };

function framework(): Framework {
  return {
    id: 'fw-1',
    lineageId: 'fw',
    version: 1,
    name: 'Tiny ladder',
    description: '',
    source: 'test',
    builtIn: false,
    frozen: true,
    tracks: [{ id: 'ic', name: 'IC', kind: 'ic', description: '' }],
    levels: [
      { id: 'ic2', trackId: 'ic', code: 'IC2', title: 'Engineer', order: 1, summary: '', scopeDetail: '', autonomyDetail: '', definingShift: '', notYet: [], examples: [], optional: false },
      { id: 'ic3', trackId: 'ic', code: 'IC3', title: 'Senior engineer', order: 2, summary: '', scopeDetail: '', autonomyDetail: '', definingShift: '', notYet: [], examples: [], optional: false },
    ],
    competencies: [],
    criteria: [
      { id: 'c0', levelId: 'ic2', competencyId: null, text: 'Ships well-scoped features with guidance', examples: [] },
      { id: 'c1', levelId: 'ic3', competencyId: null, text: 'Leads the technical design of a component change', examples: [] },
      { id: 'c2', levelId: 'ic3', competencyId: null, text: 'Owns the health of a component in production', examples: [] },
      { id: 'c3', levelId: 'ic3', competencyId: null, text: 'Mentors an engineer to work independently', examples: [] },
      { id: 'c4', levelId: 'ic3', competencyId: null, text: 'Decomposes an ambiguous problem into a plan others execute', examples: [] },
    ],
    equivalences: [],
    roles: [],
    createdAt: AT,
    updatedAt: AT,
  };
}

function ev(id: string, date: string, criterionIds: string[]): Evidence {
  return {
    id,
    candidateId: 'cand-1',
    cycleId: 'cycle-1',
    title: `Evidence ${id}`,
    description: '',
    date,
    kind: 'project',
    links: [],
    source: 'manager',
    criterionIds,
    createdAt: AT,
    updatedAt: AT,
  };
}

function assessments(ratings: Record<string, AssessmentRating>): Packet['assessments'] {
  return Object.fromEntries(Object.entries(ratings).map(([id, rating]) => [id, { rating, note: '' }]));
}

// Deliberately out of date order, with a duplicate link and links to another level's criterion.
const EVIDENCE: Evidence[] = [
  ev('e6', '2026-09-30', ['c3']),
  ev('e2', '2026-02-10', ['c1', 'c1']),
  ev('e1', '2025-11-03', ['c1']),
  ev('e4', '2026-03-20', ['c2']),
  ev('e3', '2026-01-05', ['c2', 'c0']),
  ev('e5', '2025-09-30', ['c2']),
  ev('e8', '2026-10-01', ['c3']),
  ev('e7', '2026-04-01', ['c3']),
  ev('e9', '2026-05-01', ['c0', 'unknown-criterion']),
];

const SUBJECT = {
  targetLevelId: 'ic3',
  assessments: assessments({ c1: 'consistently', c2: 'consistently', c3: 'partially', c4: 'not-yet' }),
};

describe('criterionCoverage', () => {
  const coverage = criterionCoverage(framework(), SUBJECT, EVIDENCE, WINDOW);
  const byId = new Map(coverage.map((c) => [c.criterion.id, c]));
  const get = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`no coverage for ${id}`);
    return found;
  };

  it('covers exactly the target level’s criteria, in framework order', () => {
    expect(coverage.map((c) => c.criterion.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('links evidence sorted by date and counts a duplicate link once', () => {
    expect(get('c1').evidence.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(get('c2').evidence.map((e) => e.id)).toEqual(['e5', 'e3', 'e4']);
    expect(get('c3').evidence.map((e) => e.id)).toEqual(['e7', 'e6', 'e8']);
    expect(get('c4').evidence).toEqual([]);
  });

  it('says each criterion’s sustained status in the one wording the candidate page and the packet share', () => {
    expect(['c1', 'c2', 'c3', 'c4'].map((id) => sustainedStatus(get(id)).text)).toEqual(['Sustained · 2 quarters', '1 quarter — needs 2', 'Sustained · 2 quarters', 'No evidence']);
    // Evidence linked, but all of it outside the window (as e5 alone would be): not "Not yet", which read as some evidence counting.
    expect(sustainedStatus({ ...get('c2'), quarters: [], sustained: false })).toEqual({ kind: 'none-in-window', symbol: '✕', text: 'No evidence in the window' });
  });

  it('counts only evidence inside the window, both ends included', () => {
    expect(get('c1').evidenceInWindow).toBe(2);
    expect(get('c2').evidenceInWindow).toBe(2); // e5 on 2025-09-30 is one day early
    expect(get('c3').evidenceInWindow).toBe(2); // e6 on the last day counts, e8 a day late does not
    expect(get('c4').evidenceInWindow).toBe(0);
  });

  it('is sustained with two distinct quarters in the window and not with one', () => {
    expect(SUSTAINED_MIN_QUARTERS).toBe(2);
    expect(get('c1').quarters).toEqual(['2025-Q4', '2026-Q1']);
    expect(get('c1').sustained).toBe(true);
    // Two items, but both in 2026 Q1; the 2025 Q3 item is outside the window and does not make a second quarter.
    expect(get('c2').quarters).toEqual(['2026-Q1']);
    expect(get('c2').sustained).toBe(false);
    // The 2026 Q4 item after the window does not make a third quarter.
    expect(get('c3').quarters).toEqual(['2026-Q2', '2026-Q3']);
    expect(get('c3').sustained).toBe(true);
    expect(get('c4').sustained).toBe(false);
  });

  // Updated for issue 10: c2 (one quarter of evidence) and c3 ("partially") used to be "no gap", so the builder
  // said "no gaps" for criteria that do not count towards readiness.
  it('reports ratings and gaps with their reasons', () => {
    expect(coverage.map((c) => [c.criterion.id, c.rating, c.gap, c.gapReason, c.gapReasons])).toEqual([
      ['c1', 'consistently', false, null, []],
      ['c2', 'consistently', true, 'not-sustained', ['not-sustained']],
      ['c3', 'partially', true, 'partially', ['partially']],
      ['c4', 'not-yet', true, 'no-evidence', ['no-evidence', 'not-yet']],
    ]);
  });

  it('names a "partially" criterion with one quarter of evidence as a gap, for both reasons', () => {
    const cov = criterionCoverage(framework(), { targetLevelId: 'ic3', assessments: assessments({ c1: 'partially' }) }, [ev('q', '2026-02-01', ['c1'])], WINDOW);
    expect(cov[0]).toMatchObject({ gap: true, gapReasons: ['not-sustained', 'partially'] });
  });

  it('calls a criterion a gap exactly when it does not count towards readiness', () => {
    for (const c of coverage) expect(c.gap).toBe(!readiness([c]).readyCriterionIds.includes(c.criterion.id));
  });

  it('says the gaps by criterion number for the builder’s heading', () => {
    expect(gapSummary(coverage)).toBe('4 criteria, 3 with gaps (criteria 2, 3 and 4)');
    expect(gapSummary([{ gap: false }, { gap: true }])).toBe('2 criteria, 1 with a gap (criterion 2)');
    expect(gapSummary([{ gap: false }, { gap: false }])).toBe('2 criteria, no gaps');
  });

  it('marks unassessed criteria and criteria whose evidence is all outside the window', () => {
    const only = criterionCoverage(
      framework(),
      { targetLevelId: 'ic3', assessments: assessments({ c1: 'consistently' }) },
      [ev('x1', '2025-06-01', ['c2']), ev('x2', '2026-12-01', ['c2'])],
      WINDOW,
    );
    const c2 = only.find((c) => c.criterion.id === 'c2');
    expect(c2?.rating).toBeNull();
    expect(c2?.gapReasons).toEqual(['no-evidence-in-window', 'unassessed']);
    const c1 = only.find((c) => c.criterion.id === 'c1');
    expect(c1?.gapReasons).toEqual(['no-evidence']);
  });

  it('is empty without a target level or for a level the framework does not know', () => {
    expect(criterionCoverage(framework(), { targetLevelId: null }, EVIDENCE, WINDOW)).toEqual([]);
    expect(criterionCoverage(framework(), { targetLevelId: 'ic9' }, EVIDENCE, WINDOW)).toEqual([]);
  });

  it('treats malformed dates as outside the window', () => {
    expect(isInWindow('2026-00-10', WINDOW)).toBe(false);
    expect(isInWindow('2026-1-10', WINDOW)).toBe(false);
    // Not a calendar day, though shaped like one: the same date validity as the evidence form (isRealDate).
    expect(isInWindow('2026-02-30', WINDOW)).toBe(false);
    expect(isInWindow('2025-10-01', WINDOW)).toBe(true);
    expect(isInWindow('2026-09-30', WINDOW)).toBe(true);
    const cov = criterionCoverage(framework(), SUBJECT, [ev('bad', '2026-13-01', ['c1'])], WINDOW);
    expect(cov[0]?.evidenceInWindow).toBe(0);
  });

  it('never lets an impossible date make a criterion sustained', () => {
    // One real quarter (2025-Q4) plus "30 February" would be a second quarter if the date counted.
    const cov = criterionCoverage(framework(), SUBJECT, [ev('real', '2025-11-10', ['c1']), ev('impossible', '2026-02-30', ['c1'])], WINDOW);
    const c1 = cov.find((c) => c.criterion.id === 'c1');
    expect(c1?.quarters).toEqual(['2025-Q4']);
    expect(c1?.sustained).toBe(false);
    expect(c1?.evidenceInWindow).toBe(1);
  });

  it('does not mutate its input', () => {
    const input = [...EVIDENCE];
    criterionCoverage(framework(), SUBJECT, input, WINDOW);
    expect(input.map((e) => e.id)).toEqual(EVIDENCE.map((e) => e.id));
  });

  it('handles a big cycle’s worth of evidence in one call', () => {
    // 20,000 items spread over 8 quarters and the four criteria; counted by hand from the construction.
    const many: Evidence[] = [];
    for (let i = 0; i < 20_000; i++) many.push(ev(`m${i}`, addDays('2025-07-01', i % 730), [`c${(i % 4) + 1}`]));
    const inWindow = many.filter((e) => e.date >= WINDOW.from && e.date <= WINDOW.to).length;
    const cov = criterionCoverage(framework(), SUBJECT, many, WINDOW);
    expect(cov.reduce((n, c) => n + c.evidence.length, 0)).toBe(20_000);
    expect(cov.reduce((n, c) => n + c.evidenceInWindow, 0)).toBe(inWindow);
    expect(cov.every((c) => c.quarters.join() === '2025-Q4,2026-Q1,2026-Q2,2026-Q3')).toBe(true);
  });
});

describe('readiness', () => {
  it('counts criteria assessed consistently and sustained, and states the rule with N of M', () => {
    const r = readiness(criterionCoverage(framework(), SUBJECT, EVIDENCE, WINDOW));
    expect(r.ready).toBe(1);
    expect(r.total).toBe(4);
    expect(r.share).toBe(0.25);
    expect(r.readyCriterionIds).toEqual(['c1']);
    expect(r.rule).toBe(
      'Readiness = criteria assessed “consistently” with evidence in at least 2 distinct quarters of the evidence window ÷ all criteria of the target level (1 of 4)',
    );
  });

  it('rises when one more quarter of evidence makes c2 sustained (2 of 4)', () => {
    const more = [...EVIDENCE, ev('e10', '2026-05-15', ['c2'])];
    const r = readiness(criterionCoverage(framework(), SUBJECT, more, WINDOW));
    expect([r.ready, r.total, r.share]).toEqual([2, 4, 0.5]);
    expect(r.rule).toContain('(2 of 4)');
  });

  it('does not count a sustained criterion rated only partially (c3)', () => {
    const upgraded = { ...SUBJECT, assessments: assessments({ c1: 'consistently', c2: 'partially', c3: 'consistently', c4: 'not-yet' }) };
    const r = readiness(criterionCoverage(framework(), upgraded, EVIDENCE, WINDOW));
    expect(r.readyCriterionIds).toEqual(['c1', 'c3']);
  });

  it('is 0 of 0 with share 0 when there are no criteria', () => {
    const r = readiness([]);
    expect([r.ready, r.total, r.share]).toEqual([0, 0, 0]);
    expect(r.rule).toContain('(0 of 0)');
    expect(readinessRule(3, 7)).toMatch(/\(3 of 7\)$/);
  });
});

describe('coverageRows', () => {
  it('flattens coverage into rows keyed by cycle, level, manager and criterion', () => {
    const packet = { id: 'p1', candidateId: 'cand-1', cycleId: 'cycle-1', targetLevelId: 'ic3' };
    const candidate: Pick<Candidate, 'manager'> = { manager: 'Dana' };
    const rows = coverageRows(packet, candidate, criterionCoverage(framework(), SUBJECT, EVIDENCE, WINDOW), WINDOW);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual({
      id: 'p1:c2',
      packetId: 'p1',
      candidateId: 'cand-1',
      cycleId: 'cycle-1',
      targetLevelId: 'ic3',
      manager: 'Dana',
      criterionId: 'c2',
      rating: 'consistently',
      evidenceCount: 3,
      evidenceInWindow: 2,
      quarters: ['2026-Q1'],
      sustained: false,
      gap: true,
      gapReasons: ['not-sustained'],
      lastEvidenceDate: '2026-03-20',
    });
    // c3's latest item (2026-10-01) is after the window, so its last date in the window is 2026-09-30.
    expect(rows[2]?.lastEvidenceDate).toBe('2026-09-30');
    expect(rows[3]?.lastEvidenceDate).toBeNull();
    expect(coverageRows({ ...packet, targetLevelId: null }, candidate, [], WINDOW)).toEqual([]);
  });
});

describe('readiness properties', () => {
  const criterionIdArb = fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'elsewhere');
  // Days from 2025-01-01 to about 2027-06: inside and outside the window on both sides.
  const evidenceArb = fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 900 }), links: fc.array(criterionIdArb, { maxLength: 3 }) }),
    { maxLength: 40 },
  );
  const ratingArb = fc.constantFrom<AssessmentRating | undefined>('not-yet', 'partially', 'consistently', undefined);
  const ratingsArb = fc.tuple(ratingArb, ratingArb, ratingArb, ratingArb);

  function build(items: Array<{ day: number; links: string[] }>, prefix: string): Evidence[] {
    return items.map((it, i) => ev(`${prefix}${i}`, addDays('2025-01-01', it.day), it.links));
  }
  function subject(ratings: ReadonlyArray<AssessmentRating | undefined>) {
    const a: Packet['assessments'] = {};
    ratings.forEach((r, i) => {
      if (r) a[`c${i + 1}`] = { rating: r, note: '' };
    });
    return { targetLevelId: 'ic3', assessments: a };
  }

  it('keeps ready within total and share within [0, 1]', () => {
    fc.assert(
      fc.property(evidenceArb, ratingsArb, (items, ratings) => {
        const r = readiness(criterionCoverage(framework(), subject(ratings), build(items, 'a'), WINDOW));
        expect(r.ready).toBeGreaterThanOrEqual(0);
        expect(r.ready).toBeLessThanOrEqual(r.total);
        expect(r.share).toBeGreaterThanOrEqual(0);
        expect(r.share).toBeLessThanOrEqual(1);
        expect(r.total).toBe(4);
      }),
    );
  });

  it('counts a criterion as a gap exactly when it is not ready', () => {
    fc.assert(
      fc.property(evidenceArb, ratingsArb, (items, ratings) => {
        const coverage = criterionCoverage(framework(), subject(ratings), build(items, 'a'), WINDOW);
        const ready = new Set(readiness(coverage).readyCriterionIds);
        for (const c of coverage) expect(c.gap).toBe(!ready.has(c.criterion.id));
      }),
    );
  });

  it('never loses a sustained criterion (or readiness) when evidence is added', () => {
    fc.assert(
      fc.property(evidenceArb, evidenceArb, ratingsArb, (base, extra, ratings) => {
        const s = subject(ratings);
        const before = criterionCoverage(framework(), s, build(base, 'a'), WINDOW);
        const after = criterionCoverage(framework(), s, [...build(base, 'a'), ...build(extra, 'b')], WINDOW);
        const sustainedBefore = before.filter((c) => c.sustained).map((c) => c.criterion.id);
        const sustainedAfter = new Set(after.filter((c) => c.sustained).map((c) => c.criterion.id));
        expect(sustainedAfter.size).toBeGreaterThanOrEqual(sustainedBefore.length);
        for (const id of sustainedBefore) expect(sustainedAfter.has(id)).toBe(true);
        expect(readiness(after).ready).toBeGreaterThanOrEqual(readiness(before).ready);
      }),
    );
  });
});
