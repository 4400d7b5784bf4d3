/**
 * Work done once the app has painted: watch for another window upgrading
 * the database, store the built-in frameworks, and fill the coverage
 * aggregate for data that predates it (a database upgraded from version 1).
 * The built-in definitions are loaded on demand so first paint does not
 * wait for them.
 */
import type { DataKeyResult } from '../../shared/ipc/contract';
import { base64ToBytes } from '../../shared/exchange/base64';
import { db } from './database';
import { encryptionState, setEncryption } from './encryption';
import { rebuildCoverage } from './write/coverage';
import { sealExistingRows } from './write/seal-existing';
import { ensureBuiltInFrameworks } from './repositories';
import { installBlockedUpgradeHandler } from './storage-errors';

/**
 * Sets encryption at rest before anything opens the database: the desktop's
 * data key (null in a browser, which has none). Called before the app renders.
 */
export function unlockDatabase(result: DataKeyResult | null): void {
  if (!result) return setEncryption(db, { mode: 'off' });
  if (result.status === 'on') {
    const key = base64ToBytes(result.key);
    if (key) return setEncryption(db, { mode: 'on', key });
    return setEncryption(db, { mode: 'locked', reason: 'the key the desktop app gave is damaged.' });
  }
  setEncryption(db, result.status === 'locked' ? { mode: 'locked', reason: result.reason } : { mode: 'off', reason: result.reason });
}

export async function prepareDatabase(notify: (message: string) => void): Promise<void> {
  installBlockedUpgradeHandler(db, (notice) => notify(notice.message));
  const state = encryptionState(db);
  if (state.mode === 'locked') {
    notify(`Your data is encrypted and cannot be opened: ${state.reason} Nothing is changed until it can be; the details are in About → Data.`);
    return;
  }
  // A database written before encryption at rest is sealed once (no-op when done or off).
  await sealExistingRows(db);
  const [{ builtInFrameworks }, { materializeBuiltIn }] = await Promise.all([
    import('../../shared/frameworks/builtin'),
    import('../../shared/frameworks/materialize'),
  ]);
  const at = new Date().toISOString();
  await ensureBuiltInFrameworks(db, builtInFrameworks.map((definition) => materializeBuiltIn(definition, at)));
  if ((await db.coverage.count()) === 0 && (await db.packets.count()) > 0) await rebuildCoverage(db);
}
