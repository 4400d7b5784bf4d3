/**
 * "Compare with an earlier export": opens a backup or bundle made earlier
 * and says whether this machine's audit trail still holds every entry the
 * file recorded (its trail head). A trail that was cut or rewritten since
 * shows here even when its own chain verifies.
 */
import { useId, useState } from 'react';
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

/**
 * A printed head, typed or pasted: a decision book is a PDF, and carries its head only on its cover ("held 149
 * entries …; last entry 3f9a…"), which the file picker cannot read (an HR trial's book was refused).
 */
export function CompareWithPrinted() {
  const id = useId();
  const [count, setCount] = useState('');
  const [hash, setHash] = useState('');
  return (
    <fieldset className="compare-printed">
      <legend>Compare with a printed decision book</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Its cover gives the trail’s head: how many entries the trail held, and the last entry’s hash (its first 12 characters are enough).
      </p>
      <div className="compare-printed-fields">
        <label htmlFor={`${id}-count`}>Entries</label>
        <input id={`${id}-count`} type="text" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} aria-describedby={`${id}-hint`} size={8} />
        <label htmlFor={`${id}-hash`}>Last entry’s hash</label>
        <input id={`${id}-hash`} type="text" value={hash} onChange={(e) => setHash(e.target.value)} aria-describedby={`${id}-hint`} spellCheck={false} autoComplete="off" size={24} />
      </div>
      <StatusAction label="Compare with the printed head" busyLabel="Comparing…" run={() => queries.comparePrintedHead(count, hash)} />
    </fieldset>
  );
}
