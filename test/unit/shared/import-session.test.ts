/**
 * The import worker's session (shared/exchange/import-session.ts): what it
 * hands the page is the shape issue 13 asks for. The checks give a summary
 * and the ids to read, no rows; the plan gives counts, conflicts and lines,
 * no rows; the rows to write are exactly those of the whole plan.
 */
import { describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';
import { ImportSession } from '../../../shared/exchange/import-session';
import { applyPlanRows, existingFromRows, planMerge } from '../../../shared/exchange/merge-plan';

const AT = '2026-11-02T10:00:00.000Z';
const LATER = '2026-11-03T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 30, seed: 5 });
const content = { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };

/** Every array anywhere in a value with more than `max` items (a list of rows would be one). */
function longArrays(value: unknown, max: number, path = ''): string[] {
  if (Array.isArray(value)) return [...(value.length > max ? [path] : []), ...value.flatMap((v, i) => longArrays(v, max, `${path}[${i}]`))];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => longArrays(v, max, `${path}.${k}`));
  return [];
}

describe('ImportSession', () => {
  it('answers the checks with a summary and the ids to read, and plans with counts, never the rows', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: 'test' });
    const session = new ImportSession((day) => day);
    const head = await session.check(text, undefined, () => {});
    if (!head.ok) throw new Error(head.error.message);
    expect(Object.keys(head).sort()).toEqual(['cycleId', 'ids', 'ok', 'summary']);
    expect(head.summary.evidence).toBe(sample.evidence.length);

    // Half the candidates are here already, with the same rows: those are left alone, the rest added.
    const here = { candidates: sample.candidates.slice(0, 15), evidence: sample.evidence.filter((e) => sample.candidates.slice(0, 15).some((c) => c.id === e.candidateId)) };
    const existing = { frameworks: [sample.framework], cycles: [sample.cycle], candidates: here.candidates, evidence: here.evidence, packets: [] };
    const preview = session.planWith(existing, LATER);
    const opened = await openBundle(text);
    if (!opened.ok) throw new Error(opened.error.message);
    const plan = planMerge(opened.content, existingFromRows(existing), { now: LATER });

    expect(preview.add).toEqual({ frameworks: 0, cycles: 0, candidates: 15, evidence: plan.add.evidence.length, packets: plan.add.packets.length });
    expect(preview.update).toEqual({ frameworks: 0, cycles: 0, candidates: 0, evidence: 0, packets: 0 });
    expect(preview.summary).toEqual(plan.summary);
    expect(preview.conflicts).toEqual(plan.conflicts);
    // The preview carries no list of rows: its longest list is a few summary lines.
    expect(longArrays(preview, 10)).toEqual([]);
    expect(session.rowsToWrite()).toEqual(applyPlanRows(plan));

    // Planned again at another time against the same stored rows, without sending them again.
    const again = session.planWith(null, AT);
    expect(again).toEqual(session.planWith(existing, AT));
    expect(session.rowsToWrite()).toEqual(applyPlanRows(planMerge(opened.content, existingFromRows(existing), { now: AT })));
  });

  it('refuses to plan against the last plan’s rows before any were given', async () => {
    const session = new ImportSession((day) => day);
    const head = await session.check(await createBundle(content, { createdAt: AT, appVersion: 'test' }), undefined, () => {});
    expect(head.ok).toBe(true);
    expect(() => session.planWith(null)).toThrow('not been read');
  });

  it('refuses to plan before the checks, and to give rows before a plan', () => {
    const session = new ImportSession((day) => day);
    expect(() => session.planWith({ frameworks: [], cycles: [], candidates: [], evidence: [], packets: [] })).toThrow('not been checked');
    expect(() => session.rowsToWrite()).toThrow('not been planned');
  });
});
