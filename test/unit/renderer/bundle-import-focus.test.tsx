// @vitest-environment jsdom
/**
 * When a bundle import ends (imported, or its preview cancelled), the panel
 * that held the focus goes away: the focus goes back to "Import bundle…", as
 * the export panel's does to its button (components/use-focus-back.ts). It
 * fell to the page. The Packets page then draws the button anew when the
 * import brought its first cycle (its list, after a loading state, where the
 * empty page was): the new button takes the focus.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { useBundleImport } from '../../../renderer/features/packets/bundle-import';

const AT = '2026-11-20T12:00:00.000Z';
let text = '';

let openText: (name: string, text: string) => void = () => {};
/** `listed`: drawn as PacketsView draws a cycle's list, where the page without a cycle has the button in another place. */
function Page({ listed = false }: { listed?: boolean }) {
  const importer = useBundleImport();
  openText = importer.openText;
  return (
    <main>
      {listed ? <div className="detail-actions">{importer.button}</div> : <header>{importer.button}</header>}
      {importer.panel}
      <input aria-label="Search packets" />
    </main>
  );
}

const importButton = () => screen.getByRole('button', { name: 'Import bundle…' });

beforeAll(async () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 6, seed: 4 });
  text = await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets }, { createdAt: AT, appVersion: 'test' });
});
beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => cleanup());

describe('the focus when a bundle import ends', { timeout: 60_000 }, () => {
  it('goes back to Import bundle… once the bundle is imported, and to the new button when the page draws it anew', async () => {
    const { rerender } = render(<Page />);
    act(() => openText('laptop.levelset.json', text));
    const importing = await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 });
    await userEvent.click(importing);
    await waitFor(() => expect(document.querySelector('.import-panel')).toBeNull(), { timeout: 30_000 });
    expect(await db.cycles.count()).toBe(1);
    expect(document.activeElement).toBe(importButton());
    // The Packets page shows the imported cycle's list (after a loading state): its button is a new element.
    rerender(<Page listed />);
    expect(document.activeElement).toBe(importButton());
    // Once the person has moved on (to the search, then out of it), drawing the button anew does not take the focus.
    const search = screen.getByRole('textbox', { name: 'Search packets' });
    search.focus();
    search.blur();
    rerender(<Page />);
    expect(document.activeElement).toBe(document.body);
  });

  it('goes back to Import bundle… when the preview is cancelled', async () => {
    render(<Page />);
    act(() => openText('laptop.levelset.json', text));
    await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 });
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(importButton());
    expect(await db.cycles.count()).toBe(0);
  });
});
