/**
 * A short summary of a framework: what the import dialog shows before the
 * user confirms, and what `framework-cli check` prints. One function for both
 * so the CLI checks exactly what the app would show.
 */
import type { Framework } from '../domain/framework';

export interface FrameworkPreviewLevel {
  code: string;
  title: string;
  /** Name of the level's track ('' when the track does not exist). */
  track: string;
  /** Number of criteria attached to the level. */
  criteria: number;
}

export interface FrameworkPreview {
  name: string;
  /** Track names, in the framework's order. */
  tracks: string[];
  /** Levels grouped by track (tracks in framework order), each track's levels in ladder order. */
  levels: FrameworkPreviewLevel[];
  /** Competency names, in the framework's order. */
  competencies: string[];
  criteriaCount: number;
}

export function previewOf(framework: Framework): FrameworkPreview {
  const criteriaPerLevel = new Map<string, number>();
  for (const c of framework.criteria) criteriaPerLevel.set(c.levelId, (criteriaPerLevel.get(c.levelId) ?? 0) + 1);

  const trackIndex = new Map(framework.tracks.map((t, i) => [t.id, i]));
  const trackName = new Map(framework.tracks.map((t) => [t.id, t.name]));
  const levels = framework.levels
    .map((level, i) => ({ level, i }))
    .sort(
      (a, b) =>
        (trackIndex.get(a.level.trackId) ?? Number.MAX_SAFE_INTEGER) - (trackIndex.get(b.level.trackId) ?? Number.MAX_SAFE_INTEGER) ||
        a.level.order - b.level.order ||
        a.i - b.i,
    )
    .map(({ level }) => ({
      code: level.code,
      title: level.title,
      track: trackName.get(level.trackId) ?? '',
      criteria: criteriaPerLevel.get(level.id) ?? 0,
    }));

  return {
    name: framework.name,
    tracks: framework.tracks.map((t) => t.name),
    levels,
    competencies: framework.competencies.map((c) => c.name),
    criteriaCount: framework.criteria.length,
  };
}
