/**
 * Automatic backups in the desktop app: main asks on a timer and before
 * quitting, and the renderer (which owns the database) answers with a full
 * backup that main writes into the data folder, keeping the last ten.
 * Nothing happens in a browser.
 */
import { queries } from '../db/queries';

export function installAutoBackup(): () => void {
  const api = typeof window !== 'undefined' ? window.levelset : undefined;
  if (!api) return () => undefined;
  return api.onBackupRequest(() => queries.exportBackup({ appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev' }));
}
