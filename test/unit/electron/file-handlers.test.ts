import type { Dialog } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../electron/file-handlers';

/** A FIFO or folder in the fake file system: reading one would never return, like a real FIFO. */
const FIFO: unique symbol = Symbol('fifo');
const FOLDER: unique symbol = Symbol('folder');

function deps(overrides: Partial<HandlerDeps> = {}) {
  const files = new Map<string, Uint8Array | string | typeof FIFO | typeof FOLDER>();
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/u/Documents/packet.json' })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/u/bundle.json'] })),
  };
  const base: HandlerDeps = {
    dialog: dialog as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
    fs: {
      writeFile: vi.fn(async (path: string, data: string | Uint8Array) => {
        const existing = files.get(path);
        if (existing === FIFO) return new Promise<void>(() => undefined); // blocks until a reader comes: never
        if (existing === FOLDER) throw new Error('EISDIR');
        files.set(path, data);
      }),
      readFile: vi.fn(async (path: string) => {
        const data = files.get(path);
        if (data === undefined) throw new Error('ENOENT');
        if (data === FIFO) return new Promise<Uint8Array>(() => undefined); // blocks until a writer comes: never
        if (data === FOLDER) throw new Error('EISDIR');
        return typeof data === 'string' ? new TextEncoder().encode(data) : data;
      }),
      stat: vi.fn(async (path: string) => {
        const data = files.get(path);
        if (data === undefined) throw new Error('ENOENT');
        if (data === FIFO || data === FOLDER) return { size: data === FOLDER ? 4096 : 0, isFile: () => false };
        return { size: typeof data === 'string' ? new TextEncoder().encode(data).length : data.length, isFile: () => true };
      }),
    },
    getWindow: () => null,
    version: '0.1.0',
    dataFolder: '/home/u/.config/Levelset',
    platform: 'linux',
    openExternal: vi.fn(async () => undefined),
    renderPdf: vi.fn(async () => new Uint8Array()),
    backups: { write: vi.fn(async () => ({ ok: true as const, fileName: 'b.json', skipped: [] })), list: vi.fn(async () => ({ files: [], skipped: [] })), read: vi.fn(async () => '{}') },
    ...overrides,
  };
  return { handlers: createHandlers(base), files, dialog, base };
}

describe('saveFile', () => {
  it('writes the content at the path the user chose', async () => {
    const { handlers, files, dialog } = deps();
    const result = await handlers.saveFile({ suggestedName: 'packet.json', content: '{"a":1}', encoding: 'utf8', filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(result).toEqual({ canceled: false, fileName: 'packet.json' });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({ defaultPath: 'packet.json', filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(files.get('/home/u/Documents/packet.json')).toBe('{"a":1}');
  });

  it('decodes base64 content to bytes', async () => {
    const { handlers, files } = deps();
    await handlers.saveFile({ suggestedName: 'book.pdf', content: Buffer.from('%PDF-1.7').toString('base64'), encoding: 'base64', filters: [] });
    expect(Buffer.from(files.get('/home/u/Documents/packet.json') as Uint8Array).toString()).toBe('%PDF-1.7');
  });

  it('refuses to save over a FIFO or a folder, which would hang or fail', async () => {
    for (const kind of [FIFO, FOLDER] as const) {
      const { handlers, files, base } = deps();
      files.set('/home/u/Documents/packet.json', kind);
      await expect(handlers.saveFile({ suggestedName: 'packet.json', content: '{}', encoding: 'utf8', filters: [] })).rejects.toThrow('packet.json is not a regular file');
      expect(base.fs.writeFile).not.toHaveBeenCalled();
    }
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { handlers, files, dialog } = deps();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await handlers.saveFile({ suggestedName: 'a.json', content: 'x', encoding: 'utf8', filters: [] })).toEqual({ canceled: true });
    expect(files.size).toBe(0);
  });
});

describe('openFile', () => {
  it('reads the chosen text file', async () => {
    const { handlers, files } = deps();
    files.set('/home/u/bundle.json', '{"ok":true}');
    expect(await handlers.openFile({ filters: [{ name: 'Bundles', extensions: ['json'] }], maxBytes: 1000 })).toEqual({
      canceled: false,
      fileName: 'bundle.json',
      content: '{"ok":true}',
    });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const { handlers, files, base } = deps();
    files.set('/home/u/bundle.json', 'x'.repeat(2048));
    await expect(handlers.openFile({ filters: [], maxBytes: 1024 })).rejects.toThrow('bundle.json is 2 KB; the limit is 1 KB.');
    expect(base.fs.readFile).not.toHaveBeenCalled();
  });

  it('refuses a file whose type is not among the filters', async () => {
    const { handlers, dialog, files } = deps();
    files.set('/home/u/evil.exe', 'MZ');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/u/evil.exe'] });
    await expect(handlers.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes: 1000 })).rejects.toThrow(/not one of the accepted file types \(\.json\)/);
  });

  it('refuses binary content that is not UTF-8', async () => {
    const { handlers, files } = deps();
    files.set('/home/u/bundle.json', new Uint8Array([0xff, 0xfe, 0x00, 0xc3]));
    await expect(handlers.openFile({ filters: [], maxBytes: 1000 })).rejects.toThrow('not a UTF-8 text file');
  });

  it('refuses a FIFO or a folder named .json without opening it', async () => {
    for (const kind of [FIFO, FOLDER] as const) {
      const { handlers, files, base } = deps();
      files.set('/home/u/bundle.json', kind);
      await expect(handlers.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes: 1000 })).rejects.toThrow(
        'bundle.json is not a regular file (it may be a folder, pipe or device). Choose a file.',
      );
      expect(base.fs.readFile).not.toHaveBeenCalled();
    }
  });

  it('returns canceled when the user closes the dialog', async () => {
    const { handlers, dialog } = deps();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handlers.openFile({ filters: [], maxBytes: 1000 })).toEqual({ canceled: true });
  });
});

describe('appInfo and openExternal', () => {
  it('reports version and data folder', async () => {
    const { handlers } = deps();
    expect(await handlers.appInfo(undefined)).toEqual({ version: '0.1.0', dataFolder: '/home/u/.config/Levelset', platform: 'linux', shell: 'electron' });
  });

  it('opens only safe URLs', async () => {
    const { handlers, base } = deps();
    expect(await handlers.openExternal({ url: 'javascript:alert(1)' })).toEqual({ opened: false });
    expect(await handlers.openExternal({ url: 'https://example.com' })).toEqual({ opened: true });
    expect(base.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('logError', () => {
  it('writes one error line naming the route and the message, with the stack after it, to the injected log', async () => {
    const log = vi.fn();
    const { handlers } = deps({ log });
    expect(await handlers.logError({ message: 'not a date: 2026-00-15', stack: 'at quarterOf', route: 'decisions' })).toEqual({ logged: true });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('error', 'Render error in #/decisions: not a date: 2026-00-15\nat quarterOf');
  });

  it('writes to the console when main has not injected a log', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { handlers } = deps();
      await handlers.logError({ message: 'boom', route: 'print/session/s-1' });
      expect(spy).toHaveBeenCalledWith('Render error in #/print/session/s-1: boom');
    } finally {
      spy.mockRestore();
    }
  });
});
