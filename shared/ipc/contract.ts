/**
 * The one typed IPC contract between the renderer and main. Main validates
 * every request against these schemas before acting; the preload exposes one
 * named function per method and the renderer's bridge is typed from here.
 */
import { z } from 'zod';
import { issueText, refusal } from '../util/refusal';
import type { IpcMethod } from './channels';

/** Files larger than this are refused by the open dialog (bundles and backups included). */
export const MAX_OPEN_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_SAVE_FILE_BYTES = 200 * 1024 * 1024;

export const FileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i, 'a file extension is letters and digits only')).min(1).max(10),
});
export type FileFilter = z.infer<typeof FileFilterSchema>;

/** A plain file name: no folders, no control characters. */
const FileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', 'a file name cannot contain folders or special characters');

export const SaveFileRequestSchema = z.object({
  suggestedName: FileNameSchema,
  /** Text, or base64 when `encoding` is base64 (PDFs). */
  content: z.string().max(MAX_SAVE_FILE_BYTES * 1.4),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
  filters: z.array(FileFilterSchema).max(10).default([]),
});
export const SaveFileResultSchema = z.union([
  z.object({ canceled: z.literal(true) }),
  // `viaBrowser`: the web build only hands the file to the browser (a download, or a print tab for a PDF); whether it
  // was kept is not known, so the app must not say "Saved" (renderer/platform/saved-text.ts).
  z.object({ canceled: z.literal(false), fileName: z.string(), viaBrowser: z.enum(['download', 'print']).optional() }),
]);

export const OpenFileRequestSchema = z.object({
  filters: z.array(FileFilterSchema).max(10).default([]),
  maxBytes: z.number().int().positive().max(MAX_OPEN_FILE_BYTES).default(MAX_OPEN_FILE_BYTES),
});
export const OpenFileResultSchema = z.union([
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), fileName: z.string(), content: z.string() }),
]);

export const AppInfoRequestSchema = z.undefined().or(z.object({}).strict());
export const AppInfoSchema = z.object({
  version: z.string(),
  dataFolder: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'browser']),
});

export const OpenExternalRequestSchema = z.object({ url: z.string().max(4_000) });
export const OpenExternalResultSchema = z.object({ opened: z.boolean() });

/** What to print: the print view's route, as parts that are checked one by one (never a free-form URL). */
export const PrintRequestSchema = z.object({
  view: z.enum(['session', 'decision', 'packet']),
  ids: z.array(z.string().regex(/^[A-Za-z0-9_:.-]{1,200}$/, 'an id is letters, digits and _ : . - only')).min(1).max(2),
  suggestedName: FileNameSchema,
});
export const PrintResultSchema = SaveFileResultSchema;

/** The print view's hash for a print request (shared by main and the browser fallback). */
export function printHash(request: { view: 'session' | 'decision' | 'packet'; ids: string[] }): string {
  return `/print/${request.view}/${request.ids.map(encodeURIComponent).join('/')}`;
}

/** An automatic backup's file name: `levelset-backup-<seq>-<stamp>.json`, or the older `levelset-backup-<stamp>[-n].json`. */
export const AUTO_BACKUP_NAME = /^levelset-backup-(?:\d{6}-\d{8}-\d{6}|\d{8}-\d{6}(?:-\d+)?)\.json$/;

/** The backup text to write, or why the renderer could not produce it (so main can show the failure on the desktop too). */
export const WriteAutoBackupRequestSchema = z.union([
  z.object({ content: z.string().min(2).max(MAX_OPEN_FILE_BYTES) }).strict(),
  z.object({ failure: z.string().min(1).max(1_000) }).strict(),
]);
const SkippedBackupSchema = z.object({ fileName: z.string(), reason: z.string() });
export const WriteAutoBackupResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), fileName: z.string(), skipped: z.array(SkippedBackupSchema) }),
  z.object({ ok: z.literal(false), reason: z.enum(['disk-full', 'permission', 'invalid', 'other']), message: z.string() }),
]);
export const ListBackupsRequestSchema = z.undefined().or(z.object({}).strict());
export const ListBackupsResultSchema = z.object({
  files: z.array(z.object({ fileName: z.string(), bytes: z.number(), createdAt: z.string() })),
  /** Entries in the folder that could not be read; listed so the user hears of them. */
  skipped: z.array(SkippedBackupSchema),
});
export const ReadBackupRequestSchema = z.object({ fileName: z.string().regex(AUTO_BACKUP_NAME, 'not an automatic backup file name') });
export const ReadBackupResultSchema = z.object({ content: z.string() });

