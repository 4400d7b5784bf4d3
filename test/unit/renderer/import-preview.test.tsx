// @vitest-environment jsdom
/**
 * The import preview of a bundle whose revision 2 was submitted on the
 * manager's laptop while the committee machine edited its draft: the
 * conflict is listed with what each side changed since revision 1, the
 * overview does not repeat it, and the merge rule is stated in words.
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

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const [p0, ...others] = sample.packets as [Packet, ...Packet[]];
const cand0 = sample.candidates[0]!;
const rev1: Packet = { ...p0, status: 'superseded', submittedAt: '2026-10-01T09:00:00.000Z' };
const draft2: Packet = { ...p0, id: 'p0-rev2', revision: 2, parentId: rev1.id, status: 'draft', submittedAt: null, updatedAt: '2026-10-02T09:00:00.000Z' };
const submitted: Packet = { ...draft2, status: 'submitted', summary: 'Final summary from the manager', submittedAt: '2026-10-05T12:00:00.000Z', updatedAt: '2026-10-05T12:00:00.000Z' };
const editedHere: Packet = { ...draft2, notYetDoing: '<b>Needs</b> more design reviews', updatedAt: '2026-10-06T15:00:00.000Z' };
const content = { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: [rev1, submitted, ...others] };
const plan = planMerge(content, existingFromRows({ frameworks: [sample.framework], cycles: [sample.cycle], candidates: sample.candidates, evidence: sample.evidence, packets: [rev1, editedHere, ...others] }));
const summary = { trailHead: null, cycleId: sample.cycle.id, cycleName: sample.cycle.name, appVersion: '0.1.0', createdAt: '2026-10-05T13:00:00.000Z', encrypted: false, candidates: 3, packets: 4, evidence: sample.evidence.length, frameworks: 1 };

describe('Import preview', () => {
  it('lists the conflict with what each side changed, states the rule, and imports only on request', async () => {
    const onImport = vi.fn();
    render(<ImportPreview headingId="pv" fileName="laptop.levelset.json" summary={summary} plan={plan} onImport={onImport} onCancel={() => {}} />);

    const conflicts = screen.getByRole('note', { name: 'Conflicts: what each side changed (both are kept)' });
    expect(within(conflicts).getByText(/Revision 2 was submitted on the other machine while it was still being edited here/)).toBeTruthy();
    const here = within(conflicts).getByRole('region', { name: 'Your unsent edits here (kept in the packet history)' });
    expect(within(here).getByRole('heading').textContent).toBe('Your unsent edits here (kept in the packet history), changed since revision 1');
    expect(within(here).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Not submitted (a draft).', '"Not yet doing" written: "<b>Needs</b> more design reviews".']);
    const there = within(conflicts).getByRole('region', { name: 'The submission in the file (becomes current)' });
    expect(within(there).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Submitted on 2026-10-05.', expect.stringMatching(/^Summary rewritten: "Final summary from the manager" \(was ".+"\)\.$/)]);
    // User text stays text.
    expect(document.querySelector('b')).toBeNull();

    // The overview counts the conflict once and no longer claims the packets are left as they are.
    const overview = screen.getAllByRole('list')[0]!;
    expect(within(overview).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1 packet conflicts; both versions are kept (listed below).',
      `Leaves 1 framework version, 1 cycle, 3 candidates, ${sample.evidence.length} evidence items, 3 packet revisions unchanged (this database has the same or newer).`,
      // The sample's third candidate has only a draft, which no session reviews.
      '1 candidate’s packet in the bundle is a draft, not submitted: a new session takes submitted packets only, unless its chair also includes those not submitted yet, and the committee then reviews work in progress. For a review of the case as the manager stands by it, ask the manager to submit and send it.',
    ]);

    const rule = screen.getByRole('region', { name: 'How the import decides' });
    expect(rule.textContent).toMatch(/Rows are matched by their id/);
    expect(rule.textContent).toMatch(/When the other machine submitted a revision you were still editing here, both are kept/);

    expect(onImport).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(screen.getByText(cand0.name)).toBeTruthy();
  });

  it('offers Close, not Import, for a bundle this database already holds', async () => {
    const same = planMerge(content, existingFromRows({ frameworks: [sample.framework], cycles: [sample.cycle], candidates: sample.candidates, evidence: sample.evidence, packets: [rev1, submitted, ...others] }));
    const onImport = vi.fn();
    const onCancel = vi.fn();
    render(<ImportPreview headingId="pv" fileName="again.levelset.json" summary={summary} plan={same} onImport={onImport} onCancel={onCancel} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('again.levelset.json: nothing to import');
    expect(screen.getByText('Nothing to import: this database already has everything in the bundle.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onImport).not.toHaveBeenCalled();
  });
});
