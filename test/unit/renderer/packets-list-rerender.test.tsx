// @vitest-environment jsdom
/**
 * The Packets list after a bundle import (issue 13): the list re-reads its
 * rows, but only the rows whose packet, candidate or readiness changed
 * render again; before, every row rendered again after each import, so a
 * chair importing 30 bundles waited longer each time. A row's render is
 * counted by the link it builds (hrefFor('packets', candidateId)).
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { useUiStore } from '../../../renderer/state/ui-store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBundle, createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { hrefFor } from '../../../renderer/app/routes';
import { bundleContentFor, importBundle } from '../../../renderer/db/bundles';
import { db, LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { PacketsView } from '../../../renderer/features/packets/packets-view';

vi.mock('../../../renderer/app/routes', async (importOriginal) => {
  const routes = await importOriginal<typeof import('../../../renderer/app/routes')>();
  return { ...routes, hrefFor: vi.fn(routes.hrefFor) };
});

configure({ asyncUtilTimeout: 5000 });
const AT = '2026-11-20T12:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { seed: 31, candidates: 12 });
const source = new LevelsetDatabase('rerender-source');

async function bundleOf(packetIds: string[]) {
  const opened = await openBundle(await createBundle(await bundleContentFor(source, sample.cycle.id, packetIds), { createdAt: AT, appVersion: 'test' }));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.content;
}

/** Renders of each candidate's row since the last clear. */
function rowRenders(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [page, id] of vi.mocked(hrefFor).mock.calls) if (page === 'packets' && id) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

beforeEach(async () => {
  // The Packets list's filters live in the UI store (kept across visits); each test starts from none.
  useUiStore.setState({ packetLists: {} });
  window.location.hash = '#/packets';
  await Promise.all([db.delete(), source.delete()]);
  await Promise.all([db.open(), source.open()]);
  await loadSampleCycle(source, sample, AT);
});
afterEach(() => cleanup());

describe('Packets list after an import', { timeout: 30_000 }, () => {
  it('renders again only the row the bundle added', async () => {
    const [last, ...rest] = [...sample.packets].reverse();
    await importBundle(db, await bundleOf(rest.map((p) => p.id)), AT);
    render(<PacketsView />);
    const table = await screen.findByRole('table', { name: /^Packets in / });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(rest.length + 1));
    const shownBefore = within(table).getAllByRole('row').length;

    vi.mocked(hrefFor).mockClear();
    await importBundle(db, await bundleOf([last!.id]), AT);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(shownBefore + 1));
    const renders = rowRenders();
    expect(renders.get(last!.candidateId)).toBeGreaterThanOrEqual(1);
    // The rows already shown did not render again.
    expect([...renders.keys()]).toEqual([last!.candidateId]);
  });
});
