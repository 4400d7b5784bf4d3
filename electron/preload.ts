/**
 * Preload: the renderer's only door to the desktop. Exposes `window.levelset`
 * with one named function per contract method; the raw ipcRenderer never
 * crosses the context bridge. Runs sandboxed, so it imports only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BACKUP_REQUEST_EVENT, IPC_CHANNELS, type IpcMethod, type IpcResult } from '../shared/ipc/channels';
import type { LevelsetApi } from '../shared/ipc/contract';
import { errorMessage } from '../shared/util/error-message';

async function call(method: IpcMethod, request: unknown): Promise<unknown> {
  const result = (await ipcRenderer.invoke(IPC_CHANNELS[method], request)) as IpcResult<unknown>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function buildApi(): LevelsetApi {
  return {
    saveFile: (request) => call('saveFile', request) as ReturnType<LevelsetApi['saveFile']>,
    openFile: (request) => call('openFile', request) as ReturnType<LevelsetApi['openFile']>,
    appInfo: (request) => call('appInfo', request) as ReturnType<LevelsetApi['appInfo']>,
    openExternal: (request) => call('openExternal', request) as ReturnType<LevelsetApi['openExternal']>,
    printToPdf: (request) => call('printToPdf', request) as ReturnType<LevelsetApi['printToPdf']>,
    writeAutoBackup: (request) => call('writeAutoBackup', request) as ReturnType<LevelsetApi['writeAutoBackup']>,
    listBackups: (request) => call('listBackups', request) as ReturnType<LevelsetApi['listBackups']>,
    readBackup: (request) => call('readBackup', request) as ReturnType<LevelsetApi['readBackup']>,
    logError: (request) => call('logError', request) as ReturnType<LevelsetApi['logError']>,
    dataKey: (request) => call('dataKey', request) as ReturnType<LevelsetApi['dataKey']>,
    onBackupRequest(run) {
      // The renderer makes and writes the backup and keeps its outcome (renderer/platform/auto-backup.ts); the event carries nothing.
      // A failure is routed to main's log (the renderer also shows it); a failed log call is dropped so it cannot start a loop.
      const listener = () =>
        void run().catch((error: unknown) => {
          const message = errorMessage(error);
          const stack = error instanceof Error ? error.stack : undefined;
          void call('logError', {
            message: message.slice(0, 2_000) || 'The automatic backup failed.',
            route: 'automatic-backup',
            ...(stack ? { stack: stack.slice(0, 10_000) } : {}),
          }).catch(() => undefined);
        });
      ipcRenderer.on(BACKUP_REQUEST_EVENT, listener);
      return () => ipcRenderer.removeListener(BACKUP_REQUEST_EVENT, listener);
    },
  };
}

contextBridge.exposeInMainWorld('levelset', buildApi());
// Menu navigation arrives as a hash; only app-internal hashes are applied.
ipcRenderer.on('levelset:navigate', (_event, hash: unknown) => {
  // The preload shares the page's DOM; main's tsconfig has no DOM types, hence the narrow cast.
  const page = globalThis as unknown as { location: { hash: string } };
  if (typeof hash === 'string' && /^#\/[a-z0-9/-]*$/.test(hash)) page.location.hash = hash;
});
