/**
 * What an import may touch (issue 12, point 3): a bundle changes only rows of
 * its own cycle and candidates, never rewrites a submitted or superseded
 * revision, and does not trust times in the future. Each case was a defect
 * found by fuzzing: an id of another cycle overwritten, a submission
 * rewritten in place, and a bundle dated 2030 that beat every later fix.
 */
import { describe, expect, it } from 'vitest';
import type { Candidate, Packet } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { BundleContent } from '../../../shared/exchange/bundle-format';
import { CLOCK_SKEW_TOLERANCE_MS } from '../../../shared/exchange/import-scope';
import { currentPacket } from '../../../shared/rules/current-packet';
import { applyPlanRows, existingFromRows, keptEditsId, planHasChanges, planMerge, type MergeRows } from '../../../shared/exchange/merge-plan';

const NOW = '2026-11-01T08:00:00.000Z';
const LATER = '2026-11-02T08:00:00.000Z';
const FUTURE = '2030-01-01T00:00:00.000Z';

const ours = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const other = generateSampleCycle(ic0M3Levels, { candidates: 2, seed: 7 });
const content: BundleContent = { cycle: ours.cycle, frameworks: [ours.framework], candidates: ours.candidates, evidence: ours.evidence, packets: ours.packets };
const cand0 = ours.candidates[0]!;
const packet0 = ours.packets.find((p) => p.candidateId === cand0.id)!;

/** This database: both cycles, as imported before. */
function database(patch: Partial<MergeRows> = {}): Partial<MergeRows> {
  return {
    frameworks: [ours.framework],
    cycles: [ours.cycle, other.cycle],
    candidates: [...ours.candidates, ...other.candidates],
    evidence: [...ours.evidence, ...other.evidence],
    packets: [...ours.packets, ...other.packets],
    ...patch,
  };
}

/** The stored rows after writing the plan over `rows`, as the import's bulkPut does. */
function applied(rows: Partial<MergeRows>, plan: ReturnType<typeof planMerge>): MergeRows {
  const out = applyPlanRows(plan);
  const merge = <T extends { id: string }>(before: readonly T[] = [], written: readonly T[]) => [...new Map([...before, ...written].map((r) => [r.id, r])).values()];
  return {
    frameworks: merge(rows.frameworks, out.frameworks),
    cycles: merge(rows.cycles, out.cycles),
    candidates: merge(rows.candidates, out.candidates),
    evidence: merge(rows.evidence, out.evidence),
    packets: merge(rows.packets, out.packets),
  };
}

describe('an import stays inside its own cycle and candidates', () => {
  it('refuses a whole bundle whose candidate reuses the id of a candidate of another cycle, and writes nothing', () => {
    const victim = other.candidates[0]!;
    // The bundle's own checks pass: the row says it belongs to the bundle's cycle.
    const hijack: Candidate = { ...cand0, id: victim.id, name: 'Overwritten', updatedAt: LATER };
    const bundle = { ...content, candidates: [hijack, ...content.candidates.slice(1)], evidence: content.evidence.filter((e) => e.candidateId !== cand0.id), packets: content.packets.filter((p) => p.candidateId !== cand0.id) };
    const plan = planMerge(bundle, existingFromRows(database()), { now: NOW });
    expect(plan.refusals).toEqual([`Candidate "${victim.id}" already exists here in another cycle ("${other.cycle.id}").`]);
    expect(plan.summary[0]).toMatch(/^This bundle cannot be imported: some of its rows reuse ids that belong to another cycle or candidate here/);
    expect(plan.summary[1]).toBe(plan.refusals[0]);
    expect(planHasChanges(plan)).toBe(false);
    expect(() => applyPlanRows(plan)).toThrow(`This bundle cannot be imported. Candidate "${victim.id}" already exists here in another cycle ("${other.cycle.id}")`);
  });

  it('refuses evidence and packets filed here under another candidate or cycle, naming each', () => {
    const theirEvidence = other.evidence[0]!;
    const mineElsewhere = ours.evidence.find((e) => e.candidateId !== cand0.id)!;
    const bundle: BundleContent = {
      ...content,
      evidence: [{ ...content.evidence[0]!, id: theirEvidence.id }, { ...content.evidence[1]!, id: mineElsewhere.id, candidateId: cand0.id }],
      packets: [{ ...packet0, id: other.packets[0]!.id }],
    };
    const plan = planMerge(bundle, existingFromRows(database()), { now: NOW });
    expect(plan.refusals).toEqual([
      `Evidence item "${theirEvidence.id}" already exists here in another cycle ("${other.cycle.id}").`,
      `Evidence item "${mineElsewhere.id}" already exists here for another candidate ("${mineElsewhere.candidateId}").`,
      `Packet "${other.packets[0]!.id}" already exists here in another cycle ("${other.cycle.id}").`,
    ]);
    expect(plan.add).toEqual({ frameworks: [], cycles: [], candidates: [], evidence: [], packets: [] });
  });

  it('names five clashing rows and counts the rest', () => {
    const bundle = { ...content, evidence: other.evidence.slice(0, 8).map((e, i) => ({ ...content.evidence[i]!, id: e.id })) };
    const plan = planMerge(bundle, existingFromRows(database()), { now: NOW });
    expect(plan.refusals).toHaveLength(6);
    expect(plan.refusals[5]).toBe('3 more rows clash the same way.');
  });
});

