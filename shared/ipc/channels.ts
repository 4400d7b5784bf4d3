/**
 * IPC channel names, kept apart from the schemas so the sandboxed preload
 * can import them without bundling zod.
 */
export const IPC_CHANNELS = {
  saveFile: 'levelset:save-file',
  openFile: 'levelset:open-file',
  appInfo: 'levelset:app-info',
  openExternal: 'levelset:open-external',
  printToPdf: 'levelset:print-to-pdf',
  writeAutoBackup: 'levelset:write-auto-backup',
  listBackups: 'levelset:list-backups',
  readBackup: 'levelset:read-backup',
  logError: 'levelset:log-error',
  dataKey: 'levelset:data-key',
} as const;

export type IpcMethod = keyof typeof IPC_CHANNELS;

/** Main → renderer: "send me a backup now" (on the timer and before quitting). */
export const BACKUP_REQUEST_EVENT = 'levelset:backup-request';

/** Every handler answers with an envelope, so errors cross the bridge as plain data. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };
