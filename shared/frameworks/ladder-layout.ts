/**
 * Ladder layout: which row each level sits in when tracks are drawn as
 * columns, so that equivalent levels (IC4 ~ M2) line up across tracks.
 * The first track takes rows in ladder order; every other track is anchored
 * at its equivalences and keeps its own order (a level is always below the
 * one before it, even when an equivalence would put it higher).
 */
import { levelsOfTrack, type Framework } from '../domain/framework';

export interface LadderLayout {
  rowOf: Map<string, number>;
  rows: number;
  /** For each level, the codes of the levels it is equivalent to. */
  equivalentsOf: Map<string, string[]>;
}

export function ladderLayout(framework: Pick<Framework, 'tracks' | 'levels' | 'equivalences'>): LadderLayout {
  const rowOf = new Map<string, number>();
  const codeOf = new Map(framework.levels.map((l) => [l.id, l.code]));
  const partners = new Map<string, string[]>();
  for (const eq of framework.equivalences) {
    const [a, b] = eq.levelIds;
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }

  for (const track of framework.tracks) {
    const levels = levelsOfTrack(framework, track.id);
    const anchors = levels.map((l) => {
      const rows = (partners.get(l.id) ?? []).map((p) => rowOf.get(p)).filter((r): r is number => r !== undefined);
      return rows.length > 0 ? Math.min(...rows) : undefined;
    });
    const firstAnchor = anchors.findIndex((a) => a !== undefined);
    let previous = -1;
    levels.forEach((level, i) => {
      const anchor = anchors[i];
      let row: number;
      if (anchor !== undefined) row = anchor;
      else if (firstAnchor > i) row = (anchors[firstAnchor] as number) - (firstAnchor - i);
      else row = previous + 1;
      row = Math.max(row, previous + 1, 0);
      rowOf.set(level.id, row);
      previous = row;
    });
  }

  const equivalentsOf = new Map<string, string[]>();
  for (const [id, list] of partners) equivalentsOf.set(id, list.map((p) => codeOf.get(p) ?? '?'));
  const rows = rowOf.size === 0 ? 0 : Math.max(...rowOf.values()) + 1;
  return { rowOf, rows, equivalentsOf };
}
