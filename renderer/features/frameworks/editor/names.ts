/** How rows are named in labels and messages, and the code suggested for a new level. */
import { levelsOfTrack, type Framework, type Level, type Track, type TrackKind } from '../../../../shared/domain/framework';

/** A level by its code, else its title. */
export function levelName(level: Pick<Level, 'code' | 'title'>): string {
  return level.code.trim() || level.title.trim() || 'untitled level';
}

export function trackName(track: Pick<Track, 'name'>): string {
  return track.name.trim() || 'untitled track';
}

const KIND_PREFIX: Record<TrackKind, string> = { ic: 'IC', manager: 'M', architecture: 'A', other: 'L' };

/** A likely code for the next level of a track (IC3 after IC2), or '' when the guess is already taken. */
export function suggestNextCode(framework: Framework, track: Track): string {
  const top = levelsOfTrack(framework, track.id).at(-1)?.code.trim();
  const match = top ? /^(.*?)(\d+)$/.exec(top) : null;
  const guess = match ? `${match[1]}${Number(match[2]) + 1}` : top ? '' : `${KIND_PREFIX[track.kind]}1`;
  const taken = new Set(framework.levels.map((l) => l.code.trim().toLowerCase()));
  return guess && !taken.has(guess.toLowerCase()) ? guess : '';
}
