/** The Candidates list's orders: each key, ties by name then id, unknown levels and no team last. */
import { describe, expect, it } from 'vitest';
import { sortCandidates, type CandidateSort } from '../../../shared/rules/candidate-sort';

const row = (id: string, name: string, manager: string, team: string, currentLevelId: string, targetLevelId: string | null) => ({ id, name, manager, team, currentLevelId, targetLevelId });
const rows = [
  row('a', 'Zoë Adams', 'Sam', 'Payments', 'ic2', 'ic3'),
  row('b', 'amara Okafor', 'Alex', '', 'ic3', 'ic4'),
  row('c', 'Bo Lindqvist', 'Alex', 'Data', 'ic1', null),
  row('d', 'Bo Lindqvist', 'Sam', 'Data', 'gone', 'ic2'),
];
const levelOrder = new Map([['ic1', 0], ['ic2', 1], ['ic3', 2], ['ic4', 3]]);
const counts = new Map([['a', 4], ['b', 0], ['c', 9]]);
const ids = (sort: CandidateSort) => sortCandidates(rows, sort, { levelOrder, counts }).map((r) => r.id);

describe('sortCandidates', () => {
  it.each([
    // Name: case does not split "amara" from the A's; the two Bo Lindqvists by id.
    ['name', ['b', 'c', 'd', 'a']],
    ['manager', ['b', 'c', 'd', 'a']],
    // No team last, not first.
    ['team', ['c', 'd', 'a', 'b']],
    // A level the framework no longer has sorts last.
    ['current-level', ['c', 'a', 'b', 'd']],
    // No target level last.
    ['target-level', ['d', 'a', 'b', 'c']],
    // d has no stored count: 0, tied with b, then by name.
    ['evidence-asc', ['b', 'd', 'a', 'c']],
    ['evidence-desc', ['c', 'a', 'b', 'd']],
  ] as const)('%s gives %j', (sort, expected) => {
    expect(ids(sort)).toEqual(expected);
  });

  it('leaves its input as it was', () => {
    const before = rows.map((r) => r.id);
    ids('evidence-desc');
    expect(rows.map((r) => r.id)).toEqual(before);
  });
});
