/**
 * About → The record: the restores this computer's trail records. A restore replaces everything, and with it the
 * entries made here since the backup: each restore says what it discarded, so a reopen or a changed decision that a
 * restore took back is still on the record (an HR trial found no trace of them).
 */
import { restoreRecordText } from '../../../shared/audit/restore-trail';
import { userTimeZone } from '../../../shared/util/dates';
import { useRestoresOnRecord } from '../../db/restore-record';

export function RestoresOnRecord() {
  const restores = useRestoresOnRecord();
  if (!restores || restores.length === 0) return null;
  const zone = userTimeZone();
  return (
    <div className="record-restores">
      <h3>Restores on this computer</h3>
      <ul>
        {restores.map((entry) => {
          const text = restoreRecordText(entry, zone);
          return (
            <li key={entry.id}>
              {text.headline}
              {text.discarded.length > 0 ? (
                <details>
                  <summary>What it discarded</summary>
                  <ol>
                    {text.discarded.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
