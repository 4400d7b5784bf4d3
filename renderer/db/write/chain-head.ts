/**
 * Where the next audit entry of a device goes: the last link of its chain
 * (sequence and hash) and the newest time in the trail, read from index keys
 * with key cursors. Reading the entries themselves (`.last()`) deserialised
 * them whole, and the last entry after an import or a sample cycle carries
 * every row it wrote: some 20 MB for 1,000 candidates, read twice, which was
 * most of the half second between a vote's click and its confirmation
 * (issue 13). Keys only, so the cost does not depend on what the entries hold.
 */
import Dexie from 'dexie';
import type { ChainLink } from '../../../shared/audit/hash-chain';
import type { LevelsetDatabase } from '../database';

export interface ChainHead {
  /** The device's last entry as the next one links to it; null when its chain is empty. */
  last: ChainLink | null;
  /** The `at` of the newest entry of any device; null when the trail is empty. */
  newestAt: string | null;
}

export async function chainHead(db: LevelsetDatabase, deviceId: string): Promise<ChainHead> {
  const [key, newest] = await Promise.all([
    // Two-part bounds cover every [deviceId, seq, hash] of the device (a number sorts after -Infinity and before any array).
    db.audit.where('[deviceId+seq+hash]').between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey]).lastKey(),
    db.audit.orderBy('at').lastKey(),
  ]);
  const last = Array.isArray(key) && typeof key[1] === 'number' && typeof key[2] === 'string' ? { deviceId, seq: key[1], hash: key[2] } : null;
  return { last, newestAt: typeof newest === 'string' ? newest : null };
}
