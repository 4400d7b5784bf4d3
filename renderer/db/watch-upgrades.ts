/**
 * Reports another window upgrading the database, or this window's upgrade
 * waiting for an older one (see storage-errors.ts). main.tsx installs it
 * before the first read opens the database, so an upgrade blocked at
 * opening is reported too.
 */
import { db } from './database';
import { installBlockedUpgradeHandler } from './storage-errors';

export function watchDatabaseUpgrades(notify: (message: string) => void): () => void {
  return installBlockedUpgradeHandler(db, (notice) => notify(notice.message));
}
