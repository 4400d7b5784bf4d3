import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { renderPdf } from '../../../electron/print';
import { dispatch } from '../../../electron/ipc-handlers';
import { createHandlers } from '../../../electron/file-handlers';

function fakeWindow(states: string[]) {
  const calls: { options?: BrowserWindowConstructorOptions; loaded?: string; destroyed: boolean } = { destroyed: false };
  const win = {
    loadURL: vi.fn(async (url: string) => void (calls.loaded = url)),
    webContents: {
      executeJavaScript: vi.fn(async (_script: string) => states.shift() ?? 'wait'),
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
    },
    isDestroyed: () => calls.destroyed,
    destroy: () => void (calls.destroyed = true),
  };
  const createWindow = (options: BrowserWindowConstructorOptions) => {
    calls.options = options;
    return win as unknown as BrowserWindow;
  };
  return { win, calls, createWindow };
}

describe('renderPdf', () => {
  it('gives the print window the app preload and counts it as an app window only while it prints (the print view needs the data key)', async () => {
    const { calls, createWindow } = fakeWindow(['ready']);
    const tracked = new Set<BrowserWindow>();
    const seen: number[] = [];
    const track = (w: BrowserWindow) => {
      tracked.add(w);
      seen.push(tracked.size);
      return () => tracked.delete(w);
    };
    await renderPdf({ createWindow, sleep: async () => undefined, preload: '/app/preload.cjs', track }, { view: 'session', ids: ['s-1'] });
    expect(calls.options?.webPreferences).toMatchObject({ preload: '/app/preload.cjs', sandbox: true, contextIsolation: true });
    expect(seen).toEqual([1]);
    expect(tracked.size).toBe(0);
    expect(calls.destroyed).toBe(true);
  });

  it('loads the print view from app:// in a hidden sandboxed window, waits until ready, prints A4 and closes the window', async () => {
    const { win, calls, createWindow } = fakeWindow(['wait', 'wait', 'ready']);
    const pdf = await renderPdf({ createWindow, sleep: async () => undefined }, { view: 'session', ids: ['s-1'] });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    expect(calls.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(calls.options?.webPreferences?.preload).toBeUndefined();
    // Same app:// origin as the main window, so it reads the same database and gets the CSP header.
    expect(calls.loaded).toBe('app://levelset/index.html#/print/session/s-1');
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(calls.destroyed).toBe(true);
  });

  it('fails at once with the message when the print view showed its error boundary, instead of waiting for the timeout', async () => {
    const { win, calls, createWindow } = fakeWindow(['wait', 'failed:not a date: 2026-00-15.']);
    const sleep = vi.fn(async () => undefined);
    await expect(renderPdf({ createWindow, sleep }, { view: 'session', ids: ['s-1'] })).rejects.toThrow(
      'The decision book could not be drawn: not a date: 2026-00-15. Open it in Levelset to see which part failed.',
    );
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
    expect(calls.destroyed).toBe(true);
  });

  it('reads the failure from the page\'s data-print-failed attribute, and cuts a long message short', async () => {
    const { win, createWindow } = fakeWindow([]);
    // Runs the real script against a stand-in document, as the window would.
    const attributes = new Map<string, string>([['data-print-failed', `${'x'.repeat(5_000)}\nat stack line`]]);
    const document = { documentElement: { getAttribute: (name: string) => attributes.get(name) ?? null }, querySelector: () => null };
    win.webContents.executeJavaScript.mockImplementation(async (script: string) => new Function('document', `return ${script}`)(document) as string);
    const error = await renderPdf({ createWindow, sleep: async () => undefined }, { view: 'packet', ids: ['p-1'] }).catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(/^The packet could not be drawn: x{199}…\. Open it in Levelset/);
    expect((error as Error).message.length).toBeLessThan(300);
    // Without the attribute, the same script still says ready.
    attributes.clear();
    attributes.set('data-print-ready', 'true');
    await expect(renderPdf({ createWindow, sleep: async () => undefined }, { view: 'packet', ids: ['p-1'] })).resolves.toBeInstanceOf(Uint8Array);
  });

  it('reports a missing item and still closes the window', async () => {
    const { calls, createWindow } = fakeWindow(['missing']);
    await expect(renderPdf({ createWindow, sleep: async () => undefined }, { view: 'packet', ids: ['gone'] })).rejects.toThrow('nothing to print');
    expect(calls.destroyed).toBe(true);
  });
});

describe('printToPdf over IPC', () => {
  const deps = () => ({
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/book.pdf' })), showOpenDialog: vi.fn() },
    fs: { writeFile: vi.fn(async () => undefined), readFile: vi.fn(), stat: vi.fn() },
    getWindow: () => null,
    version: '1',
    dataFolder: '/d',
    platform: 'linux',
    openExternal: vi.fn(),
    renderPdf: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
    backups: { write: vi.fn(), list: vi.fn(), read: vi.fn() },
  });

  it('refuses ids that could change the route, before rendering anything', async () => {
    const d = deps();
    const handlers = createHandlers(d as never);
    for (const ids of [['../../etc'], ['a/b'], ['x?y'], ['#/frameworks'], [], ['a', 'b', 'c']]) {
      const result = await dispatch('printToPdf', { view: 'session', ids, suggestedName: 'book.pdf' }, handlers);
      expect(result.ok).toBe(false);
    }
    expect((await dispatch('printToPdf', { view: 'settings', ids: ['a'], suggestedName: 'book.pdf' }, handlers)).ok).toBe(false);
    expect(d.renderPdf).not.toHaveBeenCalled();
  });

  it('renders, asks where to save and writes the PDF bytes', async () => {
    const d = deps();
    const result = await dispatch('printToPdf', { view: 'decision', ids: ['s-1', 'c-1'], suggestedName: 'decision.pdf' }, createHandlers(d as never));
    expect(result).toEqual({ ok: true, value: { canceled: false, fileName: 'book.pdf' } });
    expect(d.renderPdf).toHaveBeenCalledWith({ view: 'decision', ids: ['s-1', 'c-1'], suggestedName: 'decision.pdf' });
    expect(d.fs.writeFile).toHaveBeenCalledWith('/home/u/book.pdf', new Uint8Array([37, 80, 68, 70]));
  });
});
