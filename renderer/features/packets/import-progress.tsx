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

// One formatter for every figure: `toLocaleString` builds a new one per call, a millisecond each on a busy machine.
const figures = new Intl.NumberFormat('en-US');
const count = (n: number) => figures.format(n);

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

/** A report within this long of the last one shown waits for the next showing: the bar moves about ten times a second. */
export const SHOW_EVERY_MS = 100;

/**
 * The latest progress of one running import, for the panel alone to
 * subscribe to. An import's write reports after every slice of rows, a
 * hundred times or more, and each showing rendered the panel and formatted
 * its figures in the write's own tasks (about 0.3–0.7 s of a 1,000-candidate
 * import, issue 13): so a report is shown at once when a new phase begins or
 * when SHOW_EVERY_MS have passed since the last showing, and otherwise once
 * that time is up, the latest report then.
 */
export class ProgressFeed {
  private listeners = new Set<() => void>();
  private shown: ImportProgress;
  private latest: ImportProgress;
  private shownAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(
    value: ImportProgress,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.shown = value;
    this.latest = value;
  }
  readonly current = (): ImportProgress => this.shown;
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  tell(progress: ImportProgress): void {
    this.latest = progress;
    const wait = this.shownAt + SHOW_EVERY_MS - this.now();
    if (progress.phase !== this.shown.phase || wait <= 0) this.show();
    else this.timer ??= setTimeout(() => this.show(), wait);
  }
  private show(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.shownAt = this.now();
    if (this.shown === this.latest) return;
    this.shown = this.latest;
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
