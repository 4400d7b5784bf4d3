/**
 * What an import is doing while it runs: a sentence ("Checking 1,200 of
 * 3,000 records…") announced politely, a progress bar with its figures, and
 * a Cancel that leaves the database as it was. Cancel takes the focus, so a
 * keyboard user can stop a long import with one key.
 *
 * The running import tells its progress to a ProgressFeed, which only the
 * panel reads (LiveImportProgressPanel): an import reports progress dozens of
 * times, and each report used to set the state of the page that holds the
 * import (the Packets list), rendering the whole list again for a new figure
 * in the bar (issue 13: the list grows with every bundle a chair imports).
 */
import { useSyncExternalStore } from 'react';
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

/** The latest progress of one running import, for the panel alone to subscribe to. */
export class ProgressFeed {
  private listeners = new Set<() => void>();
  constructor(private value: ImportProgress) {}
  readonly current = (): ImportProgress => this.value;
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  tell(progress: ImportProgress): void {
    this.value = progress;
    for (const listener of this.listeners) listener();
  }
}

/** The panel of a running import, following its feed: a report renders this panel, not the page around it. */
export function LiveImportProgressPanel({ fileName, feed, onCancel }: { fileName: string; feed: ProgressFeed; onCancel: () => void }) {
  const progress = useSyncExternalStore(feed.subscribe, feed.current);
  return <ImportProgressPanel fileName={fileName} progress={progress} onCancel={onCancel} />;
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
