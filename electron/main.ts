/**
 * Main process entry: single-instance lock, the hardened main window with its
 * remembered bounds, the application menu and the IPC handlers. Small on
 * purpose; each concern lives in its own module.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, screen, session, shell } from 'electron';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHandlers } from './file-handlers';
import { registerIpcHandlers } from './ipc-handlers';
import { renderPdf } from './print';
import { BACKUP_INTERVAL_MS, removeStalePartials } from './backups';
import { createBackupService } from './backup-service';
import { BACKUP_REQUEST_EVENT } from '../shared/ipc/channels';
import { buildMenuTemplate } from './menu';
import { denyAllPermissions, hardenWebContents, secureWebPreferences } from './window-security';
import { parseWindowState, type WindowState } from './window-state';

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrlPrefix = new URL(`file://${path.join(__dirname, '..', 'renderer')}/`).href;
let mainWindow: BrowserWindow | null = null;

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function readWindowState(): WindowState {
  let text: string | null = null;
  try {
    text = readFileSync(stateFile(), 'utf8');
  } catch {
    text = null;
  }
  return parseWindowState(text, screen.getAllDisplays().map((d) => d.workArea));
}

async function saveWindowState(win: BrowserWindow): Promise<void> {
  const bounds = win.getNormalBounds();
  const state: WindowState = { ...bounds, maximized: win.isMaximized() };
  await fs.writeFile(stateFile(), JSON.stringify(state), 'utf8').catch(() => undefined);
}

function createMainWindow(): BrowserWindow {
  const state = readWindowState();
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Levelset',
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => void saveWindowState(win));
  void win.loadFile(rendererIndex);
  return win;
}

function backupDir(): string {
  return path.join(app.getPath('userData'), 'backups');
}

/** Resolves the pending "backup before quit" wait when the renderer has written its backup. */
let backupWritten: (() => void) | null = null;
/** Set once the closing backup has been asked for, so closing is delayed only once. */
let backedUpForQuit = false;

/** Asks the renderer for a backup and waits (up to a limit) until it is written. */
function requestBackup(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!mainWindow || mainWindow.isDestroyed()) return resolve();
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      backupWritten = null;
      resolve();
    }
    backupWritten = done;
    mainWindow.webContents.send(BACKUP_REQUEST_EVENT);
  });
}

function navigate(hash: string): void {
  mainWindow?.webContents.send('levelset:navigate', hash);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, including ones created later (print windows), is hardened.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url) });
  });

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    const backups = createBackupService({
      dir: backupDir,
      now: () => new Date(),
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
    });
    // Partial files left by a crash or a full disk are removed at start (and before each write).
    void removeStalePartials(backupDir(), new Date());
    registerIpcHandlers(
      ipcMain,
      createHandlers({
        dialog,
        fs: { writeFile: (p, d) => fs.writeFile(p, d), readFile: (p) => fs.readFile(p), stat: (p) => fs.stat(p) },
        getWindow: () => mainWindow,
        version: app.getVersion(),
        dataFolder: app.getPath('userData'),
        platform: process.platform,
        openExternal: (url) => shell.openExternal(url),
        renderPdf: (request) => renderPdf({ createWindow: (options) => new BrowserWindow(options), rendererIndex }, request),
        backups: {
          ...backups,
          write: async (request) => {
            const result = await backups.write(request);
            backupWritten?.();
            return result;
          },
        },
      }),
      (event) => (event.senderFrame?.url ?? '').startsWith(rendererUrlPrefix),
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', appName: app.getName(), navigate })),
    );
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    mainWindow.on('close', (event) => {
      if (backedUpForQuit) return;
      event.preventDefault();
      backedUpForQuit = true;
      void requestBackup(5_000).finally(() => mainWindow?.destroy());
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  // A backup on a timer and one before quitting, kept rotating in the data folder.
  setInterval(() => void requestBackup(60_000), BACKUP_INTERVAL_MS).unref();
  app.on('before-quit', (event) => {
    if (backedUpForQuit || !mainWindow || mainWindow.isDestroyed()) return;
    event.preventDefault();
    backedUpForQuit = true;
    void requestBackup(5_000).finally(() => app.quit());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
