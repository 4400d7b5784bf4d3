/**
 * Window lifecycle: every app window, the first and any later one (macOS
 * dock `activate`, a `second-instance` launch after the window was closed),
 * goes through attachWindowHandlers, so each gets the same close handling
 * (window state saved, a backup before it closes), crash recovery and
 * preload error logging. Electron is injected so the unit tests drive a fake
 * that emits real window events.
 */
import type { LogLevel } from './log';

/** An event listener as Electron's typings declare them (each event has its own arguments). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** The parts of BrowserWindow this module uses. */
export interface AppWindow {
  on(event: string, listener: Listener): unknown;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  destroy(): void;
  webContents: {
    on(event: string, listener: Listener): unknown;
    send(channel: string, ...args: unknown[]): void;
    reload(): void;
  };
}

export interface RendererGoneDetails {
  reason: string;
  exitCode?: number;
}

export interface LifecycleDeps<W extends AppWindow> {
  app: { on(event: string, listener: Listener): unknown; quit(): void };
  /** Creates and loads one app window (main.ts: BrowserWindow + app:// URL). */
  createWindow: () => W;
  saveWindowState: (win: W) => Promise<void>;
  /** Asks the window's renderer for a backup; resolves when written or after the timeout. */
  requestBackup: (win: W, timeoutMs: number) => Promise<void>;
  /** Asks whether to reload after the renderer died; resolves true for Reload. */
  askReload: (win: W, details: RendererGoneDetails) => Promise<boolean>;
  log: (level: LogLevel, message: string) => void;
  platform: string;
}

export const CLOSE_BACKUP_TIMEOUT_MS = 5_000;

export function createLifecycle<W extends AppWindow>(deps: LifecycleDeps<W>) {
  const windows: W[] = [];
  /** Windows whose closing backup is done (or under way): they close without asking again. */
  const closing = new WeakMap<W, 'backing-up' | 'done'>();
  let quitBackupDone = false;
  let ready = false;

  function liveWindows(): W[] {
    return windows.filter((w) => !w.isDestroyed());
  }

  /** Every handler every app window needs; called for each window exactly once. */
  function attachWindowHandlers(win: W): void {
    win.on('close', (event: { preventDefault(): void }) => {
      const state = closing.get(win);
      // The window's size and place are kept however it closes, quitting included (once per window).
      if (state === undefined) {
        void deps.saveWindowState(win).catch((error: unknown) => deps.log('warn', `Window state not saved: ${String(error)}`));
      }
      if (state === 'done' || quitBackupDone) {
        closing.set(win, 'done');
        return;
      }
      // Wait for the backup before letting the window go; a second click while waiting does nothing new.
      event.preventDefault();
      if (state === 'backing-up') return;
      closing.set(win, 'backing-up');
      void deps
        .requestBackup(win, CLOSE_BACKUP_TIMEOUT_MS)
        .catch((error: unknown) => deps.log('error', `Backup before close failed: ${String(error)}`))
        .finally(() => {
          closing.set(win, 'done');
          if (!win.isDestroyed()) win.destroy();
        });
    });
    win.on('closed', () => {
      const index = windows.indexOf(win);
      if (index >= 0) windows.splice(index, 1);
    });
    win.webContents.on('render-process-gone', (_event: unknown, details: RendererGoneDetails) => {
      if (details.reason === 'clean-exit') return;
      deps.log('error', `Renderer process gone: ${details.reason} (exit code ${details.exitCode ?? 'unknown'})`);
      if (win.isDestroyed()) return;
      void deps
        .askReload(win, details)
        .then((reload) => {
          if (reload && !win.isDestroyed()) win.webContents.reload();
        })
        .catch((error: unknown) => deps.log('error', `Reload dialog failed: ${String(error)}`));
    });
    win.webContents.on('preload-error', (_event: unknown, preloadPath: string, error: Error) => {
      deps.log('error', `Preload ${preloadPath} failed: ${error?.stack ?? String(error)}`);
    });
  }

  function openWindow(): W {
    const win = deps.createWindow();
    windows.push(win);
    attachWindowHandlers(win);
    return win;
  }

  /** The window dialogs and menu commands belong to: the first live one. */
  function mainWindow(): W | null {
    return liveWindows()[0] ?? null;
  }

  /** Brings a live window forward, or opens a new one when every window is gone. */
  function showWindow(): W | null {
    if (!ready) return null; // whenReady opens the first window
    const win = mainWindow();
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
    return win;
  }

  /** Registers the app-level events; call once, before ready. */
  function install(): void {
    deps.app.on('second-instance', () => void showWindow());
    // macOS: clicking the dock icon with no window open opens one, with every handler.
    deps.app.on('activate', () => {
      if (ready && liveWindows().length === 0) openWindow();
    });
    deps.app.on('window-all-closed', () => {
      if (deps.platform !== 'darwin') deps.app.quit();
    });
    // Quitting (menu, Cmd+Q) asks the first live window for a backup once, then quits for real.
    deps.app.on('before-quit', (event: { preventDefault(): void }) => {
      const win = mainWindow();
      if (quitBackupDone || !win || closing.get(win) !== undefined) return;
      event.preventDefault();
      quitBackupDone = true;
      void deps
        .requestBackup(win, CLOSE_BACKUP_TIMEOUT_MS)
        .catch((error: unknown) => deps.log('error', `Backup before quit failed: ${String(error)}`))
        .finally(() => deps.app.quit());
    });
  }

  /** Called once the app is ready: opens the first window. */
  function start(): W {
    ready = true;
    return openWindow();
  }

  return { install, start, openWindow, showWindow, mainWindow, liveWindows };
}

/**
 * Pending "send me a backup" requests: main asks a renderer, and the
 * renderer's writeAutoBackup call (or the timeout) ends the wait.
 */
export function createBackupRequests(channel: string) {
  const pending = new Set<() => void>();
  return {
    request(win: AppWindow, timeoutMs: number): Promise<void> {
      return new Promise((resolve) => {
        if (win.isDestroyed()) return resolve();
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          pending.delete(done);
          resolve();
        }
        pending.add(done);
        win.webContents.send(channel);
      });
    },
    /** A backup was written: every wait ends. */
    written(): void {
      for (const done of [...pending]) done();
    },
  };
}
