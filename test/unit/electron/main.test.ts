/**
 * Loads the real main process entry against a mocked `electron` and checks
 * what it sets up: the single-instance lock, a sandboxed window with the
 * preload, hardening of every web contents, denied permissions, the menu
 * and the IPC channels.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';
import { FakeSession, FakeWebContents } from './fakes';

const electron = vi.hoisted(() => {
  const appHandlers = new Map<string, (...args: unknown[]) => void>();
  const windows: Array<{ options: Record<string, unknown>; loaded: string | null; webContents: unknown }> = [];
  let gotLock = true;
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  return {
    appHandlers,
    windows,
    setLock: (value: boolean) => (gotLock = value),
    ready: () => ready(),
    readyPromise,
    quit: { count: 0 },
    ipcChannels: [] as string[],
    menuTemplate: null as unknown,
    session: null as unknown,
    gotLock: () => gotLock,
  };
});

vi.mock('electron', async () => {
  const { FakeSession: Session, FakeWebContents: WebContents } = await import('./fakes');
  electron.session = new Session();
  class BrowserWindow {
    webContents = new WebContents();
    options: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      electron.windows.push({ options, loaded: null, webContents: this.webContents });
    }
    static getAllWindows() {
      return electron.windows;
    }
    loadFile(file: string) {
      electron.windows[electron.windows.length - 1]!.loaded = file;
      return Promise.resolve();
    }
    once() {}
    on() {}
    maximize() {}
    show() {}
  }
  return {
    app: {
      requestSingleInstanceLock: () => electron.gotLock(),
      quit: () => electron.quit.count++,
      on: (name: string, fn: (...args: unknown[]) => void) => electron.appHandlers.set(name, fn),
      whenReady: () => electron.readyPromise,
      getPath: () => '/tmp/levelset-test-user-data',
      getVersion: () => '9.9.9',
      getName: () => 'Levelset',
    },
    BrowserWindow,
    dialog: {},
    ipcMain: { handle: (channel: string) => electron.ipcChannels.push(channel) },
    Menu: {
      buildFromTemplate: (template: unknown) => (electron.menuTemplate = template),
      setApplicationMenu: () => undefined,
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      get defaultSession() {
        return electron.session;
      },
    },
    shell: { openExternal: vi.fn() },
  };
});

describe('main process', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('creates one hardened, sandboxed window and registers the IPC channels when ready', async () => {
    await import('../../../electron/main');
    expect(electron.appHandlers.has('second-instance')).toBe(true);
    electron.ready();
    await electron.readyPromise;
    await new Promise((r) => setTimeout(r, 0));

    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
    expect(window.loaded).toMatch(/renderer[\\/]index\.html$/);

    expect(electron.ipcChannels.sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(electron.menuTemplate).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'Go' })]));

    // Permissions are denied on the default session.
    const callback = vi.fn();
    (electron.session as FakeSession).requestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);

    // Any web contents created later is hardened too.
    const contents = new FakeWebContents();
    electron.appHandlers.get('web-contents-created')?.({}, contents);
    expect(contents.fire('will-navigate', 'https://evil.test')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.test' })).toEqual({ action: 'deny' });
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.setLock(false);
    electron.appHandlers.clear();
    const before = electron.quit.count;
    await import('../../../electron/main');
    expect(electron.quit.count).toBe(before + 1);
    expect(electron.appHandlers.has('web-contents-created')).toBe(false);
    electron.setLock(true);
  });
});
