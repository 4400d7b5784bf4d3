/**
 * Work done once the app has painted (main.tsx loads this module after the
 * first render): store the built-in frameworks, and fill the coverage
 * aggregate for data that predates it (a database upgraded from version 1).
 * The built-in definitions are loaded on demand so first paint does not
 * wait for them.
 */
import { db } from './database';
import { encryptionState } from './encryption';
import { rebuildCoverage } from './write/coverage';
import { sealExistingRows } from './write/seal-existing';
import { ensureBuiltInFrameworks } from './repositories';

export async function prepareDatabase(notify: (message: string) => void): Promise<void> {
  const state = encryptionState(db);
  if (state.mode === 'locked') {
    notify(`Your data is encrypted and cannot be opened: ${state.reason} Nothing is changed until it can be; the details are in About → Data.`);
    return;
  }
  // A database written before encryption at rest is sealed once (no-op when done or off).
  await sealExistingRows(db);
  const [{ builtInFrameworks }, stored] = await Promise.all([import('../../shared/frameworks/builtin'), db.frameworks.toCollection().primaryKeys()]);
  // Validated and written only when one is missing (first run, or a new built-in): on every other start this
  // costs one key read instead of validating every built-in framework and a write transaction over every table (issue 13).
  const have = new Set<string>(stored);
  const missing = builtInFrameworks.filter((definition) => !have.has(definition.id));
  if (missing.length > 0) {
    const { materializeBuiltIn } = await import('../../shared/frameworks/materialize');
    const at = new Date().toISOString();
    await ensureBuiltInFrameworks(db, missing.map((definition) => materializeBuiltIn(definition, at)));
  }
  if ((await db.coverage.count()) === 0 && (await db.packets.count()) > 0) await rebuildCoverage(db);
}
