/**
 * IPC handlers: main's side of the shared contract. Every request is parsed
 * with the contract's zod schema before a handler sees it, and only frames
 * loaded from the app's own files may call. Errors come back as an envelope
 * with a readable message instead of a thrown exception.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type IpcMethod, type IpcResult } from '../shared/ipc/channels';
import { describeZodError, ipcContract, type IpcHandlers } from '../shared/ipc/contract';
import { errorMessage } from '../shared/util/error-message';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export async function dispatch<M extends IpcMethod>(
  method: M,
  raw: unknown,
  handlers: IpcHandlers,
): Promise<IpcResult<unknown>> {
  const parsed = ipcContract[method].request.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `Invalid request for ${method}: ${describeZodError(parsed.error)}` };
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

export function registerIpcHandlers(ipcMain: IpcMain, handlers: IpcHandlers, isTrustedSender: SenderCheck): void {
  for (const method of Object.keys(IPC_CHANNELS) as IpcMethod[]) {
    ipcMain.handle(IPC_CHANNELS[method], async (event, raw: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: 'Refused: the request did not come from Levelset.' };
      return dispatch(method, raw, handlers);
    });
  }
}
