// @vitest-environment jsdom
/**
 * The rest of the evidence log with Testing Library: pasting a brag
 * document (review, leave an item out, link criteria, add in one go; a
 * paste over the limit is refused with a clear message; refused links are
 * warned about), editing an item in place, and filtering.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Evidence } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { MAX_BRAG_DOC_BYTES } from '../../../shared/packets/brag-doc';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { formatDate } from '../../../renderer/components/dates';
import { saveCandidate } from '../../../renderer/db/candidates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CandidatesView } from '../../../renderer/features/candidates/candidates-view';
import { useUiStore } from '../../../renderer/state/ui-store';

let candidateId: string;
const T = '2026-10-02T10:00:00.000Z';

beforeEach(async () => {
  window.location.hash = '';
  localStorage.clear();
  useUiStore.setState({ drafts: {} });
  await db.delete();
  await db.open();
  await loadSampleCycle(db, generateSampleCycle(ic0M3Levels, { candidates: 2 }));
  const candidate = await saveCandidate(
    db,
    {
      cycleId: 'sample-2026-cycle',
      name: 'Ada Quist',
      role: '',
      team: 'Payments',
      manager: 'Alex Morgan',
      currentLevelId: 'ic0m3-ic1',
      targetLevelId: 'ic0m3-ic2',
      timeInLevelMonths: 14,
      groups: {},
    },
    T,
  );
  candidateId = candidate.id;
});
afterEach(() => cleanup());

const stored = () => db.evidence.where('candidateId').equals(candidateId).sortBy('date');

function evidence(overrides: Partial<Evidence>): Evidence {
  return {
    id: 'ev',
    candidateId,
    cycleId: 'sample-2026-cycle',
    title: 'Item',
    description: '',
    date: '2026-03-01',
    kind: 'project',
    links: [],
    source: 'manager',
    criterionIds: [],
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

describe('Paste brag document', { timeout: 60_000 }, () => {
  it('turns bullets into reviewed items and adds the included ones together', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    await user.click(await screen.findByRole('button', { name: 'Paste brag document' }));
    const panel = screen.getByRole('region', { name: 'Paste a brag document' });
    // The focus is where the pasting goes (it stayed on the button, two Tabs away; a keyboard trial).
    expect(document.activeElement).toBe(within(panel).getByLabelText('Brag document (Markdown)'));
    const text = [
      '## March 2026',
      '- Shipped the receipts queue',
      '- Mentored Ana through her first design doc',
      '- Wrote [a doc](javascript:steal) on queues (2026-05-02)',
    ].join('\n');
    fireEvent.change(within(panel).getByLabelText('Brag document (Markdown)'), { target: { value: text } });
    await user.click(within(panel).getByRole('button', { name: 'Parse' }));

    expect(within(panel).getAllByRole('row')).toHaveLength(4);
    expect((within(panel).getByLabelText('Title of item 1') as HTMLInputElement).value).toBe('Shipped the receipts queue');
    expect((within(panel).getByLabelText('Date of item 1') as HTMLInputElement).value).toBe('2026-03-01');
    expect((within(panel).getByLabelText('Kind of item 2') as HTMLSelectElement).value).toBe('mentoring');
    expect((within(panel).getByLabelText('Date of item 3') as HTMLInputElement).value).toBe('2026-05-02');
    // The javascript: link was dropped, and the panel says so.
    expect(within(panel).getByText(/Left out the link "javascript:steal"/)).toBeTruthy();

    await user.click(within(panel).getByLabelText('Add item 2'));
    await user.selectOptions(within(panel).getByLabelText('Link every included item to'), 'ic0m3-ic2-c01');
    await user.click(within(panel).getByRole('button', { name: 'Link' }));
    await user.selectOptions(within(panel).getByLabelText('Link item 3 to a criterion'), 'ic0m3-ic2-c02');
    await user.click(within(panel).getByRole('button', { name: 'Remove IC2.1 from item 3' }));
    await user.clear(within(panel).getByLabelText('Title of item 1'));
    // The title wraps to show itself whole, but stays one line of text: Enter adds no line break, a pasted one becomes a space.
    await user.type(within(panel).getByLabelText('Title of item 1'), 'Shipped the receipts{Enter} queue');
    await user.paste('\non time');
    await user.click(within(panel).getByRole('button', { name: 'Add 2 items' }));

    await waitFor(async () => expect(await stored()).toHaveLength(2));
    const rows = await stored();
    expect(rows.map((r) => [r.title, r.date, r.source, r.criterionIds])).toEqual([
      ['Shipped the receipts queue on time', '2026-03-01', 'self', ['ic0m3-ic2-c01']],
      ['Wrote a doc on queues', '2026-05-02', 'self', ['ic0m3-ic2-c02']],
    ]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Paste a brag document' })).toBeNull());
    expect(await screen.findByRole('region', { name: /^2026 Q2/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: /^2026 Q1/ })).toBeTruthy();
  });

  it('undoes the whole paste from the row at the top of the list, keeping an item edited since', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    await user.click(await screen.findByRole('button', { name: 'Paste brag document' }));
    const panel = screen.getByRole('region', { name: 'Paste a brag document' });
    fireEvent.change(within(panel).getByLabelText('Brag document (Markdown)'), { target: { value: '## March 2026\n- Shipped the receipts queue\n- Ran the incident review\n- Wrote the runbook' } });
    await user.click(within(panel).getByRole('button', { name: 'Parse' }));
    await user.click(within(panel).getByRole('button', { name: 'Add 3 items' }));
    await waitFor(async () => expect(await stored()).toHaveLength(3));
    expect(await screen.findByText('Added 3 items from the brag document.')).toBeTruthy();

    // One item edited after the paste: undoing the paste must not throw that work away.
    const runbook = (await stored()).find((r) => r.title === 'Wrote the runbook')!;
    await db.evidence.update(runbook.id, { title: 'Wrote the on-call runbook', updatedAt: '2026-12-01T09:00:00.000Z' });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).map((r) => r.title)).toEqual(['Wrote the on-call runbook']));
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('Removed 2 items added from the brag document. Kept 1 item you edited since: “Wrote the on-call runbook”.'));
    expect(screen.queryByText('Added 3 items from the brag document.')).toBeNull();
  });

  it('leaves out a bullet that repeats an earlier one or evidence on record, saying why, unless it is ticked', async () => {
    // A trial pasted one bullet twice, then the whole document again: every copy was ticked and added.
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    const doc = '## March 2026\n- Shipped the receipts queue\n- Ran the incident review\n-   shipped the  Receipts queue';
    const paste = async () => {
      await user.click(await screen.findByRole('button', { name: 'Paste brag document' }));
      const panel = screen.getByRole('region', { name: 'Paste a brag document' });
      fireEvent.change(within(panel).getByLabelText('Brag document (Markdown)'), { target: { value: doc } });
      await user.click(within(panel).getByRole('button', { name: 'Parse' }));
      return panel;
    };
    const ticked = (panel: HTMLElement) => [1, 2, 3].map((n) => (within(panel).getByRole('checkbox', { name: `Add item ${n}` }) as HTMLInputElement).checked);
    let panel = await paste();
    expect(ticked(panel)).toEqual([true, true, false]);
    expect(within(panel).getByText('Same title and date as line 2: left out unless you tick it')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Add 2 items' }));
    await waitFor(async () => expect((await stored()).map((r) => r.title).sort()).toEqual(['Ran the incident review', 'Shipped the receipts queue']));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Paste a brag document' })).toBeNull());

    // The same document again: everything is already on record, and nothing is ticked.
    panel = await paste();
    expect(ticked(panel)).toEqual([false, false, false]);
    expect(within(panel).getAllByText('Already on record with this title and date: left out unless you tick it')).toHaveLength(3);
    // Ticked by hand, it is added after all.
    await user.click(within(panel).getByRole('checkbox', { name: 'Add item 2' }));
    await user.click(within(panel).getByRole('button', { name: 'Add 1 item' }));
    await waitFor(async () => expect(await stored()).toHaveLength(3));
  });

  it('refuses a paste over the size limit with a clear message and no rows', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    await user.click(await screen.findByRole('button', { name: 'Paste brag document' }));
    const panel = screen.getByRole('region', { name: 'Paste a brag document' });
    fireEvent.change(within(panel).getByLabelText('Brag document (Markdown)'), { target: { value: `- ${'x'.repeat(MAX_BRAG_DOC_BYTES)}` } });
    await user.click(within(panel).getByRole('button', { name: 'Parse' }));
    expect(within(panel).getByRole('alert').textContent).toMatch(/too long to read as one brag document.*Paste it in parts/);
    expect(within(panel).queryByRole('table')).toBeNull();
    expect(await stored()).toHaveLength(0);
  });
});

describe('Paste brag document: dates that will not count', { timeout: 60_000 }, () => {
  it('says so on the rows before anything is saved, as the single-item form does', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    await user.click(await screen.findByRole('button', { name: 'Paste brag document' }));
    const panel = screen.getByRole('region', { name: 'Paste a brag document' });
    const cycle = (await db.cycles.get('sample-2026-cycle'))!;
    const text = [`- Shipped the receipts queue (${cycle.evidenceFrom})`, '- Planned the roadmap (2099-03-14)', '- Ran the old migration (2019-06-15)'].join('\n');
    fireEvent.change(within(panel).getByLabelText('Brag document (Markdown)'), { target: { value: text } });
    await user.click(within(panel).getByRole('button', { name: 'Parse' }));
    const rowText = (n: number) => within(panel).getByLabelText(`Date of item ${n}`).closest('tr')!.textContent;
    expect(rowText(1)).not.toMatch(/after today|does not count/);
    expect(rowText(2)).toContain('Dated after today');
    expect(rowText(3)).toContain('Outside the evidence window: does not count');
  });

  it('names today’s date, which the undated bullets take, as every screen shows a date, not as stored', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    await user.click(await screen.findByRole('button', { name: 'Paste brag document' }));
    const panel = screen.getByRole('region', { name: 'Paste a brag document' });
    fireEvent.change(within(panel).getByLabelText('Brag document (Markdown)'), { target: { value: '- Mentored Ana through her first design doc' } });
    await user.click(within(panel).getByRole('button', { name: 'Parse' }));
    const today = (within(panel).getByLabelText('Date of item 1') as HTMLInputElement).value;
    const warning = within(panel).getByText(/^This bullet has no date of its own/);
    expect(warning.textContent).toContain(`it takes ${formatDate(today)}, which puts it in that quarter`);
    expect(warning.textContent).not.toContain(today);
  });
});

describe('Editing and filtering', { timeout: 60_000 }, () => {
  it('edits an item in place and returns focus to its Edit button', async () => {
    const user = userEvent.setup();
    await db.evidence.put(evidence({ id: 'ev-1', title: 'Shipped checkout', date: '2026-03-01', criterionIds: ['ic0m3-ic2-c01'] }));
    render(<CandidatesView params={[candidateId]} />);
    const item = await screen.findByRole('article', { name: 'Shipped checkout' });
    await user.click(within(item).getByRole('button', { name: /^Edit “/ }));
    const form = await screen.findByRole('form', { name: 'Edit “Shipped checkout”' });
    const title = within(form).getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect((within(form).getByRole('checkbox', { name: /^IC2\.1 / }) as HTMLInputElement).checked).toBe(true);
    await user.clear(title);
    await user.type(title, 'Shipped checkout v2');
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-07-09' } });
    expect(within(form).getByText('2026 Q3')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(async () => expect((await db.evidence.get('ev-1'))?.title).toBe('Shipped checkout v2'));
    expect((await db.evidence.get('ev-1'))?.date).toBe('2026-07-09');
    const edited = await screen.findByRole('article', { name: 'Shipped checkout v2' });
    await waitFor(() => expect(document.activeElement).toBe(within(edited).getByRole('button', { name: /^Edit “/ })));
    expect(within(await screen.findByRole('region', { name: /^2026 Q3/ })).getByText('Shipped checkout v2')).toBeTruthy();
  });

  it('keeps an edit through Esc and a reload, and Cancel asks before dropping it', async () => {
    // Before, Esc or a reload threw the changes away without a word, though the shortcut list says the draft is kept.
    const user = userEvent.setup();
    await db.evidence.put(evidence({ id: 'ev-1', title: 'Shipped checkout', criterionIds: ['ic0m3-ic2-c01'] }));
    render(<CandidatesView params={[candidateId]} />);
    await user.click(within(await screen.findByRole('article', { name: 'Shipped checkout' })).getByRole('button', { name: /^Edit “/ }));
    let form = await screen.findByRole('form', { name: 'Edit “Shipped checkout”' });
    await user.type(within(form).getByLabelText('Description'), 'Cut p95 latency by half');
    await user.keyboard('{Escape}');
    const item = await screen.findByRole('article', { name: 'Shipped checkout' });
    expect(within(item).getByText('Unsaved changes')).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: /^Continue editing “/ }));
    form = await screen.findByRole('form', { name: 'Edit “Shipped checkout”' });
    expect((within(form).getByLabelText('Description') as HTMLTextAreaElement).value).toBe('Cut p95 latency by half');

    // A reload: this run's memory is gone; the UI store is made afresh from what the browser kept, and the form reopens.
    cleanup();
    vi.resetModules();
    const fresh = await import('../../../renderer/state/ui-store');
    useUiStore.setState({ drafts: fresh.useUiStore.getState().drafts });
    render(<CandidatesView params={[candidateId]} />);
    form = await screen.findByRole('form', { name: 'Edit “Shipped checkout”' });
    expect((within(form).getByLabelText('Description') as HTMLTextAreaElement).value).toBe('Cut p95 latency by half');
    expect(within(form).getByText(/^Not saved yet: your changes are kept/)).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    const back = await screen.findByRole('article', { name: 'Shipped checkout' });
    expect(within(back).queryByText('Unsaved changes')).toBeNull();
    expect(within(back).getByRole('button', { name: 'Edit “Shipped checkout”' })).toBeTruthy();
    expect(Object.keys(localStorage).filter((k) => k.includes('evidence-edit'))).toEqual([]);
    expect((await db.evidence.get('ev-1'))?.description).toBe('');
  });

  it('closes an untouched edit with Cancel at once, keeping nothing', async () => {
    const user = userEvent.setup();
    await db.evidence.put(evidence({ id: 'ev-1', title: 'Shipped checkout' }));
    render(<CandidatesView params={[candidateId]} />);
    await user.click(within(await screen.findByRole('article', { name: 'Shipped checkout' })).getByRole('button', { name: /^Edit “/ }));
    const form = await screen.findByRole('form', { name: 'Edit “Shipped checkout”' });
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(await screen.findByRole('article', { name: 'Shipped checkout' })).getByRole('button', { name: /^Edit “/ })).toBeTruthy();
    expect(Object.keys(localStorage).filter((k) => k.includes('evidence-edit'))).toEqual([]);
  });

  it('marks items that will not count: dated outside the evidence window, or after today', async () => {
    // The packet page flagged them; the candidate page, where the manager works, showed them like any other item.
    const cycle = (await db.cycles.get('sample-2026-cycle'))!;
    await db.evidence.bulkPut([
      evidence({ id: 'in', title: 'Inside the window', date: cycle.evidenceFrom }),
      evidence({ id: 'old', title: 'Before the window', date: '2019-06-15' }),
      evidence({ id: 'late', title: 'Far in the future', date: '2099-02-01' }),
    ]);
    render(<CandidatesView params={[candidateId]} />);
    const tags = async (title: string) => [...(await screen.findByRole('article', { name: title })).querySelectorAll('.evidence-date-note')].map((t) => t.textContent);
    expect(await tags('Inside the window')).toEqual([]);
    expect(await tags('Before the window')).toEqual(['Outside the evidence window: does not count']);
    expect(await tags('Far in the future')).toEqual(['Dated after today', 'Outside the evidence window: does not count']);
  });

  it('filters by words, kind, source, criterion and quarter', async () => {
    const user = userEvent.setup();
    await db.evidence.bulkPut([
      evidence({ id: 'a', title: 'Shipped checkout', kind: 'project', source: 'manager', date: '2026-02-01', criterionIds: ['ic0m3-ic2-c01'] }),
      evidence({ id: 'b', title: 'Mentored Ana', description: 'Weekly pairing on checkout tests', kind: 'mentoring', source: 'peer', date: '2026-05-01', criterionIds: ['ic0m3-ic2-c05'] }),
      evidence({ id: 'c', title: 'Fixed the flaky deploy', kind: 'incident', source: 'self', date: '2026-05-20' }),
    ]);
    render(<CandidatesView params={[candidateId]} />);
    await screen.findByRole('article', { name: 'Shipped checkout' });
    const shown = () => screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby') && a.querySelector('h4')?.textContent);
    const filters = screen.getByRole('search', { name: 'Search and filter evidence' });

    await user.type(within(filters).getByLabelText('Search'), 'checkout');
    await waitFor(() => expect(shown()).toEqual(['Mentored Ana', 'Shipped checkout']));
    expect(within(filters).getByText('2 of 3 items')).toBeTruthy();
    await user.selectOptions(within(filters).getByLabelText('Kind'), 'project');
    await waitFor(() => expect(shown()).toEqual(['Shipped checkout']));
    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(shown()).toHaveLength(3));

    await user.selectOptions(within(filters).getByLabelText('Source'), 'peer');
    await waitFor(() => expect(shown()).toEqual(['Mentored Ana']));
    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(within(filters).getByLabelText('Criterion'), '__unlinked');
    await waitFor(() => expect(shown()).toEqual(['Fixed the flaky deploy']));
    await user.selectOptions(within(filters).getByLabelText('Criterion'), 'ic0m3-ic2-c01');
    await waitFor(() => expect(shown()).toEqual(['Shipped checkout']));
    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(within(filters).getByLabelText('Quarter'), '2026-Q2');
    await waitFor(() => expect(shown()).toEqual(['Fixed the flaky deploy', 'Mentored Ana']));
  });
});
