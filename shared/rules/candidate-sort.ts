/**
 * The Candidates list's orders: by name (the default), manager, team, current
 * or target level up the ladder, or evidence count (fewest first finds who
 * needs evidence before the packet is due). Ties fall back to name, then id,
 * so the order never depends on how the rows were read.
 */
import type { Candidate } from '../domain/candidate';
import { compareNames } from '../calibration/common';
import { compareOnLadder } from '../packets/packet-list';

export type CandidateSort = 'name' | 'manager' | 'team' | 'current-level' | 'target-level' | 'evidence-asc' | 'evidence-desc';

export const CANDIDATE_SORTS: ReadonlyArray<{ value: CandidateSort; label: string }> = [
  { value: 'name', label: 'Name' },
  { value: 'manager', label: 'Manager' },
  { value: 'team', label: 'Team' },
  { value: 'current-level', label: 'Current level' },
  { value: 'target-level', label: 'Target level' },
  { value: 'evidence-asc', label: 'Evidence, fewest first' },
  { value: 'evidence-desc', label: 'Evidence, most first' },
];

type Row = Pick<Candidate, 'id' | 'name' | 'manager' | 'team' | 'currentLevelId' | 'targetLevelId'>;

/**
 * `levelOrder`: each level's place on the ladder (levelOrderOf); a level it
 * does not know, and no target level, sort last. `counts`: evidence per
 * candidate (the stored list figures); none counts as 0.
 */
export function sortCandidates<C extends Row>(rows: readonly C[], sort: CandidateSort, { levelOrder, counts }: { levelOrder: ReadonlyMap<string, number>; counts: ReadonlyMap<string, number> }): C[] {
  const byLevel = (a: string | null, b: string | null) => compareOnLadder(levelOrder, a, b);
  const compare = (a: C, b: C): number => {
    switch (sort) {
      case 'name':
        return 0;
      case 'manager':
        return compareNames(a.manager, b.manager);
      case 'team':
        // No team last, not first.
        return Number(a.team === '') - Number(b.team === '') || compareNames(a.team, b.team);
      case 'current-level':
        return byLevel(a.currentLevelId, b.currentLevelId);
      case 'target-level':
        return byLevel(a.targetLevelId, b.targetLevelId);
      case 'evidence-asc':
        return (counts.get(a.id) ?? 0) - (counts.get(b.id) ?? 0);
      case 'evidence-desc':
        return (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0);
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
