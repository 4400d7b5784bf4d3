/**
 * Loads the real main process entry against a fake `electron` whose windows
 * and app emit events, and checks what it sets up: the single-instance lock,
 * the privileged app:// scheme and its handler, a sandboxed window loaded
 * from app://, hardening of every web contents, denied permissions, the
 * menu, the IPC channels with the sender check, and the lifecycle wiring.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';
import { STRICT_CSP } from '../../../shared/security/csp';
import { FakeWebContents, type FakeApp, type FakeBrowserWindow, type FakeSession } from './fakes';

const electron = vi.hoisted(() => {
  let gotLock = true;
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  return {
    app: null as unknown as FakeApp,
    /** Every window main created (the mock module may load its own copy of ./fakes, so the list lives here). */
    windows: [] as FakeBrowserWindow[],
    live: () => electron.windows.filter((w) => !w.isDestroyed()),
    setLock: (value: boolean) => (gotLock = value),
    ready: () => ready(),
    readyPromise,
    ipc: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    menuTemplate: null as unknown,
    session: null as unknown,
    gotLock: () => gotLock,
    /** The data folder (a fresh temporary one): the log, window state and backups land here. */
    userData: '',
  };
});

vi.mock('electron', async () => {
  const fakes = await import('./fakes');
  electron.session = new fakes.FakeSession();
  const app = Object.assign(new fakes.FakeApp(), {
    requestSingleInstanceLock: () => electron.gotLock(),
    whenReady: () => electron.readyPromise,
    getPath: () => electron.userData,
    getVersion: () => '9.9.9',
    getName: () => 'Levelset',
  });
  electron.app = app;
  class BrowserWindow extends fakes.FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      electron.windows.push(this);
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
    ipcMain: { handle: (channel: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => electron.ipc.set(channel, fn) },
    Menu: {
      buildFromTemplate: (template: unknown) => (electron.menuTemplate = template),
      setApplicationMenu: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => electron.schemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => electron.protocolHandlers.set(scheme, fn),
    },
    // No keychain here: the data key is asked for lazily and answers "unavailable".
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      get defaultSession() {
        return electron.session;
      },
    },
    shell: { openExternal: vi.fn() },
  };
});

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('main process', () => {
  const listenersBefore = { exception: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
  beforeAll(() => {
    electron.userData = mkdtempSync(path.join(tmpdir(), 'levelset-main-test-'));
  });
  afterAll(() => rmSync(electron.userData, { recursive: true, force: true }));
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    // main installs global error handlers; the test runner keeps its own.
    for (const l of process.listeners('uncaughtException')) if (!listenersBefore.exception.includes(l)) process.off('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection')) if (!listenersBefore.rejection.includes(l)) process.off('unhandledRejection', l);
  });

  it('serves the renderer from app:// with the CSP header, in one hardened window, and answers IPC only from it', async () => {
    await import('../../../electron/main');
    expect(electron.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(electron.app.listenerCount('second-instance')).toBe(1);
    expect(process.listeners('uncaughtException').length).toBeGreaterThan(listenersBefore.exception.length);
    electron.ready();
    await electron.readyPromise;
    await flush();

    const windows = electron.live();
    expect(windows).toHaveLength(1);
    const window = windows[0]!;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
    expect(window.loadedUrl).toBe('app://levelset/index.html');

    // The protocol handler never serves outside the renderer folder, and always sends the CSP.
    const handle = electron.protocolHandlers.get('app')!;
    const outside = await handle(new Request('app://levelset/%2e%2e/%2e%2e/%2e%2e/package.json'));
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-security-policy')).toBe(STRICT_CSP);

    expect([...electron.ipc.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const appInfo = electron.ipc.get(IPC_CHANNELS.appInfo)!;
    const frame = { url: 'app://levelset/index.html#/about', parent: null };
    expect(await appInfo({ sender: window.webContents, senderFrame: frame }, undefined)).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    expect(await appInfo({ sender: new FakeWebContents(), senderFrame: frame }, undefined)).toMatchObject({ ok: false });
    expect(await appInfo({ sender: window.webContents, senderFrame: { ...frame, url: 'app://levelset.evil/index.html' } }, undefined)).toMatchObject({ ok: false });

    expect(electron.menuTemplate).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'Go' })]));

    // Permissions are denied on the default session.
    const callback = vi.fn();
    (electron.session as FakeSession).requestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);

    // Any web contents created later is hardened too.
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://evil.test')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.test' })).toEqual({ action: 'deny' });

    // Closing asks the renderer for a backup; a written backup lets the window go.
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.webContents.sent).toContainEqual(['levelset:backup-request', undefined]);
    // A window reopened on macOS is a new app window: IPC from it is accepted, from the closed one not.
    const writeBackup = electron.ipc.get(IPC_CHANNELS.writeAutoBackup)!;
    void writeBackup({ sender: window.webContents, senderFrame: frame }, { content: '{"format":"test"}' });
    // Written or refused, the window goes (at the latest after the 5 s backup wait); the limit only catches a hang.
    await vi.waitFor(() => expect(window.isDestroyed()).toBe(true), { timeout: 15_000 });
    expect(JSON.parse(readFileSync(path.join(electron.userData, 'window-state.json'), 'utf8'))).toMatchObject({ width: 1200, height: 700 });
    expect(readFileSync(path.join(electron.userData, 'levelset.log'), 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO Levelset 9\.9\.9 started/);
    electron.app.fire('activate');
    const reopened = electron.live()[0]!;
    expect(reopened).not.toBe(window);
    expect(reopened.loadedUrl).toBe('app://levelset/index.html');
    expect(await appInfo({ sender: reopened.webContents, senderFrame: frame }, undefined)).toMatchObject({ ok: true });
    expect(await appInfo({ sender: window.webContents, senderFrame: frame }, undefined)).toMatchObject({ ok: false });
  });

  it('quits at once when another instance holds the lock', async () => {
    electron.setLock(false);
    electron.app.removeAllListeners();
    const before = electron.app.quits;
    await import('../../../electron/main');
    expect(electron.app.quits).toBe(before + 1);
    expect(electron.app.listenerCount('web-contents-created')).toBe(0);
    electron.setLock(true);
  });
});
