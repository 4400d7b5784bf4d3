// @vitest-environment jsdom
/**
 * The candidate page's quick-add flow with Testing Library against the
 * app's database: N opens the form with the title focused, Enter in the
 * title and Ctrl+Enter anywhere save, focus comes back to an empty title for
 * the next item, problems are shown beside their field with nothing saved,
 * and a delete can be undone.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { saveCandidate } from '../../../renderer/db/candidates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CandidatesView } from '../../../renderer/features/candidates/candidates-view';
import { useUiStore } from '../../../renderer/state/ui-store';

let candidateId: string;

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
  await loadSampleCycle(db, generateSampleCycle(ic0M3Levels, { candidates: 2 }));
  const candidate = await saveCandidate(
    db,
    {
      cycleId: 'sample-2026-cycle',
      name: 'Ada Quist',
      role: 'Backend engineer',
      team: 'Payments',
      manager: 'Alex Morgan',
      currentLevelId: 'ic0m3-ic1',
      targetLevelId: 'ic0m3-ic2',
      timeInLevelMonths: 14,
      groups: { Gender: 'Woman' },
    },
    '2026-10-02T10:00:00.000Z',
  );
  candidateId = candidate.id;
  useUiStore.getState().clearStatus();
});
afterEach(() => cleanup());

const stored = () => db.evidence.where('candidateId').equals(candidateId).toArray();

describe('Candidate page: quick-add evidence', { timeout: 60_000 }, () => {
  it('logs items one after another from the keyboard', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Quist' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'No evidence yet' })).toBeTruthy();
    // Group attributes are never shown on the candidate's page.
    expect(document.body.textContent).not.toContain('Woman');

    // N opens the form with the title focused.
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('n');
    const form = await screen.findByRole('form', { name: 'Log evidence' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(document.activeElement).toBe(title));

    // Criteria grouped by level, target first, each with its code and text.
    const target = within(form).getByRole('group', { name: /^Target level \(IC2\)/ });
    const current = within(form).getByRole('group', { name: /^Current level \(IC1\)/ });
    expect(within(target).getAllByRole('checkbox')).toHaveLength(5);
    expect(within(current).getAllByRole('checkbox').length).toBeGreaterThan(0);
    expect(form.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_CONTAINED_BY).toBeTruthy();
    expect(target.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // First item: date in Q1, one target criterion, Enter in the title saves.
    const date = within(form).getByLabelText('Date') as HTMLInputElement;
    await user.clear(date);
    await user.type(date, '2026-03-14');
    expect(within(form).getByText('2026 Q1')).toBeTruthy();
    await user.click(within(target).getByRole('checkbox', { name: /^IC2\.1 / }));
    await user.click(title);
    await user.type(title, 'Designed the receipts data model{Enter}');

    await waitFor(async () => expect((await stored()).map((e) => e.title)).toEqual(['Designed the receipts data model']));
    const [first] = await stored();
    expect(first).toMatchObject({ date: '2026-03-14', criterionIds: ['ic0m3-ic2-c01'], kind: 'project', source: 'manager' });
    // Ready for the next: title empty and focused, date kept, criteria cleared.
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect((title as HTMLInputElement).value).toBe('');
    expect(date.value).toBe('2026-03-14');
    expect((within(target).getByRole('checkbox', { name: /^IC2\.1 / }) as HTMLInputElement).checked).toBe(false);
    const q1 = await screen.findByRole('region', { name: /^2026 Q1/ });
    expect(within(q1).getByRole('heading', { name: 'Designed the receipts data model' })).toBeTruthy();
    expect(within(q1).getByText('IC2.1')).toBeTruthy();
    expect(useUiStore.getState().status?.text).toBe('Added “Designed the receipts data model” to 2026 Q1.');

    // Second item: Ctrl+Enter from the description saves it, in another quarter.
    await user.clear(date);
    await user.type(date, '2026-05-20');
    // A long title is quoted short in the status line: a 290-character title made a six-line message over the table (a trial).
    const long = `Ran the design review with three teams ${'and their leads '.repeat(6)}`.trim();
    await user.type(title, long);
    await user.selectOptions(within(form).getByLabelText('Kind'), 'design');
    await user.click(within(target).getByRole('checkbox', { name: /^IC2\.1 / }));
    const description = within(form).getByLabelText('Description');
    await user.type(description, 'Three teams signed off.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () => expect(await stored()).toHaveLength(2));
    // Saved from the description, yet focus is back in the (empty) title.
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect((title as HTMLInputElement).value).toBe('');
    expect(useUiStore.getState().status?.text).toBe(`Added “${long.slice(0, 79)}…” to 2026 Q2.`);
    const q2 = await screen.findByRole('region', { name: /^2026 Q2/ });
    expect(within(q2).getByText('Three teams signed off.')).toBeTruthy();
    expect(within(q2).getByText('Design')).toBeTruthy();
    // Newest quarter first.
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '');
    expect(headings.findIndex((h) => h.startsWith('2026 Q2'))).toBeLessThan(headings.findIndex((h) => h.startsWith('2026 Q1')));
    // Two quarters of evidence: the criterion is sustained.
    const row = screen.getByRole('button', { name: 'Show evidence for IC2.1' }).closest('tr')!;
    expect(row.textContent).toContain('2026 Q1, 2026 Q2');
    expect(row.textContent).toContain('Sustained');
  });

  // N was heard only from an effect, which React runs a task after the page is drawn when the page came from its rows
  // (not from a key or click): N pressed as the log appeared did nothing. The key is pressed the moment the log's
  // "Log evidence" button is in the page, before anything the app runs after that change: the earliest a person could.
  it('opens the form with N pressed as soon as the log shows', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    let pressed = false;
    const observer = new MutationObserver(() => {
      if (![...document.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Log evidence'))) return;
      observer.disconnect();
      pressed = true;
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'n' });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    onTestFinished(() => observer.disconnect());
    render(<CandidatesView params={[candidateId]} />);
    const form = await screen.findByRole('form', { name: 'Log evidence' });
    expect(pressed).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Title' })));
  });

  it('shows problems beside their field and saves nothing', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[candidateId]} />);
    await user.click(await screen.findByRole('button', { name: /^Log evidence/ }));
    const form = await screen.findByRole('form', { name: 'Log evidence' });
    const title = within(form).getByRole('textbox', { name: 'Title' });

    // Enter with no title: the message is tied to the field, nothing is written.
    await user.type(title, '{Enter}');
    const message = await within(form).findByText(/Give the evidence a title/);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toContain(message.id);
    expect(await stored()).toHaveLength(0);

    // An unsafe link: refused with a clear message, focus on the links field.
    await user.type(title, 'Shipped checkout');
    const links = within(form).getByLabelText('Links');
    await user.type(links, 'https://ok.example.com{Enter}javascript:alert(1)');
    await user.click(within(form).getByRole('button', { name: 'Add evidence' }));
    expect(await within(form).findByText(/“javascript:alert\(1\)” is not a web link Levelset can open/)).toBeTruthy();
    expect(document.activeElement).toBe(links);
    expect(await stored()).toHaveLength(0);

    // Esc closes the form; the draft is still there when it opens again.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Log evidence' })).toBeNull());
    await user.click(screen.getByRole('button', { name: /^Log evidence/ }));
    expect((within(await screen.findByRole('form', { name: 'Log evidence' })).getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe(
      'Shipped checkout',
    );
  });

  it('deletes an item and undoes the delete', async () => {
    const user = userEvent.setup();
    await db.evidence.put({
      id: 'ev-1',
      candidateId,
      cycleId: 'sample-2026-cycle',
      title: 'Mentored Ana through her first design doc',
      description: '',
      date: '2026-08-14',
      kind: 'mentoring',
      links: ['https://wiki.example.com/ana'],
      source: 'peer',
      criterionIds: ['ic0m3-ic2-c05'],
      createdAt: '2026-10-02T10:00:00.000Z',
      updatedAt: '2026-10-02T10:00:00.000Z',
    });
    render(<CandidatesView params={[candidateId]} />);
    const item = await screen.findByRole('article', { name: 'Mentored Ana through her first design doc' });
    expect(within(item).getByRole('link', { name: /wiki\.example\.com\/ana/ }).getAttribute('href')).toBe('https://wiki.example.com/ana');
    expect(within(item).getByText('Source: peer')).toBeTruthy();

    await user.click(within(item).getByRole('button', { name: /^Delete “/ }));
    await waitFor(async () => expect(await stored()).toHaveLength(0));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await stored()).map((e) => e.id)).toEqual(['ev-1']));
    expect(await screen.findByRole('article', { name: 'Mentored Ana through her first design doc' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  // A manager's trial deleted two items in a row: the first had no Undo left.
  it('undoes two deletes in a row, newest first, and says how many are left', async () => {
    const user = userEvent.setup();
    const base = { candidateId, cycleId: 'sample-2026-cycle', description: '', kind: 'project' as const, links: [], source: 'manager' as const, criterionIds: ['ic0m3-ic2-c05'], createdAt: '2026-10-02T10:00:00.000Z', updatedAt: '2026-10-02T10:00:00.000Z' };
    await db.evidence.bulkPut([
      { ...base, id: 'ev-a', title: 'Led the Kafka migration design review', date: '2026-08-14' },
      { ...base, id: 'ev-b', title: 'Fixed flaky CI on the payments service', date: '2026-08-20' },
    ]);
    render(<CandidatesView params={[candidateId]} />);
    await user.click(within(await screen.findByRole('article', { name: 'Led the Kafka migration design review' })).getByRole('button', { name: /^Delete “/ }));
    await screen.findByText('Deleted “Led the Kafka migration design review”.');
    await user.click(within(await screen.findByRole('article', { name: 'Fixed flaky CI on the payments service' })).getByRole('button', { name: /^Delete “/ }));
    await screen.findByText('Deleted “Fixed flaky CI on the payments service”. Undo again for the change before it.');
    await waitFor(async () => expect(await stored()).toHaveLength(0));

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).map((e) => e.id)).toEqual(['ev-b']));
    await screen.findByText('Deleted “Led the Kafka migration design review”.');
    // The focus goes to the item that came back, though the Undo row stays for the earlier delete.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('article', { name: 'Fixed flaky CI on the payments service' })));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).map((e) => e.id).sort()).toEqual(['ev-a', 'ev-b']));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  });
});
