// @vitest-environment jsdom
/**
 * Views that write only through commands and read only through renderer/db
 * hooks: the cycles view creates a cycle and switches the active one, and a
 * pinned framework's "new version" button starts the next version of its
 * lineage and opens it in the editor.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseWithSample } from './sample-database';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { ACTIVE_CYCLE_KEY } from '../../../renderer/db/repositories';
import { CyclesView } from '../../../renderer/features/cycles/cycles-view';
import { FrameworkDetail } from '../../../renderer/features/frameworks/framework-detail';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });

beforeEach(async () => {
  await freshDatabaseWithSample(sample);
});
afterEach(() => cleanup());

const activeCycleId = async () => (await db.meta.get(ACTIVE_CYCLE_KEY))?.value;

describe('CyclesView', () => {
  it('creates a cycle that becomes the active one, and switches back when another cycle is chosen', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await user.type(await screen.findByLabelText('Name'), '2027 H1 promotion cycle');
    fireEvent.change(screen.getByLabelText('Opens on'), { target: { value: '2027-01-04' } });
    fireEvent.change(screen.getByLabelText('Closes on'), { target: { value: '2027-06-15' } });
    await user.selectOptions(screen.getByLabelText('Framework version'), sample.framework.id);
    await user.click(screen.getByRole('button', { name: 'Create cycle' }));

    const created = await waitFor(async () => {
      const found = (await db.cycles.toArray()).find((c) => c.name === '2027 H1 promotion cycle');
      if (!found) throw new Error('not stored yet');
      return found;
    });
    expect(created.frameworkVersionId).toBe(sample.framework.id);
    // What comes next is said, with the focus on it (it stayed on Create cycle, under the status line; a manager trial).
    const next = await screen.findByRole('link', { name: 'Add a candidate' });
    expect(next.getAttribute('href')).toBe('#/candidates/new');
    await waitFor(() => expect(document.activeElement).toBe(next));
    expect(screen.getByRole('note', { name: 'Cycle created' }).textContent).toContain('Created 2027 H1 promotion cycle. It is now the active cycle.');
    // The window followed the closing date: from the four full quarters before Q2 2027 to the closing day
    // (updated for issue 10: it used to end on 2027-03-31, before the cycle opened, so evidence logged during it did not count).
    expect([created.evidenceFrom, created.evidenceTo]).toEqual(['2026-04-01', '2027-06-15']);
    expect(await activeCycleId()).toBe(created.id);
    // Its dates as every other screen shows a date (day, short month, year), not as stored ("2027-01-04").
    const shown = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
    const row = (await screen.findByRole('button', { name: '2027 H1 promotion cycle' })).closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent)).toEqual([shown('2027-01-04'), shown('2027-06-15'), expect.any(String)]);
    expect(row.textContent).toContain(`${shown('2026-04-01')} to ${shown('2027-06-15')}`);
    expect((await db.audit.where('entityId').equals(created.id).toArray()).map((e) => [e.action, e.actor])).toEqual([['create cycle', 'Dana Whitfield']]);

    await user.click(await screen.findByRole('button', { name: sample.cycle.name }));
    await waitFor(async () => expect(await activeCycleId()).toBe(sample.cycle.id));
  });

  it('puts the focus on the first field with a problem when Create cycle is refused (it stayed on the button)', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await user.type(await screen.findByLabelText('Name'), '2027 H1 promotion cycle');
    await user.click(screen.getByRole('button', { name: 'Create cycle' }));
    const framework = screen.getByLabelText('Framework version');
    expect(framework.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(framework);
    expect((await db.cycles.toArray()).map((c) => c.name)).toEqual([sample.cycle.name]);
  });
});

describe('New version of a pinned framework', () => {
  it('stores version 2 of the lineage and opens it in the editor', async () => {
    const user = userEvent.setup();
    render(<FrameworkDetail id={sample.framework.id} />);
    // A level's autonomy reads as the editor offers it: "Self-directed" (CSS capitalised every word: "Self-Directed").
    const selfDirected = sample.framework.levels.some((l) => l.autonomy === 'self-directed');
    if (selfDirected) expect((await screen.findAllByText('Self-directed', { selector: 'dd' })).length).toBeGreaterThan(0);
    expect(selfDirected).toBe(true);
    await user.click(await screen.findByRole('button', { name: 'Create a new version to edit' }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/frameworks\/.+\/edit$/));
    const versions = await db.frameworks.where('lineageId').equals(sample.framework.lineageId).sortBy('version');
    expect(versions.map((v) => [v.version, v.frozen])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(window.location.hash).toBe(`#/frameworks/${encodeURIComponent(versions[1]!.id)}/edit`);
  });
});
