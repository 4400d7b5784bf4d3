// @vitest-environment jsdom
/**
 * After the desktop database moved to app:// (a new, empty IndexedDB), the
 * first-run screen offers the newest valid automatic backup, asks, and
 * restores it through the restore command. Backups come from a fake desktop
 * bridge; the database is fake-indexeddb.
 */
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { LevelsetApi } from '../../../shared/ipc/contract';
import { db, LevelsetDatabase } from '../../../renderer/db/database';
import { exportBackup } from '../../../renderer/db/backup';
import { findRestorableBackup } from '../../../renderer/db/recovery';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { ProfileStep } from '../../../renderer/features/first-run/profile-step';
import { formatInstant } from '../../../renderer/components/dates';

configure({ asyncUtilTimeout: 5000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const OLD = 'levelset-backup-000001-20261120-090000.json';
const NEW = 'levelset-backup-000002-20261121-090000.json';
const NEWEST = 'levelset-backup-000003-20261122-090000.json';
let valid = '';

beforeAll(async () => {
  // The install's data, as its automatic backups hold it.
  const source = new LevelsetDatabase('first-run-restore-source');
  await source.open();
  await loadSampleCycle(source, sample);
  valid = await exportBackup(source, { createdAt: '2026-11-21T09:00:00.000Z', appVersion: 'test' });
  await source.delete();
});

function fakeApi(files: Record<string, string>): Pick<LevelsetApi, 'listBackups' | 'readBackup'> {
  const createdAt: Record<string, string> = { [OLD]: '2026-11-20T09:00:00.000Z', [NEW]: '2026-11-21T09:00:00.000Z', [NEWEST]: '2026-11-22T09:00:00.000Z' };
  return {
    listBackups: vi.fn(async () => ({ files: Object.keys(files).map((fileName) => ({ fileName, bytes: files[fileName]!.length, createdAt: createdAt[fileName]! })), skipped: [] })),
    readBackup: vi.fn(async ({ fileName }: { fileName: string }) => ({ content: files[fileName]! })),
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => {
  cleanup();
  delete (window as { levelset?: unknown }).levelset;
});
afterAll(async () => db.delete());

describe('finding a backup to restore on an empty database', () => {
  it('offers the newest backup that opens, passing over a damaged newer one', async () => {
    const damaged = valid.replace('"candidates"', '"candidatez"');
    const found = await findRestorableBackup(db, fakeApi({ [OLD]: valid, [NEW]: valid, [NEWEST]: damaged }));
    expect(found?.fileName).toBe(NEW);
    expect(found?.tables.candidates).toHaveLength(3);
  });

  it('offers nothing when the database already holds data, or there is no valid backup', async () => {
    expect(await findRestorableBackup(db, fakeApi({}))).toBeNull();
    expect(await findRestorableBackup(db, fakeApi({ [NEWEST]: 'not json' }))).toBeNull();
    await loadSampleCycle(db, sample);
    const api = fakeApi({ [NEW]: valid });
    expect(await findRestorableBackup(db, api)).toBeNull();
    expect(api.readBackup).not.toHaveBeenCalled();
  });
});

describe('the first-run screen', { timeout: 30_000 }, () => {
  it('offers the restore first, asks, and restores the data', async () => {
    (window as { levelset?: unknown }).levelset = fakeApi({ [OLD]: valid, [NEW]: valid });
    const user = userEvent.setup();
    render(<ProfileStep />);
    const offer = await screen.findByRole('button', { name: /^Restore your data from the automatic backup of / });
    expect(offer.textContent).toContain(formatInstant('2026-11-21T09:00:00.000Z'));
    await user.click(offer);
    // Nothing is replaced before the confirmation; Cancel gives the offer back.
    const confirm = screen.getByRole('group', { name: 'Confirm the restore' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await db.candidates.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: /^Restore your data from the automatic backup of / }));
    await user.click(screen.getByRole('button', { name: 'Restore the backup' }));
    await vi.waitFor(async () => expect(await db.candidates.count()).toBe(3));
    expect((await db.cycles.toArray()).map((c) => c.id)).toEqual([sample.cycle.id]);
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: /^Restore your data/ })).toBeNull());
    // The profile step stays: who uses this machine is asked here, not taken from the backup.
    expect(screen.getByRole('heading', { name: 'Who is using Levelset?' })).toBeTruthy();
  });

  it('moves the focus into the confirmation, and back to the offer on Cancel (it fell to the page both times)', async () => {
    (window as { levelset?: unknown }).levelset = fakeApi({ [NEW]: valid });
    const user = userEvent.setup();
    render(<ProfileStep />);
    await user.click(await screen.findByRole('button', { name: /^Restore your data from the automatic backup of / }));
    const confirm = screen.getByRole('group', { name: 'Confirm the restore' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Restore the backup' }));
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Restore your data from the automatic backup of / }));
    // And by keyboard: Enter on the offer, then Tab to Cancel and Enter.
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore the backup' }));
    await user.tab();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Restore your data from the automatic backup of / }));
    expect(await db.candidates.count()).toBe(0);
  });

  it('moves the focus to the step’s question once restored (the confirmation’s button held it, and went)', async () => {
    (window as { levelset?: unknown }).levelset = fakeApi({ [NEW]: valid });
    const user = userEvent.setup();
    render(<ProfileStep />);
    await user.click(await screen.findByRole('button', { name: /^Restore your data from the automatic backup of / }));
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(screen.queryByRole('group', { name: 'Confirm the restore' })).toBeNull());
    expect(await db.candidates.count()).toBe(3);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Who is using Levelset?' }));
    // The next Tab goes to the question's first field.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Your name' }));
  });

  it('offers the restore as a secondary button: Continue is the step’s one primary action (the offer was primary too)', async () => {
    (window as { levelset?: unknown }).levelset = fakeApi({ [NEW]: valid });
    render(<ProfileStep />);
    const offer = await screen.findByRole('button', { name: /^Restore your data from the automatic backup of / });
    expect(offer.className).toContain('button-secondary');
    expect([...document.querySelectorAll('.button-primary')].map((b) => b.textContent)).toEqual(['Continue']);
  });

  it('shows no offer in a browser (no desktop bridge)', async () => {
    render(<ProfileStep />);
    await screen.findByRole('heading', { name: 'Who is using Levelset?' });
    expect(screen.queryByRole('button', { name: /^Restore your data/ })).toBeNull();
  });
});
