/**
 * The one pass that seals a database written before encryption was on (a
 * desktop install that predates it, or whose keychain only now became
 * available), or upgrades one sealed field by field (format v1) to one
 * envelope per row (v2, shared/crypto/field-crypto.ts), which reads several
 * times faster. Every listed table is read (the middleware opens v1 fields
 * and passes plain rows unchanged) and written back (the middleware seals
 * them as v2). A row written in between is v2 already; rewriting it is
 * harmless. Records do not
 * change, so this is not a command and adds no audit entry: the trail's
 * hashes are over plain rows, which is what reads return before and after.
 */
import { ENCRYPTED_FIELDS } from '../../../shared/crypto/field-crypto';
import type { LevelsetDatabase } from '../database';
import { encryptionState } from '../encryption';

/** The meta row that says every row has been sealed in the current format; an older mark ('v1') runs the pass again. */
export const SEALED_MARK_KEY = 'encryption';
export const SEALED_MARK = 'v2';

/** Seals every listed table once per format; returns how many rows it rewrote (0 when done before or encryption is off). */
export async function sealExistingRows(db: LevelsetDatabase): Promise<number> {
  if (encryptionState(db).mode !== 'on') return 0;
  const tables = Object.keys(ENCRYPTED_FIELDS).map((name) => db.table(name));
  return db.transaction('rw', tables, async () => {
    if ((await db.meta.get(SEALED_MARK_KEY))?.value === SEALED_MARK) return 0;
    let rewritten = 0;
    for (const table of tables) {
      const rows = await table.toArray();
      if (rows.length > 0) await table.bulkPut(rows);
      rewritten += rows.length;
    }
    await db.meta.put({ key: SEALED_MARK_KEY, value: SEALED_MARK });
    return rewritten;
  });
}
