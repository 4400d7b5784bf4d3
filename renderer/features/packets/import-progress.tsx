/**
 * What an import is doing while it runs: a sentence ("Checking 1,200 of
 * 3,000 records…") announced politely, a progress bar with its figures, and
 * a Cancel that leaves the database as it was. Cancel takes the focus, so a
 * keyboard user can stop a long import with one key.
 */
import type { ImportProgress } from '../../../shared/exchange/import-check';

const count = (n: number) => n.toLocaleString('en-US');

export function progressText(progress: ImportProgress): string {
  switch (progress.phase) {
    case 'reading':
      return 'Reading the file…';
    case 'decrypting':
      return 'Decrypting (this takes a moment)…';
    case 'checksum':
      return 'Verifying the checksum…';
    case 'checking':
      return `Checking ${count(progress.done)} of ${count(progress.total)} records…`;
    case 'planning':
      return 'Comparing with this database…';
    case 'writing':
      return `Writing ${count(progress.done)} of ${count(progress.total)} records…`;
  }
}

export function ImportProgressPanel({ fileName, progress, onCancel }: { fileName: string; progress: ImportProgress; onCancel: () => void }) {
  const counted = progress.phase === 'checking' || progress.phase === 'writing';
  const text = progressText(progress);
  return (
    <section className="import-panel" aria-label={`Importing ${fileName}`}>
      <p role="status">{text}</p>
      {counted && progress.total > 0 ? (
        <progress max={progress.total} value={progress.done} aria-label={progress.phase === 'writing' ? 'Records written' : 'Records checked'} aria-valuetext={text} />
      ) : (
        <progress aria-label="Preparing the import" />
      )}
      <div className="import-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} autoFocus>
          Cancel import
        </button>
      </div>
    </section>
  );
}
