/**
 * "Compare with an earlier export": opens a backup or bundle made earlier
 * and says whether this machine's audit trail still holds every entry the
 * file recorded (its trail head). A trail that was cut or rewritten since
 * shows here even when its own chain verifies.
 */
import { MAX_OPEN_FILE_BYTES } from '../../../shared/ipc/contract';
import { StatusAction } from '../../components/status-action';
import { queries } from '../../db/queries';
import { getPlatform } from '../../platform/bridge';

async function compare() {
  const file = await getPlatform().openFile({ filters: [{ name: 'Levelset backup or bundle', extensions: ['json'] }], maxBytes: MAX_OPEN_FILE_BYTES });
  return file.canceled ? null : queries.compareWithExport(file.content, file.fileName);
}

export function CompareWithExport() {
  return <StatusAction label="Compare with an earlier export…" busyLabel="Comparing…" run={compare} />;
}

/** Verify: the chains link and the trail replays to the records. */
export function VerifyRecord() {
  return <StatusAction label="Verify audit trail" busyLabel="Verifying…" run={queries.verify} />;
}
