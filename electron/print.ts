/**
 * PDF export: a hidden, hardened window loads the renderer's print view for
 * the requested session, decision or packet, waits until the view says it
 * is drawn, and prints it with Chromium's printToPDF (the same pipeline the
 * browser tests check with page.pdf). It loads from app:// like the main
 * window (same origin, so the same IndexedDB; the CSP arrives as a header)
 * and has the same preload: with encryption at rest the print view needs the
 * data key to read the database, so main lets this window's IPC calls
 * through while it lives (`track`).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { printHash, type PrintRequest } from '../shared/ipc/contract';
import { secureWebPreferences } from './window-security';
import { appUrl } from './app-protocol';

export const PRINT_READY_TIMEOUT_MS = 30_000;

/**
 * What the print view says about itself: ready, nothing to print, failed
 * (its error boundary showed and set data-print-failed to the message), or
 * still drawing. A failed view never becomes ready, so it is reported at once
 * instead of after the timeout.
 */
const PRINT_STATE_SCRIPT = `(() => {
  const root = document.documentElement;
  const failed = root.getAttribute('data-print-failed');
  if (failed !== null) return 'failed:' + failed;
  return root.getAttribute('data-print-ready') === 'true' ? 'ready' : document.querySelector('.print-missing') ? 'missing' : 'wait';
})()`;

const DOCUMENT_NAME = { session: 'The decision book', decision: 'The decision', packet: 'The packet' } as const;

/** The renderer's message as one short line: it comes from another process, so its length and shape are not trusted. */
function failedMessage(raw: string): string {
  const line = raw.replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim() || 'an unexpected error';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export interface PrintDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  sleep?: (ms: number) => Promise<void>;
  /** The preload the app windows use (the data key for encryption at rest comes through it). */
  preload?: string;
  /** Registers the print window as one of the app's windows for the IPC sender check; returns its removal. */
  track?: (win: BrowserWindow) => () => void;
}

export async function renderPdf(deps: PrintDeps, request: Pick<PrintRequest, 'view' | 'ids'>): Promise<Uint8Array> {
  const win = deps.createWindow({ show: false, width: 1024, height: 1400, webPreferences: secureWebPreferences(deps.preload) });
  const untrack = deps.track?.(win) ?? (() => undefined);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  try {
    await win.loadURL(appUrl('index.html', printHash(request)));
    const started = Date.now();
    for (;;) {
      const result: unknown = await win.webContents.executeJavaScript(PRINT_STATE_SCRIPT);
      const state = typeof result === 'string' ? result : 'wait';
      if (state === 'ready') break;
      if (state.startsWith('failed:')) {
        throw new Error(`${DOCUMENT_NAME[request.view]} could not be drawn: ${failedMessage(state.slice('failed:'.length))}. Open it in Levelset to see which part failed.`);
      }
      if (state === 'missing') throw new Error('There is nothing to print for that item; it may have been removed.');
      if (Date.now() - started > PRINT_READY_TIMEOUT_MS) throw new Error('The document took too long to prepare. Try again.');
      await sleep(100);
    }
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    untrack();
    if (!win.isDestroyed()) win.destroy();
  }
}
