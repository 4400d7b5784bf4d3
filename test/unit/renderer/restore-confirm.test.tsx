// @vitest-environment jsdom
/** The restore confirmation: Esc is Cancel, as in the app's dialogs (a keyboard re-test pressed it and nothing happened). */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RestoreConfirm, type Pending } from '../../../renderer/features/about/restore-confirm';

afterEach(() => cleanup());

const pending: Pending = { source: 'backup.json', from: { fileName: 'backup.json', createdAt: '2026-12-01T10:00:00.000Z', trailHead: { count: 0, hash: '', at: null } }, tables: {} as Pending['tables'], rows: [{ table: 'candidates', now: 3, backup: 2 }], databaseVersion: 1, predatesTrail: false, followed: 0, trail: null };

describe('RestoreConfirm', () => {
  it('takes the focus on its heading and cancels on Esc, but not while the restore runs', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const { rerender } = render(<RestoreConfirm pending={pending} busy={false} onRestore={() => undefined} onCancel={onCancel} />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Replace everything with backup.json?' }));
    rerender(<RestoreConfirm pending={pending} busy onRestore={() => undefined} onCancel={onCancel} />);
    await user.keyboard('{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
    rerender(<RestoreConfirm pending={pending} busy={false} onRestore={() => undefined} onCancel={onCancel} />);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
