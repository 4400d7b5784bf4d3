/**
 * The window lifecycle driven through a fake Electron whose windows and app
 * emit the real events: every window, first or reopened, gets the same
 * close, backup and crash handling.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBackupRequests, createLifecycle } from '../../../electron/app-lifecycle';
import { FakeApp, FakeBrowserWindow } from './fakes';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(platform = 'darwin') {
  const app = new FakeApp();
  const created: FakeBrowserWindow[] = [];
  const deps = {
    app,
    createWindow: vi.fn(() => {
      const win = new FakeBrowserWindow();
      created.push(win);
      return win;
    }),
    saveWindowState: vi.fn(async (win: FakeBrowserWindow) => void win.getNormalBounds()),
    requestBackup: vi.fn(async () => undefined),
    askReload: vi.fn(async () => true),
    log: vi.fn(),
    platform,
  };
  const lifecycle = createLifecycle(deps);
  lifecycle.install();
  return { app, created, deps, lifecycle };
}

describe('app lifecycle', () => {
  it('closing a window saves its state and asks for a backup once, then lets it close', async () => {
    const { created, deps, lifecycle } = setup();
    const win = lifecycle.start();
    win.close();
    win.close(); // a second click while the backup is written changes nothing
    expect(win.isDestroyed()).toBe(false);
    expect(deps.saveWindowState).toHaveBeenCalledTimes(1);
    expect(deps.requestBackup).toHaveBeenCalledTimes(1);
    expect(deps.requestBackup).toHaveBeenCalledWith(win, 5_000);
    await flush();
    expect(win.isDestroyed()).toBe(true);
    expect(lifecycle.liveWindows()).toEqual([]);
    expect(created).toHaveLength(1);
  });

  it('a window reopened from the dock (activate) gets the same close and backup handling', async () => {
    const { app, created, deps, lifecycle } = setup('darwin');
    lifecycle.start().close();
    await flush();
    expect(app.quits).toBe(0); // macOS keeps the app running with no window
    app.fire('window-all-closed');
    expect(app.quits).toBe(0);

    app.fire('activate');
    expect(created).toHaveLength(2);
    const reopened = created[1]!;
    reopened.close();
    expect(deps.saveWindowState).toHaveBeenLastCalledWith(reopened);
    expect(deps.requestBackup).toHaveBeenLastCalledWith(reopened, 5_000);
    await flush();
    expect(reopened.isDestroyed()).toBe(true);

    // activate with a window open opens no second one
    app.fire('activate');
    app.fire('activate');
    expect(created).toHaveLength(3);
  });

  it('a second launch after the window was closed opens a new window without touching the destroyed one', async () => {
    const { app, created, lifecycle } = setup('darwin');
    const first = lifecycle.start();
    first.close();
    await flush();
    expect(first.isDestroyed()).toBe(true);
    expect(() => app.fire('second-instance')).not.toThrow();
    expect(created).toHaveLength(2);
    expect(lifecycle.mainWindow()).toBe(created[1]);
  });

  it('a second launch with a minimised window restores and focuses it', () => {
    const { app, created, lifecycle } = setup();
    const win = lifecycle.start();
    win.minimized = true;
    app.fire('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
    expect(created).toHaveLength(1);
  });

  it('a second launch before ready does nothing (whenReady opens the first window)', () => {
    const { app, created } = setup();
    app.fire('second-instance');
    app.fire('activate');
    expect(created).toHaveLength(0);
  });

  it('quits on other platforms when the last window is closed', () => {
    const { app } = setup('linux');
    app.fire('window-all-closed');
    expect(app.quits).toBe(1);
  });

  it('quitting asks for one backup first, then windows close without asking again', async () => {
    const { app, deps, lifecycle } = setup();
    const win = lifecycle.start();
    expect(app.fire('before-quit')).toBe(true);
    await flush();
    expect(app.quits).toBe(1);
    expect(app.fire('before-quit')).toBe(false); // the real quit goes through
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(deps.requestBackup).toHaveBeenCalledTimes(1);
    // The window's size and place are still saved when it closes because the app quits.
    expect(deps.saveWindowState).toHaveBeenCalledWith(win);
  });

  it('a crashed renderer is logged and offered a reload, in every window', async () => {
    const { app, created, deps, lifecycle } = setup();
    lifecycle.start().close();
    await flush();
    app.fire('activate');
    const win = created[1]!;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await flush();
    expect(deps.log).toHaveBeenCalledWith('error', 'Renderer process gone: crashed (exit code 139)');
    expect(deps.askReload).toHaveBeenCalledWith(win, { reason: 'crashed', exitCode: 139 });
    expect(win.webContents.reloads).toBe(1);

    deps.askReload.mockResolvedValueOnce(false);
    win.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    await flush();
    expect(win.webContents.reloads).toBe(1);

    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(deps.askReload).toHaveBeenCalledTimes(2);
  });

  it('logs preload errors', () => {
    const { deps, lifecycle } = setup();
    const win = lifecycle.start();
    win.webContents.emit('preload-error', {}, '/app/preload.cjs', new Error('boom'));
    expect(deps.log).toHaveBeenCalledWith('error', expect.stringContaining('Preload /app/preload.cjs failed: Error: boom'));
  });

  it('a failed backup before close is logged and the window still closes', async () => {
    const { deps, lifecycle } = setup();
    deps.requestBackup.mockRejectedValueOnce(new Error('disk full'));
    const win = lifecycle.start();
    win.close();
    await flush();
    expect(win.isDestroyed()).toBe(true);
    expect(deps.log).toHaveBeenCalledWith('error', 'Backup before close failed: Error: disk full');
  });
});

describe('backup requests', () => {
  it('sends the request to the window and ends the wait when a backup is written', async () => {
    const requests = createBackupRequests('levelset:backup-request');
    const win = new FakeBrowserWindow();
    let done = false;
    const wait = requests.request(win, 60_000).then(() => (done = true));
    expect(win.webContents.sent).toEqual([['levelset:backup-request', undefined]]);
    await flush();
    expect(done).toBe(false);
    requests.written();
    await wait;
    expect(done).toBe(true);
  });

  it('ends the wait after the timeout when no backup comes, and at once for a destroyed window', async () => {
    vi.useFakeTimers();
    try {
      const requests = createBackupRequests('c');
      const win = new FakeBrowserWindow();
      const wait = requests.request(win, 5_000);
      await vi.advanceTimersByTimeAsync(5_000);
      await expect(wait).resolves.toBeUndefined();
      win.destroy();
      await expect(requests.request(win, 5_000)).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
