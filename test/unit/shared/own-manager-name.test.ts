/** Who starts as a new candidate's manager (shared/rules/manager-names.ts ownManagerName): the user, when their role says they manage people. */
import { describe, expect, it } from 'vitest';
import { ownManagerName } from '../../../shared/rules/manager-names';

describe('ownManagerName', () => {
  it('is the user’s name when their role names them a manager, in any case or place', () => {
    expect(ownManagerName({ name: 'Sam  Okafor', role: 'Engineering manager' })).toBe('Sam Okafor');
    expect(ownManagerName({ name: 'Sam Okafor', role: 'MANAGER, Payments' })).toBe('Sam Okafor');
    expect(ownManagerName({ name: 'Sam Okafor', role: 'Manager' })).toBe('Sam Okafor');
  });

  it('is empty for anyone else, for a word that only contains "manager", and with no profile', () => {
    expect(ownManagerName({ name: 'Dana Whitfield', role: 'Committee chair' })).toBe('');
    expect(ownManagerName({ name: 'Helen Okoro', role: 'HR partner' })).toBe('');
    expect(ownManagerName({ name: 'Ana Lind', role: 'Managerial assistant' })).toBe('');
    expect(ownManagerName({ name: 'Ana Lind', role: '' })).toBe('');
    expect(ownManagerName(null)).toBe('');
    expect(ownManagerName(undefined)).toBe('');
  });
});
