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
} as const;

export type IpcMethod = keyof typeof IPC_CHANNELS;

/** Every handler answers with an envelope, so errors cross the bridge as plain data. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };
