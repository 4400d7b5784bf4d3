/** The target levels a session's candidates aim at, for the level pickers of the heatmap and side-by-side. */
import type { Candidate, Framework, Level } from '../domain';
import { levelsOfTrack } from '../domain/framework';

export interface SessionLevel {
  level: Level;
  trackName: string;
  /** Non-archived candidates of the session aiming at this level. */
  count: number;
}

/** In ladder order (track by track); only levels with at least one candidate. */
export function sessionLevels(framework: Pick<Framework, 'tracks' | 'levels'>, candidates: readonly Pick<Candidate, 'targetLevelId' | 'archived'>[]): SessionLevel[] {
  const counts = new Map<string, number>();
  for (const c of candidates) if (!c.archived && c.targetLevelId) counts.set(c.targetLevelId, (counts.get(c.targetLevelId) ?? 0) + 1);
  const out: SessionLevel[] = [];
  const trackIds = [...framework.tracks.map((t) => t.id), ...framework.levels.map((l) => l.trackId)];
  const seen = new Set<string>();
  for (const trackId of trackIds) {
    if (seen.has(trackId)) continue;
    seen.add(trackId);
    const trackName = framework.tracks.find((t) => t.id === trackId)?.name ?? trackId;
    for (const level of levelsOfTrack(framework, trackId)) {
      const count = counts.get(level.id) ?? 0;
      if (count > 0) out.push({ level, trackName, count });
    }
  }
  return out;
}

/** The level with the most candidates; the first in ladder order on a tie. */
export function busiestLevel(levels: readonly SessionLevel[]): string | null {
  let best: SessionLevel | null = null;
  for (const l of levels) if (!best || l.count > best.count) best = l;
  return best?.level.id ?? null;
}

export function levelLabel(l: SessionLevel): string {
  return `${l.level.code} · ${l.level.title} (${l.count} ${l.count === 1 ? 'candidate' : 'candidates'})`;
}
