/**
 * Work done once the app has painted: store the built-in frameworks. The
 * definitions are loaded on demand so first paint does not wait for them.
 */
import { db } from './database';
import { ensureBuiltInFrameworks } from './repositories';

export async function prepareDatabase(): Promise<void> {
  const [{ builtInFrameworks }, { materializeBuiltIn }] = await Promise.all([
    import('../../shared/frameworks/builtin'),
    import('../../shared/frameworks/materialize'),
  ]);
  const at = new Date().toISOString();
  await ensureBuiltInFrameworks(db, builtInFrameworks.map((definition) => materializeBuiltIn(definition, at)));
}
