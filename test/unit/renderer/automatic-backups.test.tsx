// @vitest-environment jsdom
/** The automatic backups list names entries it could not read, and reloads after a successful backup. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LevelsetApi } from '../../../shared/ipc/contract';
import { AutomaticBackups } from '../../../renderer/features/about/automatic-backups';
import { useBackupStatus } from '../../../renderer/state/backup-status';

afterEach(() => {
  cleanup();
  delete window.levelset;
});

describe('AutomaticBackups', () => {
  it('lists the readable backups and names the skipped entries', async () => {
    const listBackups = vi
      .fn()
      .mockResolvedValueOnce({ files: [], skipped: [{ fileName: 'levelset-backup-20261123-090000.json', reason: 'It could not be read (EACCES).' }] })
      .mockResolvedValueOnce({ files: [{ fileName: 'levelset-backup-000001-20261123-100000.json', bytes: 4096, createdAt: '2026-11-23T10:00:00.000Z' }], skipped: [] });
    window.levelset = { listBackups } as unknown as LevelsetApi;
    render(<AutomaticBackups onPick={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Skipped in the backups folder: levelset-backup-20261123-090000.json: It could not be read (EACCES).');
    expect(screen.getByText('None yet.')).toBeTruthy();

    act(() => useBackupStatus.getState().record({ ok: true, fileName: 'levelset-backup-000001-20261123-100000.json', skipped: [] }, '2026-11-23T10:00:00.000Z'));
    const restore = await screen.findByRole('button', { name: /Restore/ });
    expect(restore.closest('li')!.textContent).toContain('· 4 KB');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(listBackups).toHaveBeenCalledTimes(2);
  });
});
