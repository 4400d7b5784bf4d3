/**
 * Forgets kept text (state/kept-text.ts) whose record is gone or closed: once
 * the app has started, and after every command that may remove records. The
 * UI store's copies of kept drafts go with their stored ones.
 */
import { afterRemovals } from '../db/removals';
import { readPresentRecords } from '../db/present-records';
import { forgetKept, orphanedKeptText } from '../state/kept-text';
import { useUiStore } from '../state/ui-store';

export async function sweepKeptText(): Promise<void> {
  const orphans = orphanedKeptText(await readPresentRecords());
  for (const { kind, key } of orphans) forgetKept(kind, key);
  useUiStore.getState().dropDrafts(orphans.filter((o) => o.kind === 'draft').map((o) => o.key));
}

/** Sweeps now and after every command that may remove records; returns the unsubscribe. */
export function installKeptTextSweep(): () => void {
  // A failed sweep (the data locked, storage blocked) forgets nothing; the next one tries again. Commands arriving in
  // a burst (a connected committee's events) make one sweep run and at most one more after it, not one each.
  let running = false;
  let again = false;
  const sweep = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void sweepKeptText()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (!again) return;
        again = false;
        sweep();
      });
  };
  sweep();
  return afterRemovals(sweep);
}
