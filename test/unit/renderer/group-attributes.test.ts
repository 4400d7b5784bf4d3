import { describe, expect, it } from 'vitest';
import { groupsFromRows } from '../../../renderer/features/candidates/group-attributes';

describe('groupsFromRows: the candidate form’s group attribute rows', () => {
  it('keeps attributes named like an object’s own members as the user’s', () => {
    const { groups, problem } = groupsFromRows([
      { name: 'constructor', value: 'Toronto' },
      { name: 'toString', value: 'Remote' },
    ].map((r, i) => ({ key: i + 1, ...r })));
    expect(problem).toBeNull();
    expect(Object.entries(groups)).toEqual([
      ['constructor', 'Toronto'],
      ['toString', 'Remote'],
    ]);
  });

  it('refuses "__proto__", which no stored row keeps, instead of dropping it on save', () => {
    const { problem } = groupsFromRows([{ key: 1, name: '__proto__', value: 'Toronto' }]);
    expect(problem).toBe('“__proto__” cannot name a group attribute; choose another name.');
  });
});
