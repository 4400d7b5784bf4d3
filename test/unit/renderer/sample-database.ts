/**
 * What the Cycles page tests start from: no route, a fresh app database with
 * a profile (Dana Whitfield) and the given sample cycle, loaded through the
 * app's own command (cycle-dates-dialog, cycles-and-versions-views,
 * dialog-focus-on-open, focus-after-a-read, rename-unchanged).
 */
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';
import { loadSampleCycle } from '../../../renderer/db/repositories';

export async function freshDatabaseWithSample(sample: Parameters<typeof loadSampleCycle>[1]): Promise<void> {
  window.location.hash = '';
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Dana Whitfield', role: '' });
  await loadSampleCycle(db, sample);
}
