// @vitest-environment jsdom
/**
 * A bundle opened from the chair's committee inbox (connected mode, on the
 * Packets page) runs through the same import as a file. When that import
 * ends, the focus goes back to the inbox's Open… it was started from; it went
 * to "Import bundle…" in the page header, away from the list the chair was
 * working through. If the list was drawn anew meanwhile (Check for new
 * packets), it goes to Check for new packets. The connection and the inbox's
 * read from the server are stood in for; the import is the real one.
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { IncomingBundle } from '../../../renderer/connected/inbox-chunks';
import { db } from '../../../renderer/db/database';
import { useBundleImport } from '../../../renderer/features/packets/bundle-import';
import { CommitteeInbox } from '../../../renderer/features/connected/committee-inbox';

vi.mock('../../../renderer/db/connection-hook', () => ({ useConnection: () => ({ identity: { role: 'chair' } }) }));
const inbox = vi.hoisted(() => ({ bundles: [] as IncomingBundle[] }));
vi.mock('../../../renderer/connected/inbox', () => ({ readCommitteeInbox: async () => inbox.bundles }));

const AT = '2026-11-20T12:00:00.000Z';

/** Wired as PacketsView wires them: the import's button in the header, its panel, then the inbox. */
function Page() {
  const importer = useBundleImport();
  return (
    <main>
      <header>{importer.button}</header>
      {importer.panel}
      <CommitteeInbox cycleId="cycle-1" onOpen={importer.openText} />
    </main>
  );
}

const openFromMia = () => screen.getByRole('button', { name: 'Open the bundle from Mia Chen' });

beforeAll(async () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 6, seed: 4 });
  const text = await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets }, { createdAt: AT, appVersion: 'test' });
  inbox.bundles = [
    { key: 'mia.b1', managerId: 'mia', sender: 'Mia Chen', packets: sample.packets.length, bytes: text.length, receivedAt: AT, text },
    { key: 'max.b2', managerId: 'max', sender: 'Max Ortiz', packets: sample.packets.length, bytes: text.length, receivedAt: AT, text },
  ];
});
beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => cleanup());

describe('the focus when an import started from the committee inbox ends', { timeout: 60_000 }, () => {
  it('goes back to the bundle’s Open… when the preview is cancelled, and when the bundle is imported', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(await screen.findByRole('button', { name: 'Open the bundle from Mia Chen' }));
    await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(openFromMia());
    expect(await db.cycles.count()).toBe(0);

    await user.click(openFromMia());
    await user.click(await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 }));
    await waitFor(() => expect(document.querySelector('.import-panel')).toBeNull(), { timeout: 30_000 });
    expect(await db.cycles.count()).toBe(1);
    expect(document.activeElement).toBe(openFromMia());
  });

  it('goes to Check for new packets when the list was drawn anew meanwhile', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(await screen.findByRole('button', { name: 'Open the bundle from Mia Chen' }));
    await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 });
    const check = screen.getByRole('button', { name: 'Check for new packets' });
    await user.click(check);
    await screen.findByRole('button', { name: 'Open the bundle from Mia Chen' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(check);
  });

  it('still goes back to Import bundle… for a bundle opened without a place to go back to', async () => {
    let openText: (name: string, text: string) => void = () => {};
    function FilePage() {
      const importer = useBundleImport();
      openText = importer.openText;
      return (
        <main>
          {importer.button}
          {importer.panel}
        </main>
      );
    }
    render(<FilePage />);
    act(() => openText('laptop.levelset.json', inbox.bundles[0]!.text));
    await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 });
    await userEvent.click(within(document.querySelector('.import-panel') as HTMLElement).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import bundle…' }));
  });
});
