/**
 * File and app-info handlers behind the IPC contract: native save and open
 * dialogs, with a size limit on open and the user's choice of path being the
 * only path ever written or read. Only regular files are read or replaced:
 * a folder, pipe (FIFO), socket or device is refused after a stat and before
 * anything opens it, because opening a FIFO named bundle.json would wait for
 * a writer forever.
 */
import type { BrowserWindow, Dialog } from 'electron';
import type { DataKeyResult, IpcHandlers } from '../shared/ipc/contract';
import type { BackupService } from './backup-service';
import { isSafeExternalUrl } from '../shared/util/trusted-url';

export interface FileSystem {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  /** Follows symlinks (like fs.promises.stat): a link to a regular file is fine. */
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
}

export interface HandlerDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  fs: FileSystem;
  getWindow: () => BrowserWindow | null;
  version: string;
  dataFolder: string;
  platform: string;
  openExternal: (url: string) => Promise<void>;
  /** Renders the print view for a request to PDF bytes (electron/print.ts). */
  renderPdf: (request: { view: 'session' | 'decision' | 'packet'; ids: string[] }) => Promise<Uint8Array>;
  /** Automatic backups in the data folder (electron/backup-service.ts); write resolves to a typed success or failure. */
  backups: BackupService;
  /** The per-install data key (electron/data-key.ts); without it the app stores data unencrypted and says so. */
  dataKey?: () => Promise<DataKeyResult>;
  /** Writes a line to main's log; main passes its rotating log file, the default is the console. */
  log?: (level: LogLevel, message: string) => void;
}

export type LogLevel = 'error' | 'warn' | 'info';

function consoleLog(level: LogLevel, message: string): void {
  console[level](message);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function notRegularFile(path: string): Error {
  return new Error(`${baseName(path)} is not a regular file (it may be a folder, pipe or device). Choose a file.`);
}

/** Refuses an existing target that is not a regular file; a new file is fine. */
async function assertWritableTarget(fs: FileSystem, path: string): Promise<void> {
  let stats: { isFile(): boolean } | null = null;
  try {
    stats = await fs.stat(path);
  } catch {
    stats = null; // does not exist yet
  }
  if (stats && !stats.isFile()) throw notRegularFile(path);
}

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    async saveFile(request) {
      const win = deps.getWindow();
      const options = { defaultPath: request.suggestedName, filters: request.filters };
      const result = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { canceled: true };
      const data = request.encoding === 'base64' ? Buffer.from(request.content, 'base64') : request.content;
      await assertWritableTarget(deps.fs, result.filePath);
      await deps.fs.writeFile(result.filePath, data);
      return { canceled: false, fileName: baseName(result.filePath) };
    },
    async openFile(request) {
      const win = deps.getWindow();
      const options = { properties: ['openFile' as const], filters: request.filters };
      const result = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      const path = result.filePaths[0];
      if (result.canceled || !path) return { canceled: true };
      const allowed = request.filters.flatMap((f) => f.extensions.map((e) => e.toLowerCase()));
      const ext = baseName(path).split('.').pop()?.toLowerCase() ?? '';
      if (allowed.length > 0 && !allowed.includes('*') && !allowed.includes(ext)) {
        throw new Error(`${baseName(path)} is not one of the accepted file types (${allowed.map((e) => '.' + e).join(', ')}).`);
      }
      const stats = await deps.fs.stat(path);
      if (!stats.isFile()) throw notRegularFile(path);
      const { size } = stats;
      if (size > request.maxBytes) {
        throw new Error(`${baseName(path)} is ${formatBytes(size)}; the limit is ${formatBytes(request.maxBytes)}.`);
      }
      const bytes = await deps.fs.readFile(path);
      let content: string;
      try {
        content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new Error(`${baseName(path)} is not a UTF-8 text file.`);
      }
      return { canceled: false, fileName: baseName(path), content };
    },
    async appInfo() {
      return { version: deps.version, dataFolder: deps.dataFolder, platform: deps.platform, shell: 'electron' };
    },
    async printToPdf(request) {
      const pdf = await deps.renderPdf(request);
      const win = deps.getWindow();
      const options = { defaultPath: request.suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const result = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { canceled: true };
      await assertWritableTarget(deps.fs, result.filePath);
      await deps.fs.writeFile(result.filePath, pdf);
      return { canceled: false, fileName: baseName(result.filePath) };
    },
    async writeAutoBackup(request) {
      return deps.backups.write(request);
    },
    async listBackups() {
      return deps.backups.list();
    },
    async readBackup(request) {
      return { content: await deps.backups.read(request.fileName) };
    },
    async logError(request) {
      // One entry per render error: where it happened, what, and the stack on the lines after.
      const log = deps.log ?? consoleLog;
      log('error', `Render error in #/${request.route}: ${request.message}${request.stack ? `\n${request.stack}` : ''}`);
      return { logged: true };
    },
    async dataKey() {
      // The key itself is never logged; only the app window may ask (ipc-sender.ts checks every call).
      return deps.dataKey ? deps.dataKey() : { status: 'unavailable', reason: 'this build does not encrypt data at rest.' };
    },
    async openExternal(request) {
      if (!isSafeExternalUrl(request.url)) return { opened: false };
      await deps.openExternal(request.url);
      return { opened: true };
    },
  };
}
