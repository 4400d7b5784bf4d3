/**
 * Platform bridge: the renderer's one way to reach the desktop. In Electron
 * it is the preload's `window.levelset`; in a web page it falls back to the
 * browser (a Blob download for save, a file input for open), so the same
 * renderer runs in both.
 */
import type { SavedFile } from './saved-text';
import type { AppInfo, DataKeyResult, FileFilter, LevelsetApi, LogErrorRequest, OpenFileRequest, PrintRequest, SaveFileRequest } from '../../shared/ipc/contract';
import { PrintRequestSchema, printHash } from '../../shared/ipc/contract';
import { MAX_OPEN_FILE_BYTES } from '../../shared/ipc/contract';
import { isSafeExternalUrl } from '../../shared/util/trusted-url';

declare global {
  interface Window {
    levelset?: LevelsetApi;
  }
}

/** `viaBrowser`: the web build handed the file to the browser and cannot know it was kept (saved-text.ts). */
export type SaveResult = { canceled: true } | ({ canceled: false } & SavedFile);
export type OpenResult = { canceled: true } | { canceled: false; fileName: string; content: string };
/** A chosen file as text (the desktop's dialog sends text) or, in a browser, the File itself, so a worker can read it. */
export type OpenDataResult = { canceled: true } | { canceled: false; fileName: string; data: string | Blob };

export interface Platform {
  kind: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  openFile(request: OpenFileRequest): Promise<OpenResult>;
  /**
   * `openFile` for a large file read off the page (a bundle): a browser
   * hands back the File unread, because decoding 20 MB into a string is
   * ~0.6 s of the page's main thread (issue 13); the import worker reads it.
   */
  openFileData(request: OpenFileRequest): Promise<OpenDataResult>;
  appInfo(): Promise<AppInfo>;
  openExternal(url: string): Promise<boolean>;
  /** Electron: a PDF through printToPDF and the save dialog. Browser: the print view in a new tab, which opens the print dialog. */
  printToPdf(request: PrintRequest): Promise<SaveResult>;
  /** A render error: to the console, and in Electron to main's log file too. Never throws. */
  logError(report: LogErrorRequest): Promise<void>;
  /** The desktop's data key for encryption at rest; null in a browser, which has none. */
  dataKey(): Promise<DataKeyResult | null>;
}

/** The report within the contract's limits, so an enormous message is cut rather than refused. */
function bounded(report: LogErrorRequest): LogErrorRequest {
  return { message: report.message.slice(0, 2_000), route: report.route.slice(0, 500), ...(report.stack ? { stack: report.stack.slice(0, 10_000) } : {}) };
}

function logToConsole(report: LogErrorRequest): void {
  console.error(`Levelset could not show #/${report.route}: ${report.message}`, report.stack ?? '');
}

function electronPlatform(api: LevelsetApi): Platform {
  return {
    kind: 'electron',
    saveFile: (request) => api.saveFile(request),
    openFile: (request) => api.openFile(request),
    async openFileData(request) {
      const result = await api.openFile(request);
      return result.canceled ? result : { canceled: false, fileName: result.fileName, data: result.content };
    },
    appInfo: () => api.appInfo(undefined),
    openExternal: async (url) => (await api.openExternal({ url })).opened,
    printToPdf: (request) => api.printToPdf(request),
    dataKey: () => api.dataKey(undefined),
    async logError(report) {
      logToConsole(report);
      // A failed log call must not start a second error: the console line above already holds it.
      await api.logError(bounded(report)).catch(() => undefined);
    },
  };
}

function acceptAttribute(filters: FileFilter[] | undefined): string {
  return (filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The browser's file input: the chosen File, unread (refused above the size limit). */
function chooseFile(request: OpenFileRequest): Promise<{ canceled: true } | { canceled: false; fileName: string; data: Blob }> {
  const maxBytes = request.maxBytes ?? MAX_OPEN_FILE_BYTES;
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptAttribute(request.filters);
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve({ canceled: true });
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve({ canceled: true });
      if (file.size > maxBytes) {
        return reject(new Error(`${file.name} is ${(file.size / 1_048_576).toFixed(1)} MB; the limit is ${(maxBytes / 1_048_576).toFixed(0)} MB.`));
      }
      resolve({ canceled: false, fileName: file.name, data: file });
    });
    document.body.appendChild(input);
    input.click();
  });
}

export const browserPlatform: Platform = {
  kind: 'browser',
  async saveFile(request) {
    const body = request.encoding === 'base64' ? base64ToBytes(request.content) : request.content;
    const url = URL.createObjectURL(new Blob([body]));
    try {
      const a = document.createElement('a');
      a.href = url;
      a.download = request.suggestedName;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } finally {
      // Revoke after the click has been handled by the browser.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    return { canceled: false, fileName: request.suggestedName, viaBrowser: 'download' };
  },
  async openFile(request) {
    const chosen = await chooseFile(request);
    return chosen.canceled ? chosen : { canceled: false, fileName: chosen.fileName, content: await chosen.data.text() };
  },
  openFileData: (request) => chooseFile(request),
  async appInfo() {
    return {
      version: import.meta.env.VITE_APP_VERSION ?? 'dev',
      dataFolder: 'This browser profile (IndexedDB for this site)',
      platform: navigator.platform || 'web',
      shell: 'browser',
    };
  },
  async openExternal(url) {
    if (!isSafeExternalUrl(url)) return false;
    window.open(url, '_blank', 'noopener,noreferrer');
    return true;
  },
  async printToPdf(request) {
    const parsed = PrintRequestSchema.parse(request);
    window.open(`${window.location.pathname}${window.location.search}#${printHash(parsed)}/auto`, '_blank', 'noopener');
    return { canceled: false, fileName: parsed.suggestedName, viaBrowser: 'print' };
  },
  async dataKey() {
    return null;
  },
  async logError(report) {
    // A browser has no log file: the console is where a developer looks.
    logToConsole(report);
  },
};

export function getPlatform(): Platform {
  return typeof window !== 'undefined' && window.levelset ? electronPlatform(window.levelset) : browserPlatform;
}
