// @vitest-environment jsdom
/**
 * After a bundle's rows have committed, the import still applies a connected
 * cycle's session events that waited for them (import-flow.ts, retryWaiting).
 * If that second step fails (the disk filled up, say), the bundle WAS
 * imported: the person must read that, and what failed, not "Nothing was
 * imported; the database is as it was", which the import used to say.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { verifyAudit } from '../../../renderer/db/audit';
import { useBundleImport } from '../../../renderer/features/packets/bundle-import';
import { useUiStore } from '../../../renderer/state/ui-store';

const AT = '2026-11-20T12:00:00.000Z';

let openText: (name: string, text: string) => void = () => {};
function Page() {
  const importer = useBundleImport();
  openText = importer.openText;
  return <main>{importer.panel}</main>;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('an import whose rows committed but whose waiting session events could not be applied', { timeout: 60_000 }, () => {
  it('says the bundle was imported and what failed, and the rows are stored', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 12, seed: 3 });
    const text = await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets }, { createdAt: AT, appVersion: 'test' });
    useUiStore.getState().clearStatus();
    render(<Page />);
    act(() => openText('laptop.levelset.json', text));
    const importButton = await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 });
    // Only the step after the write reads the connected state's `applied` table.
    vi.spyOn(db.applied, 'where').mockImplementation(() => {
      throw new Error('The disk is full');
    });
    await userEvent.click(importButton);
    // The import ends either way: with a status, or with the panel that says it failed.
    await waitFor(() => expect(useUiStore.getState().status !== null || screen.queryByText(/Nothing was imported/) !== null).toBe(true), { timeout: 30_000 });
    expect(screen.queryByText(/Nothing was imported/)).toBeNull();
    const status = useUiStore.getState().status?.text ?? '';
    expect(status).toMatch(/^Imported/);
    expect(status).toContain('Could not apply the session events that waited for these records: The disk is full.');
    expect(status).not.toContain('Nothing was imported');
    expect(await db.candidates.count()).toBe(12);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
