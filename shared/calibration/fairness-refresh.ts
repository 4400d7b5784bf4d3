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
