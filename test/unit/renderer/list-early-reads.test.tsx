// @vitest-environment jsdom
/**
 * The Candidates and Packets lists read their rows at route entry (issue 13):
 * entering `#/candidates` or `#/packets` starts the read of the active
 * cycle's candidates and their stored figures before the page mounts, the
 * page takes that read instead of reading the rows again, and a write made
 * after the early read, or after the page is shown, is still shown.
 * The rows are counted as indexed getAll requests on the two stores.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { useUiStore } from '../../../renderer/state/ui-store';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { compareNames } from '../../../shared/calibration/common';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { startRouteRead } from '../../../renderer/app/route-reads';
import { parseHash } from '../../../renderer/app/routes';
import { archiveCandidate } from '../../../renderer/db/candidates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CandidatesView } from '../../../renderer/features/candidates/candidates-view';
import { PacketsView } from '../../../renderer/features/packets/packets-view';

configure({ asyncUtilTimeout: 10_000 });
const AT = '2026-11-01T09:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { seed: 5, candidates: 10 });
const byName = [...sample.candidates].sort((a, b) => compareNames(a.name, b.name));
// Not the first row by key or by name: a write to it is seen only if the whole range is watched.
const later = byName[byName.length - 2]!;

/** Indexed getAll requests per store since the spy was set. */
let getAll: MockInstance<IDBIndex['getAll']>;
const rowReads = (store: string) => getAll.mock.contexts.filter((index) => (index as IDBIndex).objectStore.name === store).length;

beforeEach(async () => {
  // The Packets list's filters live in the UI store (kept across visits); each test starts from none.
  useUiStore.setState({ packetLists: {} });
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample, AT);
  getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
});
afterEach(() => {
  cleanup();
  getAll.mockRestore();
});

const LISTS = [
  { hash: '#/candidates', View: CandidatesView, table: /^Candidates in / },
  { hash: '#/packets', View: PacketsView, table: /^Packets in / },
] as const;

function shownNames(table: RegExp): string[] {
  return within(screen.getByRole('table', { name: table }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('link')[0]!.textContent ?? '');
}

describe.each(LISTS)('$hash', { timeout: 30_000 }, ({ hash, View, table }) => {
  it('starts reading the rows at route entry, before the page mounts, and the page does not read them again', async () => {
    window.location.hash = hash;
    startRouteRead(parseHash(hash));
    // Nothing is mounted: the rows are on their way already.
    await vi.waitFor(() => expect(rowReads('candidates')).toBe(1));
    render(<View />);
    await waitFor(() => expect(shownNames(table)).toEqual(byName.map((c) => c.name)));
    expect(rowReads('candidates')).toBe(1);
    expect(rowReads('candidateStats')).toBe(1);
  });

  it('shows a write made after the early read started', async () => {
    window.location.hash = hash;
    startRouteRead(parseHash(hash));
    await vi.waitFor(() => expect(rowReads('candidates')).toBe(1));
    await archiveCandidate(db, later.id, AT);
    render(<View />);
    await waitFor(() => expect(shownNames(table)).toEqual(byName.filter((c) => c !== later).map((c) => c.name)));
  });

  it('shows a write made after the page showed the early rows', async () => {
    window.location.hash = hash;
    startRouteRead(parseHash(hash));
    render(<View />);
    await waitFor(() => expect(shownNames(table)).toEqual(byName.map((c) => c.name)));
    expect(rowReads('candidates')).toBe(1);
    await archiveCandidate(db, later.id, AT);
    await waitFor(() => expect(shownNames(table)).toEqual(byName.filter((c) => c !== later).map((c) => c.name)));
  });
});
