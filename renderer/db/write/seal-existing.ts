/**
 * The one pass that seals a database written before encryption was on (a
 * desktop install that predates it, or whose keychain only now became
 * available). Every listed table is read (plain rows pass the middleware
 * unchanged) and written back (the middleware seals them). Records do not
 * change, so this is not a command and adds no audit entry: the trail's
 * hashes are over plain rows, which is what reads return before and after.
 */
import { ENCRYPTED_FIELDS } from '../../../shared/crypto/field-crypto';
import type { LevelsetDatabase } from '../database';
import { encryptionState } from '../encryption';

/** The meta row that says every row has been sealed once (format v1). */
export const SEALED_MARK_KEY = 'encryption';
const SEALED_MARK = 'v1';

/** Seals every listed table once; returns how many rows it rewrote (0 when done before or encryption is off). */
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
