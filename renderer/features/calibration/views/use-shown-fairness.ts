/**
 * The fairness figures to show, and the sentence saying how old they are.
 * Live figures would move with each decision and so tell the room which
 * group the candidate just decided belongs to; the view shows the figures
 * last taken until the rule in shared/calibration/fairness-refresh.ts says
 * to take new ones (5 more decisions recorded, or the session finalized).
 * Which decisions the shown figures counted is stored per session and scope
 * (renderer/db/fairness-shown.ts), so a reload shows the same figures; they
 * are recomputed from those decisions by the same model.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FairnessReport } from '../../../../shared/calibration/fairness';
import { countedDecisions, fairnessRefresh, REFRESH_AFTER, shownMark, type CountedDecision, type FairnessShown } from '../../../../shared/calibration/fairness-refresh';
import { plural } from '../../../../shared/util/plural';
import { formatInstant } from '../../../components/dates';
import { commands } from '../../../db/app-commands';
import { useFairnessShown, type FairnessScope } from '../../../db/fairness-shown';

export interface ShownFairness {
  report: FairnessReport;
  /** The decisions the shown figures count: every other figure of the view (the tracks) counts the same ones. */
  decisions: readonly CountedDecision[];
  /** When and after how many decisions the figures were taken; what makes them refresh. */
  note: string;
}

export interface ShownFairnessInput {
  sessionId: string;
  scope: FairnessScope;
  /** The decisions now (the live ones). */
  decisions: readonly CountedDecision[];
  finalized: boolean;
  /** The model over a set of decisions; the same function gives the live and the shown figures. Null while its inputs load. */
  reportOf: ((decisions: readonly CountedDecision[]) => FairnessReport) | null;
}

/** The same decisions as the model reads them (countedDecisions), as one string. */
function decisionsKey(decisions: readonly CountedDecision[]): string {
  return decisions.map((d) => `${d.id}\u0000${d.candidateId}\u0000${d.outcome}\u0000${d.updatedAt}\u0000${d.decidedAt ?? ''}\u0000${d.newLevelId ?? ''}`).join('\u0001');
}

/**
 * reportOf, once per set of decisions: the live decisions and the stored
 * mark just taken from them are the same decisions in other arrays, and a
 * report over 1,000 candidates is not cheap to take twice.
 */
function useReportOnce(reportOf: ShownFairnessInput['reportOf']) {
  return useMemo(() => {
    if (!reportOf) return null;
    let last: { key: string; report: FairnessReport } | null = null;
    return (decisions: readonly CountedDecision[]) => {
      const key = decisionsKey(decisions);
      if (last?.key !== key) last = { key, report: reportOf(decisions) };
      return last.report;
    };
  }, [reportOf]);
}

/** Null while the stored mark loads: nothing is shown before it is known which figures to show. */
export function useShownFairness({ sessionId, scope, decisions, finalized, reportOf: reportOfInput }: ShownFairnessInput): ShownFairness | null {
  const loaded = useFairnessShown(sessionId, scope);
  const reportOf = useReportOnce(reportOfInput);
  // The mark taken counts from the moment it is taken, before the database read catches up: otherwise a decision landing in between would be taken as a first look.
  const [pending, setPending] = useState<{ key: string; sessionId: string; scope: FairnessScope; shown: FairnessShown } | null>(null);
  const key = `${sessionId}:${scope}`;
  const stored = loaded === undefined ? undefined : newer(loaded, pending?.key === key ? pending.shown : null);
  const { verdict, report, counted } = useMemo(() => {
    if (stored === undefined || reportOf === null) return { verdict: null, report: null, counted: [] };
    const v = fairnessRefresh({ decisions, finalized }, stored ? shownMark(stored) : null);
    const counted = v.refresh || !stored ? decisions : stored.decisions;
    return { verdict: v, report: reportOf(counted), counted };
  }, [stored, decisions, finalized, reportOf]);

  // New figures are taken: remember which decisions they count (the finalized figures too, once, so a reopened session starts from what the room last saw).
  const take = verdict !== null && verdict.refresh && (verdict.reason !== 'finalized' || !stored || verdict.recordedSince > 0);
  if (take) setPending({ key, sessionId, scope, shown: { takenAt: new Date().toISOString(), decisions: countedDecisions(decisions) } });
  useEffect(() => {
    if (pending) void commands.markFairnessShown(pending.sessionId, pending.scope, pending.shown.decisions, pending.shown.takenAt);
  }, [pending]);

  if (verdict === null || report === null) return null;
  if (finalized) return { report, decisions: counted, note: 'Final figures: the session is finalized, so they no longer change.' };
  const shown = take || !stored ? { at: new Date().toISOString(), decisions: decisions.length, since: 0 } : { at: stored.takenAt, decisions: stored.decisions.length, since: verdict.recordedSince };
  return {
    report,
    decisions: counted,
    note:
      `Figures as of ${formatInstant(shown.at)}, after ${plural(shown.decisions, 'decision')}; they refresh after ${REFRESH_AFTER} more decisions (${shown.since} recorded since) or when the session is finalized. ` +
      'They do not change with each decision, so the table cannot tell the room which group the candidate just decided belongs to.',
  };
}

/** The later of the stored mark and the one this view just wrote. */
function newer(a: FairnessShown | null, b: FairnessShown | null): FairnessShown | null {
  if (!a || !b) return a ?? b;
  return a.takenAt >= b.takenAt ? a : b;
}