/** A render error the renderer reports for main's log: bounded, so a runaway message cannot flood the log. */
export const LogErrorRequestSchema = z.object({
  message: z.string().max(2_000),
  stack: z.string().max(10_000).optional(),
  /** The route that failed, e.g. "print/session/s-1". */
  route: z.string().max(500),
});
export const LogErrorResultSchema = z.object({ logged: z.boolean() });

/**
 * The per-install key that seals personal fields at rest (electron/data-key.ts):
 * on with the key (base64 of 32 bytes), unavailable (no keychain: data not
 * encrypted), or locked (a sealed key the keychain will not open).
 */
export const DataKeyRequestSchema = z.undefined().or(z.object({}).strict());
export const DataKeyResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('on'), key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }),
  z.object({ status: z.literal('unavailable'), reason: z.string().max(500) }),
  z.object({ status: z.literal('locked'), reason: z.string().max(500) }),
]);
export type DataKeyResult = z.infer<typeof DataKeyResultSchema>;

export const ipcContract = {
  saveFile: { request: SaveFileRequestSchema, result: SaveFileResultSchema },
  openFile: { request: OpenFileRequestSchema, result: OpenFileResultSchema },
  appInfo: { request: AppInfoRequestSchema, result: AppInfoSchema },
  openExternal: { request: OpenExternalRequestSchema, result: OpenExternalResultSchema },
  printToPdf: { request: PrintRequestSchema, result: PrintResultSchema },
  writeAutoBackup: { request: WriteAutoBackupRequestSchema, result: WriteAutoBackupResultSchema },
  listBackups: { request: ListBackupsRequestSchema, result: ListBackupsResultSchema },
  readBackup: { request: ReadBackupRequestSchema, result: ReadBackupResultSchema },
  logError: { request: LogErrorRequestSchema, result: LogErrorResultSchema },
  dataKey: { request: DataKeyRequestSchema, result: DataKeyResultSchema },
} as const satisfies Record<IpcMethod, { request: z.ZodType; result: z.ZodType }>;

type Contract = typeof ipcContract;
export type IpcRequest<M extends IpcMethod> = z.input<Contract[M]['request']>;
export type IpcParsedRequest<M extends IpcMethod> = z.output<Contract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.output<Contract[M]['result']>;

/** What the preload exposes as `window.levelset`: one function per method, plus the backup-request subscription. */
export type LevelsetApi = { [M in IpcMethod]: (request: IpcRequest<M>) => Promise<IpcResponse<M>> } & {
  /**
   * Main asks for a backup (timer, quit); the callback makes it (and writes
   * it through writeAutoBackup, reporting a failure to produce it the same
   * way). Returns an unsubscribe function.
   */
  onBackupRequest: (run: () => Promise<void>) => () => void;
};

/** Main's handlers receive validated requests. */
export type IpcHandlers = { [M in IpcMethod]: (request: IpcParsedRequest<M>) => Promise<IpcResponse<M>> };

export type SaveFileRequest = IpcRequest<'saveFile'>;
export type OpenFileRequest = IpcRequest<'openFile'>;
export type AppInfo = IpcResponse<'appInfo'>;
export type PrintRequest = IpcRequest<'printToPdf'>;
export type AutoBackupResult = IpcResponse<'writeAutoBackup'>;
export type BackupListingResult = IpcResponse<'listBackups'>;
export type LogErrorRequest = IpcRequest<'logError'>;

/** Turns zod issues into one short sentence naming the first field at fault (shared/util/refusal.ts words it). */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request is not valid.';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return refusal(`${first.path.length ? first.path.map(String).join('.') : 'request'}: ${issueText(first)}${more}`);
}
