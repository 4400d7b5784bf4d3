/**
 * Sets encryption at rest before anything opens the database: the desktop's
 * data key (null in a browser, which has none). main.tsx calls it before the
 * app renders; it is its own small module so the startup work in startup.ts
 * can stay out of the first chunk.
 */
import type { DataKeyResult } from '../../shared/ipc/contract';
import { base64ToBytes } from '../../shared/exchange/base64';
import { db } from './database';
import { setEncryption } from './encryption';

export function unlockDatabase(result: DataKeyResult | null): void {
  if (!result) return setEncryption(db, { mode: 'off' });
  if (result.status === 'on') {
    const key = base64ToBytes(result.key);
    if (key) return setEncryption(db, { mode: 'on', key });
    return setEncryption(db, { mode: 'locked', reason: 'the key the desktop app gave is damaged.' });
  }
  setEncryption(db, result.status === 'locked' ? { mode: 'locked', reason: result.reason } : { mode: 'off', reason: result.reason });
}
