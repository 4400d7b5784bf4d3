import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_REQUEST_EVENT, IPC_CHANNELS } from '../../../shared/ipc/channels';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(),
  listeners: new Map<string, (...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, fn: (...args: unknown[]) => void) => bridge.listeners.set(channel, fn),
  },
}));

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    bridge.exposed.clear();
    await import('../../../electron/preload');
  });

  it('exposes only the named contract functions, never ipcRenderer', () => {
    const api = bridge.exposed.get('levelset') as Record<string, unknown>;
    expect([...bridge.exposed.keys()]).toEqual(['levelset']);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(IPC_CHANNELS), 'onBackupRequest'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(bridge.invoke);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
  });

  it('invokes the contract channel and unwraps the envelope', async () => {
    const api = bridge.exposed.get('levelset') as { appInfo: (r: unknown) => Promise<unknown>; saveFile: (r: unknown) => Promise<unknown> };
    bridge.invoke.mockResolvedValueOnce({ ok: true, value: { version: '1' } });
    await expect(api.appInfo(undefined)).resolves.toEqual({ version: '1' });
    expect(bridge.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.appInfo, undefined);

    bridge.invoke.mockResolvedValueOnce({ ok: false, error: 'Invalid request for saveFile: content: expected string' });
    await expect(api.saveFile({})).rejects.toThrow('Invalid request for saveFile: content: expected string');
  });

  it('applies only app-internal navigation hashes from the menu', () => {
    const page = { location: { hash: '' } };
    vi.stubGlobal('location', page.location);
    const listener = bridge.listeners.get('levelset:navigate')!;
    listener({}, '#/candidates');
    expect(page.location.hash).toBe('#/candidates');
    listener({}, 'javascript:alert(1)');
    listener({}, 'https://evil.test');
    expect(page.location.hash).toBe('#/candidates');
    vi.unstubAllGlobals();
  });

  it('sends a failed automatic backup to main\'s log instead of dropping it', async () => {
    const api = bridge.exposed.get('levelset') as { onBackupRequest: (run: () => Promise<void>) => () => void };
    api.onBackupRequest(() => Promise.reject(new Error('The disk is full.')));
    bridge.invoke.mockReset();
    bridge.invoke.mockResolvedValue({ ok: true, value: { logged: true } });
    bridge.listeners.get(BACKUP_REQUEST_EVENT)!({});
    await vi.waitFor(() => expect(bridge.invoke).toHaveBeenCalled());
    expect(bridge.invoke).toHaveBeenCalledWith(
      IPC_CHANNELS.logError,
      expect.objectContaining({ message: 'The disk is full.', route: 'automatic-backup' }),
    );
  });

  it('drops a failed log call for a failed backup without an unhandled rejection', async () => {
    const api = bridge.exposed.get('levelset') as { onBackupRequest: (run: () => Promise<void>) => () => void };
    api.onBackupRequest(() => Promise.reject('not an Error'));
    bridge.invoke.mockReset();
    bridge.invoke.mockRejectedValue(new Error('main is gone'));
    bridge.listeners.get(BACKUP_REQUEST_EVENT)!({});
    await vi.waitFor(() => expect(bridge.invoke).toHaveBeenCalledWith(IPC_CHANNELS.logError, expect.objectContaining({ message: 'not an Error' })));
  });
});
