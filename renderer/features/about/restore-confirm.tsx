/**
 * Confirming a restore: what the backup replaces, table by table, whether its
 * records match its own audit trail, and Replace everything or Cancel. It
 * takes the focus on its heading when the control that opened it left the
 * focus on the page (a keyboard trial).
 */
import { useId, useRef } from 'react';
import type { BackupTables } from '../../../shared/backup/backup-format';
import type { RestoreTrailText } from '../../../shared/audit/restore-trail';
import type { RestoredFrom, RestorePreviewRow } from '../../db/backup';
import { useFocusIfLost } from '../../components/use-focus-kept';

export type Pending = { source: string; from: RestoredFrom; tables: BackupTables; rows: RestorePreviewRow[]; databaseVersion: number; predatesTrail: boolean; followed: number; trail: RestoreTrailText | null };

const LABEL: Record<string, string> = { frameworks: 'Framework versions', cycles: 'Cycles', candidates: 'Candidates', evidence: 'Evidence', packets: 'Packets (all revisions)', sessions: 'Sessions', votes: 'Votes', decisions: 'Decisions', audit: 'Audit entries', meta: 'Settings' };

export function RestoreConfirm({ pending, busy, onRestore, onCancel }: { pending: Pending; busy: boolean; onRestore: () => void; onCancel: () => void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  return (
    <div
      className="import-panel"
      role="group"
      aria-labelledby={`${id}-confirm`}
      // Esc is Cancel, as in the app's dialogs (a keyboard re-test pressed it and stayed).
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h3 id={`${id}-confirm`} ref={heading} tabIndex={-1}>Replace everything with {pending.source}?</h3>
      <table className="data-table compact">
        <caption className="visually-hidden">What the restore replaces</caption>
        <thead>
          <tr>
            <th scope="col">Data</th>
            <th scope="col" className="num">Now</th>
            <th scope="col" className="num">In the backup</th>
          </tr>
        </thead>
        <tbody>
          {pending.rows.map((r) => (
            <tr key={r.table}>
              <td>{LABEL[r.table] ?? r.table}</td>
              <td className="num">{r.now}</td>
              <td className="num">{r.backup}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {pending.predatesTrail
          ? 'This backup was made before Levelset recorded every change in its audit trail, so its records cannot be checked against it; they become the new starting point of the trail. '
          : 'Its records match its own audit trail. '}
        Everything on this computer is replaced by the backup: anything added, changed or deleted since it was made is lost, even where the counts match. Back up now first if you may need it.
      </p>
      {pending.trail ? (
        <p className={pending.trail.tone === 'ok' ? undefined : 'field-error'} role={pending.trail.tone === 'alert' ? 'alert' : undefined}>
          {pending.trail.text}
        </p>
      ) : null}
      {pending.followed > 0 ? (
        <p>
          {pending.followed === 1 ? 'One session follows' : `${pending.followed} sessions follow`} a connected cycle’s committee stream: {pending.followed === 1 ? 'it stays' : 'they stay'} as this computer has {pending.followed === 1 ? 'it' : 'them'} from the stream, not as in the backup. Changes waiting to be sent stay and are still sent.
        </p>
      ) : null}
      <div className="import-actions">
        {/* Deletes everything on this computer: the danger style of the app's other deleting confirmations (components/confirm-dialog.tsx). */}
        <button type="button" className="button button-danger" onClick={onRestore} disabled={busy}>
          Replace everything
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
