// @vitest-environment jsdom
/** A failed automatic backup stays on screen, in words, until a backup succeeds; "Back up now" tries again. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutoBackupResult, LevelsetApi } from '../../../shared/ipc/contract';
import { StatusLine } from '../../../renderer/app/status-line';
import { runAutoBackup } from '../../../renderer/platform/auto-backup';
import { useBackupStatus } from '../../../renderer/state/backup-status';

const DISK_FULL = 'The disk is full: the automatic backup could not be written. Free some space; Levelset will try again.';
const failedAt = new Date(2026, 10, 23, 9, 7); // local time 09:07

function fakeApi(results: AutoBackupResult[]) {
  const writeAutoBackup = vi.fn(async () => results.shift() ?? { ok: true as const, fileName: 'levelset-backup-000002-20261123-091000.json', skipped: [] });
  const api = { writeAutoBackup } as unknown as LevelsetApi;
  window.levelset = api;
  return { api, writeAutoBackup };
}

beforeEach(() => useBackupStatus.setState({ failure: null, lastSuccess: null, running: false }));
afterEach(() => {
  cleanup();
  delete window.levelset;
});

describe('the failed-backup notice', () => {
  it('says what failed and when, stays until a backup succeeds, and offers to back up now', async () => {
    const { api, writeAutoBackup } = fakeApi([{ ok: false, reason: 'disk-full', message: DISK_FULL }]);
    render(<StatusLine />);
    expect(screen.queryByRole('alert')).toBeNull();

    await act(() => runAutoBackup(api, async () => '{"backup":1}', () => failedAt));
    expect(writeAutoBackup).toHaveBeenCalledWith({ content: '{"backup":1}' });
    expect(screen.getByRole('alert').textContent).toBe(`Automatic backup failed at 09:07: ${DISK_FULL}Back up now`);

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(writeAutoBackup).toHaveBeenCalledTimes(2);
    expect(useBackupStatus.getState().lastSuccess).not.toBeNull();
  });

  it('reports a backup the app could not make to main, and shows why', async () => {
    const { api, writeAutoBackup } = fakeApi([{ ok: false, reason: 'other', message: 'The automatic backup could not be made: Some saved data is not valid.' }]);
    render(<StatusLine />);
    const broken = Object.assign(new Error('Some saved data is not valid.'), { name: 'BackupContentError' });
    await act(() => runAutoBackup(api, async () => Promise.reject(broken), () => failedAt));
    expect(writeAutoBackup).toHaveBeenCalledWith({ failure: 'Some saved data is not valid.' });
    expect(screen.getByRole('alert').textContent).toContain('Automatic backup failed at 09:07: The automatic backup could not be made: Some saved data is not valid.');
  });

  it('shows a failure even when main cannot be reached', async () => {
    const api = { writeAutoBackup: vi.fn(async () => Promise.reject(new Error('channel closed'))) } as unknown as LevelsetApi;
    render(<StatusLine />);
    await act(() => runAutoBackup(api, async () => '{}', () => failedAt));
    expect(screen.getByRole('alert').textContent).toContain('The automatic backup could not be written (channel closed).');
  });
});
