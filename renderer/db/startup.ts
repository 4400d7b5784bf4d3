/**
 * Work done once the app has painted: watch for another window upgrading
 * the database, store the built-in frameworks, and fill the coverage
 * aggregate for data that predates it (a database upgraded from version 1).
 * The built-in definitions are loaded on demand so first paint does not
 * wait for them.
 */
import { db } from './database';
import { rebuildCoverage } from './write/coverage';
import { ensureBuiltInFrameworks } from './repositories';
import { installBlockedUpgradeHandler } from './storage-errors';

export async function prepareDatabase(notify: (message: string) => void): Promise<void> {
  installBlockedUpgradeHandler(db, (notice) => notify(notice.message));
  const [{ builtInFrameworks }, { materializeBuiltIn }] = await Promise.all([
    import('../../shared/frameworks/builtin'),
    import('../../shared/frameworks/materialize'),
  ]);
  const at = new Date().toISOString();
  await ensureBuiltInFrameworks(db, builtInFrameworks.map((definition) => materializeBuiltIn(definition, at)));
  if ((await db.coverage.count()) === 0 && (await db.packets.count()) > 0) await rebuildCoverage(db);
}
