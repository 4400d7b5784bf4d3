/**
 * Which levels count as a promotion from a current level: the one rule
 * behind a candidate's target, "Promote to another level" decisions and the
 * votes for it, and the pickers that offer them.
 *
 * A promotion goes to a level above the current one on its own track, or to
 * a level on another track at or above the current level's equivalent. The
 * equivalent is read from the ladder layout (shared/frameworks/ladder-layout.ts),
 * the rows the framework viewer draws: equivalent levels share a row, and a
 * level between two equivalences sits between them. Only tracks joined to the
 * current one by the framework's equivalences (directly or through another
 * track) count: a track with no equivalence says nothing about seniority, so
 * its rows are only drawing order and moving onto it is not a promotion.
 */
import type { Framework, Level } from '../domain/framework';
import { levelOf } from '../domain/level-lookup';
import { ladderLayout } from '../frameworks/ladder-layout';

type LadderFramework = Pick<Framework, 'tracks' | 'levels' | 'equivalences'>;

/** Tracks reachable from `trackId` through equivalences (including itself). */
function joinedTracks(framework: LadderFramework, trackId: string): Set<string> {
  const trackOf = new Map(framework.levels.map((l) => [l.id, l.trackId]));
  const joined = new Set([trackId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const eq of framework.equivalences) {
      const [a, b] = eq.levelIds.map((id) => trackOf.get(id));
      if (a === undefined || b === undefined) continue;
      if (joined.has(a) !== joined.has(b)) {
        joined.add(a);
        joined.add(b);
        grew = true;
      }
    }
  }
  return joined;
}

/** Levels a candidate at `currentLevelId` may be promoted to, in track order then ladder order. Empty when the level is unknown. */
export function allowedPromotionLevels(framework: LadderFramework, currentLevelId: string): Level[] {
  const current = levelOf(framework, currentLevelId);
  if (!current) return [];
  const { rowOf } = ladderLayout(framework);
  const currentRow = rowOf.get(current.id) ?? 0;
  const joined = joinedTracks(framework, current.trackId);
  const trackIndex = new Map(framework.tracks.map((t, i) => [t.id, i]));
  return framework.levels
    .filter((l) => {
      if (l.trackId === current.trackId) return l.order > current.order;
      return joined.has(l.trackId) && (rowOf.get(l.id) ?? -1) >= currentRow;
    })
    .sort((a, b) => (trackIndex.get(a.trackId) ?? 0) - (trackIndex.get(b.trackId) ?? 0) || a.order - b.order);
}

export function isAllowedPromotion(framework: LadderFramework, currentLevelId: string, levelId: string): boolean {
  return allowedPromotionLevels(framework, currentLevelId).some((l) => l.id === levelId);
}

/**
 * Why `levelId` is not a promotion from `currentLevelId`, as a sentence for
 * the person choosing, or null when it is one. `what` names the choice in
 * the message ("The target level", "The level granted").
 */
export function promotionLevelProblem(framework: LadderFramework, currentLevelId: string, levelId: string, what: string): string | null {
  const current = levelOf(framework, currentLevelId);
  const level = levelOf(framework, levelId);
  if (!level) return `${what} is not in this cycle’s framework; choose another.`;
  if (!current) return 'The candidate’s current level is not in this cycle’s framework; correct it on the candidate page first.';
  if (isAllowedPromotion(framework, currentLevelId, levelId)) return null;
  if (level.id === current.id) return `${what} is the candidate’s current level (${current.code}); choose a level above it.`;
  return `${what} (${level.code}) is not a promotion from ${current.code}: choose a level above ${current.code} on its track, or one at or above its equivalent on another track.`;
}

export interface PromotionChoiceGroup {
  trackId: string;
  trackName: string;
  levels: Level[];
}

/**
 * The levels a picker offers for "Promote to another level", grouped by
 * track: the allowed promotions from the current level, without the target
 * (that is plain Promote).
 */
export function promoteOtherChoices(framework: LadderFramework, candidate: { currentLevelId: string; targetLevelId: string | null }): PromotionChoiceGroup[] {
  return promotionChoices(framework, candidate.currentLevelId).map((g) => ({ ...g, levels: g.levels.filter((l) => l.id !== candidate.targetLevelId) })).filter((g) => g.levels.length > 0);
}

/** The allowed promotions from the current level grouped by track (the candidate form's target picker). */
export function promotionChoices(framework: LadderFramework, currentLevelId: string): PromotionChoiceGroup[] {
  const allowed = allowedPromotionLevels(framework, currentLevelId);
  return framework.tracks
    .map((t) => ({ trackId: t.id, trackName: t.name, levels: allowed.filter((l) => l.trackId === t.id) }))
    .filter((g) => g.levels.length > 0);
}
