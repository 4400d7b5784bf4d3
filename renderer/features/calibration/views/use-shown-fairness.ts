/**
 * The fairness figures to show, and the sentence saying how old they are.
 * Live figures would move with each decision and so tell the room which
 * group the candidate just decided belongs to; the view shows the figures
 * last taken until the rule in shared/calibration/fairness-refresh.ts says
 * to take new ones (5 more decisions recorded, or the session finalized).
 * The snapshot is kept per session and scope in the UI store.
 */
import { useEffect } from 'react';
import type { FairnessReport } from '../../../../shared/calibration/fairness';
import { fairnessRefresh, REFRESH_AFTER, snapshotMark, type DecisionMark } from '../../../../shared/calibration/fairness-refresh';
import { plural } from '../../../../shared/util/plural';
import { useUiStore } from '../../../state/ui-store';

export interface ShownFairness {
  report: FairnessReport;
  /** When and after how many decisions the figures were taken; what makes them refresh. */
  note: string;
}

/** `key` names the session and scope the figures are of. */
export function useShownFairness(key: string, fresh: FairnessReport, decisions: readonly DecisionMark[], finalized: boolean): ShownFairness {
  const last = useUiStore((s) => s.fairnessSnapshots[key]);
  const setSnapshot = useUiStore((s) => s.setFairnessSnapshot);
  const verdict = fairnessRefresh({ decisions, finalized }, last?.mark ?? null);

  useEffect(() => {
    if (verdict.refresh) setSnapshot(key, { mark: snapshotMark(decisions, new Date().toISOString()), report: fresh, decisions: decisions.length });
  }, [key, verdict.refresh, fresh, decisions, setSnapshot]);

  if (finalized) return { report: fresh, note: 'Final figures: the session is finalized, so they no longer change.' };
  const shown = verdict.refresh || !last ? { report: fresh, at: new Date().toISOString(), decisions: decisions.length, since: 0 } : { report: last.report, at: last.mark.takenAt, decisions: last.decisions, since: verdict.recordedSince };
  const time = new Date(shown.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return {
    report: shown.report,
    note:
      `Figures as of ${time}, after ${plural(shown.decisions, 'decision')}; they refresh after ${REFRESH_AFTER} more decisions (${shown.since} recorded since) or when the session is finalized. ` +
      'They do not change with each decision, so the table cannot tell the room which group the candidate just decided belongs to.',
  };
}