describe('a submitted or superseded revision is never rewritten by an import', () => {
  const submitted: Packet = { ...packet0, status: 'submitted', submittedAt: NOW, updatedAt: NOW };
  const rows = database({ packets: [submitted, ...ours.packets.slice(1)] });

  it('keeps a different copy of a submitted revision beside it instead of writing over it', () => {
    const rewritten: Packet = { ...submitted, status: 'superseded', submittedAt: null, summary: 'Rewritten elsewhere', updatedAt: LATER };
    const plan = planMerge({ ...content, packets: [rewritten, ...content.packets.slice(1)] }, existingFromRows(rows), { now: LATER });
    const after = applied(rows, plan);
    expect(after.packets.find((p) => p.id === submitted.id)).toEqual(submitted);
    const keptId = keptEditsId(submitted.id, rewritten);
    expect(after.packets.find((p) => p.id === keptId)).toEqual({ ...rewritten, id: keptId, status: 'superseded', submittedAt: null, snapshot: null, conflictOf: submitted.id, keptBecause: 'bundle-copy' });
    expect(plan.conflicts.map((c) => [c.kind, c.reason])).toEqual([
      ['frozen-here', 'Revision 1 is submitted here, so an import does not change it. The bundle\'s different copy of it is kept in the packet history as unsent edits.'],
    ]);
    // Importing it again adds nothing more.
    expect(planHasChanges(planMerge({ ...content, packets: [rewritten, ...content.packets.slice(1)] }, existingFromRows(after), { now: LATER }))).toBe(false);
  });

  it('never turns a submitted revision back into a draft, whatever the revision number or clock says', () => {
    for (const incoming of [
      { ...submitted, status: 'draft' as const, submittedAt: null, revision: 5, summary: 'Draft text', updatedAt: LATER },
      { ...submitted, summary: 'Another submission under the same id', updatedAt: LATER },
    ]) {
      const after = applied(rows, planMerge({ ...content, packets: [incoming, ...content.packets.slice(1)] }, existingFromRows(rows), { now: LATER }));
      expect(after.packets.find((p) => p.id === submitted.id)).toEqual(submitted);
    }
  });

  it('keeps the submission current when a bundle marks it superseded without a later revision', () => {
    const orphaned: Packet = { ...submitted, status: 'superseded', updatedAt: LATER };
    const plan = planMerge({ ...content, packets: [orphaned, ...content.packets.slice(1)] }, existingFromRows(rows), { now: LATER });
    const after = applied(rows, plan);
    expect(after.packets.find((p) => p.id === submitted.id)).toEqual(submitted);
    expect(currentPacket(after.packets.filter((p) => p.candidateId === cand0.id))).toEqual(submitted);
  });

  it('supersedes the submission when the bundle brings a revision that builds on it (reopened on the other machine)', () => {
    const reopenedThere: Packet = { ...submitted, status: 'superseded', updatedAt: LATER };
    const next: Packet = { ...submitted, id: 'p0-rev2', revision: 2, parentId: submitted.id, status: 'draft', submittedAt: null, createdAt: LATER, updatedAt: LATER };
    const plan = planMerge({ ...content, packets: [reopenedThere, next, ...content.packets.slice(1)] }, existingFromRows(rows), { now: LATER });
    expect(plan.update.packets).toEqual([{ ...submitted, status: 'superseded', updatedAt: LATER }]);
    expect(plan.add.packets).toEqual([next]);
    expect(plan.replaced.map((r) => [r.supersededPacketId, r.byPacketId])).toEqual([[submitted.id, 'p0-rev2']]);
    expect(plan.conflicts).toEqual([]);
  });
});

