import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, registerIpcHandlers } from '../../../electron/ipc-handlers';
import { IPC_CHANNELS } from '../../../shared/ipc/channels';
import type { IpcHandlers } from '../../../shared/ipc/contract';

function fakeHandlers(): IpcHandlers {
  return {
    saveFile: vi.fn(async () => ({ canceled: false as const, fileName: 'x.json' })),
    openFile: vi.fn(async () => ({ canceled: true as const })),
    appInfo: vi.fn(async () => ({ version: '1.0.0', dataFolder: '/data', platform: 'linux', shell: 'electron' as const })),
    openExternal: vi.fn(async () => ({ opened: true })),
    printToPdf: vi.fn(async () => ({ canceled: true as const })),
    writeAutoBackup: vi.fn(async () => ({ ok: true as const, fileName: 'b.json', skipped: [] })),
    listBackups: vi.fn(async () => ({ files: [], skipped: [] })),
    readBackup: vi.fn(async () => ({ content: '{}' })),
    logError: vi.fn(async () => ({ logged: true })),
    dataKey: vi.fn(async () => ({ status: 'unavailable' as const, reason: 'no keychain' })),
  };
}

describe('dispatch validates every payload before a handler runs', () => {
  it.each([
    ['saveFile', null],
    ['saveFile', 'a string'],
    ['saveFile', { content: 'x' }],
    ['saveFile', { suggestedName: '../../etc/passwd', content: 'x' }],
    ['saveFile', { suggestedName: 'a/b.json', content: 'x' }],
    ['saveFile', { suggestedName: 'ok.json', content: 42 }],
    ['saveFile', { suggestedName: 'ok.json', content: 'x', encoding: 'utf16' }],
    ['saveFile', { suggestedName: 'ok.json', content: 'x', filters: [{ name: 'JSON', extensions: ['js;rm -rf'] }] }],
    ['openFile', { maxBytes: -1 }],
    ['openFile', { maxBytes: 10 ** 12 }],
    ['openFile', { filters: 'json' }],
    ['appInfo', { extra: true }],
    ['openExternal', {}],
    ['openExternal', { url: 42 }],
    ['readBackup', { fileName: '../../etc/passwd' }],
    ['readBackup', { fileName: 'levelset-backup-20261123-100000.json/../x' }],
    ['writeAutoBackup', { content: 42 }],
    ['writeAutoBackup', { content: '{"a":1}', failure: 'both at once' }],
    ['writeAutoBackup', { failure: '' }],
    ['logError', { message: 'x' }],
    ['logError', { message: 42, route: 'decisions' }],
    ['logError', { message: 'x'.repeat(2_001), route: 'decisions' }],
    ['logError', { message: 'x', stack: 's'.repeat(10_001), route: 'decisions' }],
    ['logError', { message: 'x', route: 'r'.repeat(501) }],
  ] as const)('%s refuses %j', async (method, payload) => {
    const handlers = fakeHandlers();
    const result = await dispatch(method, payload, handlers);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^Invalid request for ${method}: .+`));
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it('passes a valid request, with defaults filled in, to the handler', async () => {
    const handlers = fakeHandlers();
    const result = await dispatch('saveFile', { suggestedName: 'packet.json', content: '{}' }, handlers);
    expect(result).toEqual({ ok: true, value: { canceled: false, fileName: 'x.json' } });
    expect(handlers.saveFile).toHaveBeenCalledWith({ suggestedName: 'packet.json', content: '{}', encoding: 'utf8', filters: [] });
  });

  it('passes a render-error report at the limits to the handler', async () => {
    const handlers = fakeHandlers();
    const report = { message: 'm'.repeat(2_000), stack: 's'.repeat(10_000), route: 'print/session/s-1' };
    expect(await dispatch('logError', report, handlers)).toEqual({ ok: true, value: { logged: true } });
    expect(handlers.logError).toHaveBeenCalledWith(report);
  });

  it('turns a handler failure into an error envelope', async () => {
    const handlers = fakeHandlers();
    handlers.openFile = vi.fn(async () => {
      throw new Error('big.json is 80.0 MB; the limit is 50.0 MB.');
    });
    expect(await dispatch('openFile', {}, handlers)).toEqual({ ok: false, error: 'big.json is 80.0 MB; the limit is 50.0 MB.' });
  });
});

describe('registerIpcHandlers', () => {
  it('registers one handler per contract channel and refuses untrusted senders', async () => {
    const registered = new Map<string, (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, fn: (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>) => registered.set(channel, fn) };
    const handlers = fakeHandlers();
    registerIpcHandlers(ipcMain as unknown as IpcMain, handlers, (event) => event.senderFrame?.url.startsWith('file:///app/') ?? false);
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());

    const appInfo = registered.get(IPC_CHANNELS.appInfo)!;
    const trusted = { senderFrame: { url: 'file:///app/index.html' } } as unknown as IpcMainInvokeEvent;
    const untrusted = { senderFrame: { url: 'https://evil.test/' } } as unknown as IpcMainInvokeEvent;
    expect(await appInfo(trusted, undefined)).toMatchObject({ ok: true, value: { version: '1.0.0' } });
    expect(await appInfo(untrusted, undefined)).toEqual({ ok: false, error: 'Refused: the request did not come from Levelset.' });
    expect(handlers.appInfo).toHaveBeenCalledTimes(1);
  });
});
