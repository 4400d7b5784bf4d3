// @vitest-environment jsdom
/**
 * The import preview of bundles that reach outside their scope: a refused
 * bundle says why, row by row, and offers no Import; untrusted future times
 * are said in the overview; a different copy of a submitted revision is
 * listed as a conflict that keeps the submission as it is.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Packet } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { existingFromRows, planMerge } from '../../../shared/exchange/merge-plan';
import { ImportPreview } from '../../../renderer/features/packets/import-preview';

afterEach(() => cleanup());

const NOW = '2026-11-01T08:00:00.000Z';
const ours = generateSampleCycle(ic0M3Levels, { candidates: 2 });
const other = generateSampleCycle(ic0M3Levels, { candidates: 1, seed: 7 });
const content = { cycle: ours.cycle, frameworks: [ours.framework], candidates: ours.candidates, evidence: ours.evidence, packets: ours.packets };
const rows = { frameworks: [ours.framework], cycles: [ours.cycle, other.cycle], candidates: [...ours.candidates, ...other.candidates], evidence: [...ours.evidence, ...other.evidence], packets: [...ours.packets, ...other.packets] };
const summary = { trailHead: null, cycleId: ours.cycle.id, cycleName: ours.cycle.name, appVersion: '0.1.0', createdAt: NOW, encrypted: false, candidates: 2, packets: 2, evidence: ours.evidence.length, frameworks: 1 };

function show(plan: ReturnType<typeof planMerge>) {
  const onImport = vi.fn();
  const onCancel = vi.fn();
  render(<ImportPreview headingId="pv" fileName="laptop.levelset.json" summary={summary} plan={plan} onImport={onImport} onCancel={onCancel} />);
  return { onImport, onCancel };
}

describe('Import preview, scope', () => {
  it('refuses a bundle that reuses an id of another cycle: says why, offers no Import', async () => {
    const victim = other.candidates[0]!;
    const plan = planMerge({ ...content, candidates: [{ ...ours.candidates[0]!, id: victim.id }], evidence: [], packets: [] }, existingFromRows(rows), { now: NOW });
    const { onCancel } = show(plan);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('laptop.levelset.json cannot be imported');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^This bundle cannot be imported: some of its rows reuse ids that belong to another cycle or candidate here/);
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([`Candidate "${victim.id}" already exists here in another cycle ("${other.cycle.id}").`]);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('says when rows carry a time in the future, and states the rules', () => {
    const plan = planMerge({ ...content, candidates: [{ ...ours.candidates[0]!, team: 'Skewed', updatedAt: '2030-01-01T00:00:00.000Z' }, ...ours.candidates.slice(1)] }, existingFromRows(rows), { now: NOW });
    show(plan);
    const overview = screen.getAllByRole('list')[0]!;
    expect(within(overview).getByText('1 row carries a time in the future (up to 2030-01-01 00:00 UTC); their times were not trusted and count as the time of this import.')).toBeTruthy();
    const rule = screen.getByRole('region', { name: 'How the import decides' });
    expect(rule.textContent).toMatch(/A time more than 10 minutes ahead of this computer's clock is not trusted/);
    expect(rule.textContent).toMatch(/the whole bundle is refused and nothing is written/);
  });

  it('lists a different copy of a submitted revision as a conflict that leaves the submission as it is', () => {
    const p0 = ours.packets[0]!;
    const submitted: Packet = { ...p0, status: 'submitted', submittedAt: NOW, updatedAt: NOW };
    const plan = planMerge({ ...content, packets: [{ ...submitted, summary: 'Rewritten elsewhere', updatedAt: '2026-11-02T00:00:00.000Z' }, ...ours.packets.slice(1)] }, existingFromRows({ ...rows, packets: [submitted, ...ours.packets.slice(1)] }), { now: '2026-11-02T00:00:00.000Z' });
    show(plan);
    const conflicts = screen.getByRole('note', { name: 'Conflicts: what each side changed (both are kept)' });
    expect(within(conflicts).getByText(/Revision 1 is submitted here, so an import does not change it/)).toBeTruthy();
    expect(within(conflicts).getByRole('region', { name: 'Revision 1 here (not changed)' })).toBeTruthy();
    const there = within(conflicts).getByRole('region', { name: 'The different copy in the file (kept in the packet history)' });
    expect(within(there).getAllByRole('listitem').map((li) => li.textContent)).toContainEqual(expect.stringMatching(/^Summary rewritten: "Rewritten elsewhere" \(was ".+"\)\.$/));
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
  });
});
