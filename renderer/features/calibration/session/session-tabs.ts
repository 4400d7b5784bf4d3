/**
 * A session's tabs (`#/calibration/<sessionId>/<tab>`) and the code the
 * analysis tabs need. Kept apart from the session page so the shell can ask
 * for the views' chunk at route entry (app/sections.tsx), beside the page's
 * own, instead of after the page's chunk has arrived and mounted.
 */
export const SESSION_TABS = [
  { id: 'review', label: 'Review' },
  { id: 'heatmap', label: 'Heatmap' },
  { id: 'compare', label: 'Side by side' },
  { id: 'managers', label: 'Managers' },
  { id: 'levels', label: 'Levels' },
  { id: 'fairness', label: 'Fairness' },
  { id: 'audit', label: 'Audit' },
] as const;

export type SessionTab = (typeof SESSION_TABS)[number]['id'];
export type AnalysisTab = Exclude<SessionTab, 'review' | 'audit'>;

export function isSessionTab(value: string | undefined): value is SessionTab {
  return SESSION_TABS.some((t) => t.id === value);
}

/** The tabs that show an analysis view (they carry the charts), as opposed to the review and the audit trail. */
export function isAnalysisTab(tab: SessionTab): tab is AnalysisTab {
  return tab !== 'review' && tab !== 'audit';
}

/** The analysis views' chunk (heatmap, side by side, managers, levels, fairness); import() downloads it once. */
export const loadSessionViews = () => import('../views');

/** The views' chunk when `tab` (a route segment) is an analysis tab; nothing otherwise. */
export function preloadSessionTab(tab: string | undefined): Promise<unknown> | undefined {
  return isSessionTab(tab) && isAnalysisTab(tab) ? loadSessionViews() : undefined;
}
