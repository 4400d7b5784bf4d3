/**
 * Main process entry: wires Electron to the small modules that do the work.
 * Order matters: the app:// scheme is registered as privileged before
 * 'ready'; the log and the global error handlers come first so nothing is
 * swallowed; windows come from app-lifecycle, which gives every window the
 * same handlers.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell } from 'electron';
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
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appUrl, createAppProtocolHandler } from './app-protocol';
import { createSenderCheck } from './ipc-sender';
import { createBackupRequests, createLifecycle } from './app-lifecycle';
import { describeError, initLog, log } from './log';
import { createBackupUnsealer, createDataKeyProvider } from './data-key';

const rendererRoot = path.join(__dirname, '..', 'renderer');

// Must happen before 'ready': app:// is a standard, secure origin (IndexedDB, relative URLs).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

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
  await fs.writeFile(stateFile(), JSON.stringify(state), 'utf8');
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
  win.loadURL(appUrl()).catch((error: unknown) => log('error', `The window could not load: ${describeError(error)}`));
  return win;
}

function backupDir(): string {
  return path.join(app.getPath('userData'), 'backups');
}

/** Hidden print windows while they render a PDF: app windows too for the IPC sender check (their print view asks for the data key). */
const printWindows = new Set<BrowserWindow>();
const backupRequests = createBackupRequests(BACKUP_REQUEST_EVENT);

const lifecycle = createLifecycle<BrowserWindow>({
  app,
  createWindow: createMainWindow,
  saveWindowState,
  requestBackup: (win, timeoutMs) => backupRequests.request(win, timeoutMs),
  askReload: async (win) => {
    const { response } = await dialog.showMessageBox(win, {
      type: 'error',
      message: 'Levelset stopped unexpectedly.',
      detail: 'Your saved work is kept. Reload to continue; the details are in levelset.log in the data folder.',
      buttons: ['Reload', 'Close'],
      defaultId: 0,
      cancelId: 1,
    });
    return response === 0;
  },
  log,
  platform: process.platform,
});

function navigate(hash: string): void {
  lifecycle.mainWindow()?.webContents.send('levelset:navigate', hash);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Errors anywhere in main are logged, never silently lost (the app keeps running, as Electron's default does).
  process.on('uncaughtException', (error) => log('error', `Uncaught exception: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => log('error', `Unhandled rejection: ${describeError(reason)}`));
  lifecycle.install();

  // Every web contents, including ones created later (print windows), is hardened.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url) });
  });

  void app.whenReady().then(() => {
    initLog({ dir: app.getPath('userData') });
    log('info', `Levelset ${app.getVersion()} started on ${process.platform}`);
    denyAllPermissions(session.defaultSession);
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler(rendererRoot, { stat: (file) => fs.stat(file), readFile: (file) => fs.readFile(file) }),
    );
    const dataKey = createDataKeyProvider({ dir: app.getPath('userData'), safeStorage, platform: process.platform });
    const backups = createBackupService({
      dir: backupDir,
      unseal: createBackupUnsealer(dataKey),
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
        getWindow: () => lifecycle.mainWindow(),
        version: app.getVersion(),
        dataFolder: app.getPath('userData'),
        platform: process.platform,
        openExternal: (url) => shell.openExternal(url),
        log,
        dataKey,
        renderPdf: (request) =>
          renderPdf(
            {
              createWindow: (options) => new BrowserWindow(options),
              preload: path.join(__dirname, 'preload.cjs'),
              track: (win) => {
                printWindows.add(win);
                return () => printWindows.delete(win);
              },
            },
            request,
          ),
        backups: {
          ...backups,
          write: async (request) => {
            const result = await backups.write(request);
            backupRequests.written();
            return result;
          },
        },
      }),
      createSenderCheck(() => [...lifecycle.liveWindows(), ...printWindows].filter((w) => !w.isDestroyed()).map((w) => w.webContents)),
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', appName: app.getName(), navigate })),
    );
    lifecycle.start();
  });

  // A backup on a timer, kept rotating in the data folder.
  setInterval(() => {
    const win = lifecycle.mainWindow();
    if (win) void backupRequests.request(win, 60_000);
  }, BACKUP_INTERVAL_MS).unref();
}
