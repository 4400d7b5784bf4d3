/**
 * What main does with each automatic backup request: write it (backups.ts),
 * and while backups keep failing, tell the user once through an OS
 * notification (the app itself shows the failure until one succeeds).
 * Dependencies are injected so tests use real temp folders and a fake
 * notifier.
 */
import { listBackups, readBackupFile, writeRotatingBackup, type BackupFs, type BackupListing, type BackupWriteResult } from './backups';

export interface BackupServiceDeps {
  dir: () => string;
  now: () => Date;
  /** Shows an OS notification (Electron `Notification` on the desktop). */
  notify: (title: string, body: string) => void;
  fs?: BackupFs;
  keep?: number;
  /** Opens backups sealed with the data key, for the check before writing. */
  unseal?: (content: string) => Promise<string | null>;
}

export type AutoBackupRequest = { content: string } | { failure: string };

export interface BackupService {
  write: (request: AutoBackupRequest) => Promise<BackupWriteResult>;
  list: () => Promise<BackupListing>;
  read: (fileName: string) => Promise<string>;
}

export const FAILURE_TITLE = 'Levelset: automatic backup failed';

export function createBackupService(deps: BackupServiceDeps): BackupService {
  /** True from the first failure until a backup succeeds: one notification per streak. */
  let failing = false;

  async function write(request: AutoBackupRequest): Promise<BackupWriteResult> {
    const result: BackupWriteResult =
      'failure' in request
        ? { ok: false, reason: 'other', message: `The automatic backup could not be made: ${request.failure}` }
        : await writeRotatingBackup(deps.dir(), request.content, { now: deps.now(), ...(deps.keep ? { keep: deps.keep } : {}), ...(deps.fs ? { fs: deps.fs } : {}), ...(deps.unseal ? { unseal: deps.unseal } : {}) });
    if (result.ok) failing = false;
    else if (!failing) {
      failing = true;
      try {
        deps.notify(FAILURE_TITLE, result.message);
      } catch {
        // No notification service (some Linux desktops): the app still shows the failure.
      }
    }
    return result;
  }

  return {
    write,
    list: () => listBackups(deps.dir(), deps.fs),
    read: (fileName) => readBackupFile(deps.dir(), fileName, deps.fs),
  };
}
