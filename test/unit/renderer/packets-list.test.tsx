// @vitest-environment jsdom
/**
 * The Packets list with Testing Library over fake-indexeddb: an archived
 * candidate's draft is hidden (and cannot be selected for export) until
 * "Show archived" is ticked, as on the Candidates list; search, the status,
 * manager and target level filters, and the sort narrow and order the rows.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { useUiStore } from '../../../renderer/state/ui-store';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareNames } from '../../../shared/calibration/common';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { archiveCandidate } from '../../../renderer/db/candidates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { PacketsView } from '../../../renderer/features/packets/packets-view';

configure({ asyncUtilTimeout: 15_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 8 });
const nameOf = new Map(sample.candidates.map((c) => [c.id, c.name]));
const draftOf = sample.packets.find((p) => p.status === 'draft')!;
const archived = sample.candidates.find((c) => c.id === draftOf.candidateId)!;
const others = sample.candidates.filter((c) => c.id !== archived.id);
const sorted = (names: string[]) => [...names].sort(compareNames);

beforeEach(async () => {
  // The Packets list's filters live in the UI store (kept across visits); each test starts from none.
  useUiStore.setState({ packetLists: {} });
  window.location.hash = '#/packets';
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  await archiveCandidate(db, archived.id, '2026-10-03T09:00:00.000Z');
});
afterEach(() => cleanup());

function shownNames(): string[] {
  const table = screen.queryByRole('table', { name: /^Packets in / });
  if (!table) return [];
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('link')[0]!.textContent ?? '');
}

describe('Packets list', { timeout: 30_000 }, () => {
  it('keeps its search, filters and sort when the manager opens a packet and comes back', async () => {
    // They reset on every visit, so comparing one's own packets meant setting them again after each candidate.
    const user = userEvent.setup();
    render(<PacketsView />);
    await waitFor(() => expect(shownNames()).toEqual(sorted(others.map((c) => c.name))));
    const someone = others[0]!;
    await user.type(screen.getByRole('searchbox', { name: 'Search packets' }), someone.name);
    await waitFor(() => expect(shownNames()).toEqual([someone.name]));
    cleanup();
    render(<PacketsView />);
    await waitFor(() => expect(shownNames()).toEqual([someone.name]));
    expect((screen.getByRole('searchbox', { name: 'Search packets' }) as HTMLInputElement).value).toBe(someone.name);
  });

  it('hides archived candidates’ packets until “Show archived” is ticked, and never selects what is hidden', async () => {
    const user = userEvent.setup();
    render(<PacketsView />);
    await waitFor(() => expect(shownNames()).toEqual(sorted(others.map((c) => c.name))));
    const submittedShown = sample.packets.filter((p) => p.status === 'submitted' && p.candidateId !== archived.id).length;
    expect(screen.getByText(`${sample.cycle.name} · ${submittedShown} of ${others.length} submitted`)).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'Select all packets shown' }));
    expect(screen.getByText(`${others.length} selected`)).toBeTruthy();

    const toggle = screen.getByRole('checkbox', { name: /^Show archived \(1\)$/ });
    await user.click(toggle);
    expect(shownNames()).toEqual(sorted(sample.candidates.map((c) => c.name)));
    const row = screen.getByRole('link', { name: archived.name }).closest('tr')!;
    expect(within(row).getByText('Archived')).toBeTruthy();
    // Selected before it was shown: the archived row was not part of "select all".
    expect(screen.getByText(`${others.length} selected`)).toBeTruthy();
    // Some shown rows selected, not all: the box says "mixed", not "not checked" (a keyboard trial).
    const all = screen.getByRole('checkbox', { name: 'Select all packets shown' }) as HTMLInputElement;
    expect([all.checked, all.indeterminate]).toEqual([false, true]);

    await user.click(toggle);
    expect(shownNames()).not.toContain(archived.name);
  });

  it('searches, filters by status, manager and target level, and sorts', async () => {
    const user = userEvent.setup();
    render(<PacketsView />);
    await waitFor(() => expect(shownNames()).toHaveLength(others.length));

    // A last name, typed in capitals, finds that candidate (and anyone whose name, manager or team contains it).
    const term = others[2]!.name.split(' ')[1]!;
    const found = others.filter((c) => [c.name, c.manager, c.team].some((v) => v.toLowerCase().includes(term.toLowerCase()))).map((c) => c.name);
    expect(found).toContain(others[2]!.name);
    expect(found.length).toBeLessThan(others.length);
    await user.type(screen.getByRole('searchbox', { name: 'Search packets' }), term.toUpperCase());
    await waitFor(() => expect(shownNames()).toEqual(sorted(found)));
    await user.clear(screen.getByRole('searchbox', { name: 'Search packets' }));

    await user.selectOptions(screen.getByLabelText('Status'), 'submitted');
    const submitted = sample.packets.filter((p) => p.status === 'submitted' && p.candidateId !== archived.id).map((p) => nameOf.get(p.candidateId)!);
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.length).toBeLessThan(others.length);
    await waitFor(() => expect(shownNames()).toEqual(sorted(submitted)));
    await user.selectOptions(screen.getByLabelText('Status'), '');

    const manager = others[0]!.manager;
    await user.selectOptions(screen.getByLabelText('Manager'), manager);
    await waitFor(() => expect(shownNames()).toEqual(sorted(others.filter((c) => c.manager === manager).map((c) => c.name))));
    await user.selectOptions(screen.getByLabelText('Manager'), '');

    const level = others[0]!.targetLevelId!;
    const levelCode = sample.framework.levels.find((l) => l.id === level)!.code;
    const levelSelect = screen.getByLabelText('Target level') as HTMLSelectElement;
    const option = [...levelSelect.options].find((o) => o.value === level)!;
    expect(option.textContent).toContain(levelCode);
    await user.selectOptions(levelSelect, level);
    await waitFor(() => expect(shownNames()).toEqual(sorted(others.filter((c) => c.targetLevelId === level).map((c) => c.name))));
    await user.selectOptions(levelSelect, '');

    // Drafts first, each group by name.
    await user.selectOptions(screen.getByLabelText('Sort by'), 'status');
    const drafts = sample.packets.filter((p) => p.status === 'draft' && p.candidateId !== archived.id).map((p) => nameOf.get(p.candidateId)!);
    await waitFor(() => expect(shownNames()).toEqual([...sorted(drafts), ...sorted(submitted)]));

    // Nothing matches: say so and offer a way back.
    await user.type(screen.getByRole('searchbox', { name: 'Search packets' }), 'zzzz-nobody');
    expect(await screen.findByText(/No packet matches these filters/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear the search and filters' }));
    await waitFor(() => expect(shownNames()).toHaveLength(others.length));
  });
});
