/**
 * The nomination view's figures against an independent reference: scipy and
 * statsmodels (test/fixtures/stats/make_nomination_fixtures.py) on hand-made
 * data sets. Counts exactly; shares, intervals, ratios and p-values to 1e-9.
 * And the small-cell rule at its boundaries (cells of exactly 3 and of 2, a
 * group of exactly 5): which groups are hidden for their own reason. Whether
 * a shown group is hidden to protect another is not checked here.
 */
import { describe, expect, it } from 'vitest';
import { nominationReport, type NominationInput } from '../../../shared/calibration/nomination';
import fixtures from '../../fixtures/stats/nomination-fixtures.json';

interface FixtureGroup {
  group: string;
  putForward: number;
  n: number;
  ownReason?: 'small-group' | 'small-cell' | null;
  rate?: number;
  rateLow?: number;
  rateHigh?: number;
  p?: number;
  pAdjusted?: number;
  impactRatio?: number;
  reference?: boolean;
  ratioLow?: number;
  ratioHigh?: number;
}
interface FixtureSet {
  name: string;
  kind: 'figures' | 'cells';
  candidates: { id: string; groups: Record<string, string>; putForward: boolean }[];
  attributes: { attribute: string; reference?: string; groups: FixtureGroup[]; omnibus?: { statistic: number; df: number; p: number } }[];
}

const sets = fixtures as FixtureSet[];
const close = (actual: number | null | undefined, expected: number | undefined) => {
  expect(expected).toBeTypeOf('number');
  expect(actual).toBeTypeOf('number');
  expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(1e-9);
};

/** The set as the app stores it: put forward = a submitted packet; half the others have a draft, half no packet. */
function report(set: FixtureSet) {
  const candidates = set.candidates.map((c) => ({ id: c.id, manager: 'M', groups: c.groups }));
  const packets: NominationInput['packets'] = set.candidates.flatMap((c, i): NominationInput['packets'] =>
    c.putForward ? [{ id: `p-${c.id}`, candidateId: c.id, revision: 1, status: 'submitted' }] : i % 2 ? [{ id: `p-${c.id}`, candidateId: c.id, revision: 1, status: 'draft' }] : [],
  );
  return nominationReport({ candidates, packets });
}

describe('nomination figures against scipy and statsmodels', () => {
  it('has the data sets', () => {
    expect(sets.filter((s) => s.kind === 'figures').length).toBeGreaterThanOrEqual(3);
    expect(sets.filter((s) => s.kind === 'cells').length).toBeGreaterThanOrEqual(3);
  });

  for (const set of sets.filter((s) => s.kind === 'figures')) {
    it(`${set.name}: counts, shares with Wilson intervals, ratios with Katz intervals, Fisher + Holm and the chi-square test`, () => {
      const r = report(set);
      expect(r.attributes.map((a) => a.attribute).sort()).toEqual(set.attributes.map((a) => a.attribute).sort());
      for (const want of set.attributes) {
        const got = r.attributes.find((a) => a.attribute === want.attribute)!.nomination;
        expect(got.reference).toBe(want.reference);
        expect(got.groups.map((g) => g.group)).toEqual(want.groups.map((g) => g.group));
        want.groups.forEach((w, i) => {
          const g = got.groups[i]!;
          expect(g.suppressed).toBe(false);
          expect([g.counts?.promoted, g.counts?.n, g.counts?.members]).toEqual([w.putForward, w.n, w.n]);
          close(g.rate, w.rate);
          close(g.rateInterval?.low, w.rateLow);
          close(g.rateInterval?.high, w.rateHigh);
          close(g.p, w.p);
          close(g.pAdjusted, w.pAdjusted);
          close(g.impactRatio, w.impactRatio);
          expect(g.reference).toBe(w.reference);
          if (!w.reference) {
            close(g.ratioInterval?.low, w.ratioLow);
            close(g.ratioInterval?.high, w.ratioHigh);
          }
        });
        expect(got.omnibus?.df).toBe(want.omnibus!.df);
        close(got.omnibus?.statistic, want.omnibus!.statistic);
        close(got.omnibus?.p, want.omnibus!.p);
      }
    });
  }
});

describe('the small-cell rule at its boundaries', () => {
  for (const set of sets.filter((s) => s.kind === 'cells')) {
    it(`${set.name}: fewer than 5 and cells under 3 are hidden for that reason; 5 members and cells of exactly 3 are not`, () => {
      const r = report(set);
      for (const want of set.attributes) {
        const got = r.attributes.find((a) => a.attribute === want.attribute)!.nomination;
        expect(got.groups.map((g) => g.group)).toEqual(want.groups.map((g) => g.group));
        want.groups.forEach((w, i) => {
          const g = got.groups[i]!;
          if (w.ownReason) {
            expect([g.group, g.suppressed, g.suppressedReason]).toEqual([w.group, true, w.ownReason]);
            expect(g.counts).toBeNull();
          } else {
            // Not hidden for its own size or cells (it may still be hidden to protect another group).
            expect(['small-group', 'small-cell']).not.toContain(g.suppressedReason);
          }
        });
      }
    });
  }
});
