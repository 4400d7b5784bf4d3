/**
 * When the fairness view may show new figures. Shown live, the table would
 * change the moment a decision is recorded, and the change would tell the
 * room which group the candidate just decided belongs to. So the figures
 * shown are a snapshot, refreshed only when the session is finalized (its
 * figures are then final) or when at least REFRESH_AFTER decisions have been
 * recorded or changed since the snapshot was taken: one more decision then
 * hides among several.
 *
 * A decision counts as recorded when its id is new, when it was changed
 * (another updatedAt: a changed outcome moves the counts as much as a new
 * one), or when it was removed.
 */
import { z } from 'zod';
import { OutcomeSchema } from '../domain/session';

export const REFRESH_AFTER = 5;

export interface DecisionMark {
  id: string;
  updatedAt: string;
}

/** What the view remembers of the figures it last showed. */
export interface FairnessSnapshotMark {
  /** When the figures were taken (ISO). */
  takenAt: string;
  /** Each decision's updatedAt at that time, by id. */
  versions: Readonly<Record<string, string>>;
}

export type RefreshReason = 'first' | 'finalized' | 'decisions';

export interface RefreshVerdict {
  refresh: boolean;
  /** Why the figures are (re)taken; null when the last ones stay. */
  reason: RefreshReason | null;
  /** Decisions recorded, changed or removed since the snapshot (0 without one). */
  recordedSince: number;
}

export function decisionsRecordedSince(decisions: readonly DecisionMark[], last: FairnessSnapshotMark): number {
  let n = 0;
  const now = new Set<string>();
  for (const d of decisions) {
    now.add(d.id);
    if (last.versions[d.id] !== d.updatedAt) n++;
  }
  for (const id of Object.keys(last.versions)) if (!now.has(id)) n++;
  return n;
}

export function fairnessRefresh(
  now: { decisions: readonly DecisionMark[]; finalized: boolean },
  last: FairnessSnapshotMark | null,
  every: number = REFRESH_AFTER,
): RefreshVerdict {
  const recordedSince = last ? decisionsRecordedSince(now.decisions, last) : 0;
  // A finalized session always shows its final figures: nothing more can be decided, so nothing is revealed.
  if (now.finalized) return { refresh: true, reason: 'finalized', recordedSince };
  if (!last) return { refresh: true, reason: 'first', recordedSince };
  if (recordedSince >= every) return { refresh: true, reason: 'decisions', recordedSince };
  return { refresh: false, reason: null, recordedSince };
}

export function snapshotMark(decisions: readonly DecisionMark[], takenAt: string): FairnessSnapshotMark {
  return { takenAt, versions: Object.fromEntries(decisions.map((d) => [d.id, d.updatedAt])) };
}

/**
 * What is stored (in the database, so a reload keeps it) of the figures last
 * shown: when they were taken and the decisions they counted, each with only
 * what the fairness model reads (no rationale or other free text). The view
 * recomputes the shown figures from these, so a reload shows the same
 * figures, not the live ones; and the mark above is derived from them.
 */
export const CountedDecisionSchema = z.object({
  id: z.string(),
  candidateId: z.string(),
  outcome: OutcomeSchema,
  updatedAt: z.string(),
  decidedAt: z.string().optional(),
  newLevelId: z.string().nullable().optional(),
});
export type CountedDecision = z.infer<typeof CountedDecisionSchema>;

export const FairnessShownSchema = z.object({ takenAt: z.string(), decisions: z.array(CountedDecisionSchema) });
export type FairnessShown = z.infer<typeof FairnessShownSchema>;

/** The decisions as counted, reduced to what the model reads. */
export function countedDecisions(decisions: readonly (DecisionMark & CountedDecision)[]): CountedDecision[] {
  return decisions.map((d) => ({ id: d.id, candidateId: d.candidateId, outcome: d.outcome, updatedAt: d.updatedAt, decidedAt: d.decidedAt, newLevelId: d.newLevelId ?? null }));
}

export function shownMark(shown: FairnessShown): FairnessSnapshotMark {
  return snapshotMark(shown.decisions, shown.takenAt);
}
