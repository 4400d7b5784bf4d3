/**
 * PDF export: a hidden, hardened window loads the renderer's print view for
 * the requested session, decision or packet, waits until the view says it
 * is drawn, and prints it with Chromium's printToPDF (the same pipeline the
 * browser tests check with page.pdf). The window has no preload: the print
 * view only reads the local database. It loads from app:// like the main
 * window (same origin, so the same IndexedDB; the CSP arrives as a header).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { printHash, type PrintRequest } from '../shared/ipc/contract';
import { secureWebPreferences } from './window-security';
import { appUrl } from './app-protocol';

export const PRINT_READY_TIMEOUT_MS = 30_000;

export interface PrintDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  sleep?: (ms: number) => Promise<void>;
}

export async function renderPdf(deps: PrintDeps, request: Pick<PrintRequest, 'view' | 'ids'>): Promise<Uint8Array> {
  const win = deps.createWindow({ show: false, width: 1024, height: 1400, webPreferences: secureWebPreferences() });
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  try {
    await win.loadURL(appUrl('index.html', printHash(request)));
    const started = Date.now();
    for (;;) {
      const state = (await win.webContents.executeJavaScript(
        "document.documentElement.getAttribute('data-print-ready') === 'true' ? 'ready' : document.querySelector('.print-missing') ? 'missing' : 'wait'",
      )) as string;
      if (state === 'ready') break;
      if (state === 'missing') throw new Error('There is nothing to print for that item; it may have been removed.');
      if (Date.now() - started > PRINT_READY_TIMEOUT_MS) throw new Error('The document took too long to prepare. Try again.');
      await sleep(100);
    }
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}
