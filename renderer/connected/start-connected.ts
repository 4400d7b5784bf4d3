/**
 * Starts connected mode at launch (main.tsx, once the first view is drawn)
 * without loading it: this module only watches the connection settings. The
 * transports and the NATS client (sync-manager.ts and what only it imports,
 * some 250 KB of script, 222 KB of it NATS) are fetched and compiled the first
 * time a cycle has settings, so a machine that never opts in never loads
 * them. Before this split every launch loaded them in the first seconds
 * after a page was drawn, while a committee member's first click (a
 * pre-vote) was waiting for the main thread (issue 13).
 */
import type { ConnectionSettings } from '../../shared/connected/state';
import { errorMessage } from '../../shared/util/error-message';
import { watchStoredConnections } from '../db/connection-hook';

type Manager = typeof import('./sync-manager');

/** The settings rows to act on, the manager's loader, and where a failure is reported; the app passes its own. */
export interface ConnectedStart {
  watch: (next: (rows: ConnectionSettings[]) => void, fail: (error: unknown) => void) => () => void;
  load: () => Promise<Manager>;
}

const appStart: ConnectedStart = { watch: watchStoredConnections, load: () => import('./sync-manager') };

let stopWatching: (() => void) | null = null;
let manager: Manager | null = null;

/**
 * Watches the connection settings (once) and brings the running transports in
 * line with each change, loading the manager only when there is something to
 * run or to stop. Changes are applied one after another, in order.
 */
export function startConnectedSync(onError: (message: string) => void, start: ConnectedStart = appStart): void {
  if (stopWatching) return;
  let queue = Promise.resolve();
  const apply = async (rows: ConnectionSettings[]): Promise<void> => {
    if (rows.length === 0 && manager === null) return;
    manager ??= await start.load();
    await manager.reconcile(rows, undefined, onError);
  };
  stopWatching = start.watch(
    (rows) => {
      queue = queue.then(() => apply(rows)).catch((error: unknown) => onError(`Connected mode could not start: ${errorMessage(error)}`));
    },
    (error) => onError(`Connected mode could not read its settings: ${errorMessage(error)}`),
  );
  // Closing the window closes the connections cleanly (the server frees the consumers at once).
  window.addEventListener('pagehide', () => void stopConnectedSync());
}

/** Stops watching and stops every running transport (none when the manager never loaded). */
export async function stopConnectedSync(): Promise<void> {
  stopWatching?.();
  stopWatching = null;
  await manager?.stopAll();
}
