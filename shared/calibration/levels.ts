/**
 * Headcount per level before and after the committee's decisions, as one
 * chart series (a grouped bar per level, ordered by track then level).
 *
 * Before: each non-archived candidate at their current level. After: the
 * latest decision per candidate moves them — Promote to the level the
 * decision grants (its `newLevelId`, which for Promote is the target level)
 * or else the candidate's target level; Promote to another level to the
 * decision's `newLevelId`; Not yet, Defer and undecided candidates stay. A
 * Promote-other without a level (an invalid decision) leaves the candidate
 * where they are and is listed in `unresolved`.
 *
 * Every level of the framework appears, zero or not, so the axis is the same
 * before and after and across cycles. Candidates whose level the framework
 * does not know (a level removed in a later version) are counted in
 * `outsideFramework` rather than silently dropped.
 */
import type { Framework } from '../domain/framework';
import { levelsOfTrack } from '../domain/framework';
import { grantsNoLevel, levelAfterDecision } from '../rules/level-after-decision';
import { latestDecisions, type CandidateRef, type DecisionRef } from './common';

export interface LevelPoint {
  levelId: string;
  code: string;
  /** The track's name. */
  track: string;
  trackId: string;
  before: number;
  after: number;
}

export interface LevelDistribution {
  /** Ordered by the framework's track order, then level order on the track. */
  series: LevelPoint[];
  /** Candidates moved to another level by a decision. */
  moved: number;
  /** Candidates at a level the framework does not have, before and after. */
  outsideFramework: { before: number; after: number };
  /** Candidate ids with a promotion decision that names no level. */
  unresolved: string[];
  rule: string;
}

export const LEVEL_DISTRIBUTION_RULE =
  'Before: candidates at their current level. After: Promote moves a candidate to the target level, Promote to another level to the level the committee chose; Not yet, Defer and undecided candidates stay.';

/** The level a candidate holds after their decision (or now, without one); the rule is in shared/rules/level-after-decision.ts. */
export function levelAfter(candidate: Pick<CandidateRef, 'currentLevelId' | 'targetLevelId'>, decision: DecisionRef | undefined): string | null {
  return levelAfterDecision(candidate, decision);
}

export function levelDistribution(input: { framework: Pick<Framework, 'tracks' | 'levels'>; candidates: readonly CandidateRef[]; decisions: readonly DecisionRef[] }): LevelDistribution {
  const { framework } = input;
  const series: LevelPoint[] = [];
  const index = new Map<string, LevelPoint>();
  const trackIds = framework.tracks.map((t) => t.id);
  // Levels on a track the framework does not list still get a place, after the known tracks.
  for (const l of framework.levels) if (!trackIds.includes(l.trackId)) trackIds.push(l.trackId);
  const trackName = new Map(framework.tracks.map((t) => [t.id, t.name]));
  for (const trackId of trackIds) {
    for (const level of levelsOfTrack(framework, trackId)) {
      if (index.has(level.id)) continue;
      const point: LevelPoint = { levelId: level.id, code: level.code, track: trackName.get(trackId) ?? trackId, trackId, before: 0, after: 0 };
      index.set(level.id, point);
      series.push(point);
    }
  }

  const decisions = latestDecisions(input.decisions);
  const outsideFramework = { before: 0, after: 0 };
  const unresolved: string[] = [];
  let moved = 0;
  for (const candidate of input.candidates) {
    if (candidate.archived === true) continue;
    const before = candidate.currentLevelId ?? null;
    const decision = decisions.get(candidate.id);
    const after = levelAfter(candidate, decision);
    if (grantsNoLevel(candidate, decision)) unresolved.push(candidate.id);
    if (after !== before) moved++;
    const b = before === null ? undefined : index.get(before);
    if (b) b.before++;
    else outsideFramework.before++;
    const a = after === null ? undefined : index.get(after);
    if (a) a.after++;
    else outsideFramework.after++;
  }
  return { series, moved, outsideFramework, unresolved, rule: LEVEL_DISTRIBUTION_RULE };
}