describe('times in the future are not trusted', () => {
  const skewed: Candidate = { ...cand0, team: 'From a clock set to 2030', updatedAt: FUTURE };
  const bundleA: BundleContent = { ...content, candidates: [skewed, ...content.candidates.slice(1)] };
  const fixAt = '2026-11-03T10:00:00.000Z';
  const fixed: Candidate = { ...cand0, team: 'Corrected', updatedAt: fixAt };
  const bundleB: BundleContent = { ...content, candidates: [fixed, ...content.candidates.slice(1)] };

  it('counts a future time as the time of the import, says so, and lets a later fix through', () => {
    const rows = database();
    const planA = planMerge(bundleA, existingFromRows(rows), { now: NOW });
    expect(planA.update.candidates).toEqual([{ ...skewed, updatedAt: NOW }]);
    expect(planA.futureRows).toBe(1);
    expect(planA.summary).toContain('1 row carries a time in the future (up to 2030-01-01 00:00 UTC); their times were not trusted and count as the time of this import.');
    const afterA = applied(rows, planA);

    // Importing A again changes nothing; a correct later fix is applied, not "Nothing to import".
    expect(planHasChanges(planMerge(bundleA, existingFromRows(afterA), { now: LATER }))).toBe(false);
    const planB = planMerge(bundleB, existingFromRows(afterA), { now: '2026-11-04T00:00:00.000Z' });
    expect(planB.update.candidates).toEqual([fixed]);
    expect(applied(afterA, planB).candidates.find((c) => c.id === cand0.id)!.team).toBe('Corrected');
  });

  it('lets a correct copy replace a row stored with a future time by an earlier import', () => {
    const rows = database({ candidates: [skewed, ...ours.candidates.slice(1), ...other.candidates] });
    const planB = planMerge(bundleB, existingFromRows(rows), { now: '2026-11-04T00:00:00.000Z' });
    expect(planB.update.candidates).toEqual([fixed]);
  });

  it('trusts a time just inside the tolerance (clocks differ a little)', () => {
    const ahead = new Date(Date.parse(NOW) + CLOCK_SKEW_TOLERANCE_MS).toISOString();
    const plan = planMerge({ ...content, candidates: [{ ...cand0, team: 'Slightly ahead', updatedAt: ahead }, ...content.candidates.slice(1)] }, existingFromRows(database()), { now: NOW });
    expect(plan.update.candidates.map((c) => c.updatedAt)).toEqual([ahead]);
    expect(plan.futureRows).toBe(0);
    expect(CLOCK_SKEW_TOLERANCE_MS).toBe(10 * 60 * 1000);
  });

  it('does not let a packet dated 2030 outrank a later revision, and writes it with the import time', () => {
    const draft: Packet = { ...packet0, summary: 'Typed on a laptop set to 2030', createdAt: FUTURE, updatedAt: FUTURE };
    const plan = planMerge({ ...content, packets: [draft, ...content.packets.slice(1)] }, existingFromRows(database()), { now: NOW });
    expect(plan.update.packets).toEqual([{ ...draft, createdAt: NOW, updatedAt: NOW }]);
  });
});
