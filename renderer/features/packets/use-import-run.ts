/**
 * A bundle import's running step and its Cancel. Each run replaces the last,
 * so a late answer from a cancelled run is ignored; a write settles itself
 * (rolled back, or committed just before the Cancel) and says which. The
 * import job (its worker holds the checked bundle) is kept from the checks
 * until it is imported or dropped; leaving the page cancels both.
 */
import { useEffect, useRef } from 'react';
import type { ImportProgress } from '../../../shared/exchange/import-check';
import type { ImportJob } from '../../db/import-client';
import { ProgressFeed } from './import-progress';

export interface ImportRun {
  live: () => boolean;
  show: (progress: ImportProgress) => void;
  end: () => void;
}

/** `onRunning` shows a run's progress panel (with the feed its progress goes to) when the run begins. */
export function useImportRun(onRunning: (fileName: string, feed: ProgressFeed) => void) {
  const running = useRef<{ cancel: () => void; settles: boolean } | null>(null);
  const job = useRef<ImportJob | null>(null);
  const drop = () => {
    job.current?.cancel();
    job.current = null;
  };
  useEffect(() => () => {
    running.current?.cancel();
    drop();
  }, []);

  function begin(fileName: string, phase: ImportProgress['phase'], stop: () => void, settles = false): ImportRun {
    let live = true;
    const run = {
      settles,
      cancel: () => {
        live = false;
        stop();
      },
    };
    running.current = run;
    // Progress goes to the panel alone (import-progress.tsx), not to the importer's state: the page holding it renders once per step.
    const feed = new ProgressFeed({ phase, done: 0, total: 0 });
    onRunning(fileName, feed);
    return {
      live: () => live,
      show: (progress: ImportProgress) => {
        if (live) feed.tell(progress);
      },
      end: () => {
        if (running.current === run) running.current = null;
      },
    };
  }

  /** Cancels the running step; true when that ends it (a write settles itself and says which). */
  function cancel(): boolean {
    const run = running.current;
    if (!run) return false;
    run.cancel();
    if (run.settles) return false;
    running.current = null;
    return true;
  }

  const hold = (current: ImportJob) => {
    job.current = current;
  };

  return { begin, cancel, drop, hold };
}
