/**
 * The precomputed search key gives exactly the lists' search rule
 * (matchesQuery) for any fields and query, and never matches across two
 * fields (a query spanning the end of one and the start of the next).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyMatches, matchesQuery, normalizeQuery, sameName, searchKey } from '../../../shared/util/search';

describe('searchKey', () => {
  it('agrees with matchesQuery for any fields and query', () => {
    const field = fc.option(fc.string({ maxLength: 8 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 4 }), fc.string({ maxLength: 4 }), (fields, query) => {
        expect(keyMatches(searchKey(fields), normalizeQuery(query))).toBe(matchesQuery(fields, query));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a field by any part, ignoring case and spaces around the query, but not across fields', () => {
    const key = searchKey(['Ada Lovelace', 'Grace Hopper', 'Platform']);
    expect(keyMatches(key, normalizeQuery('  LOVE '))).toBe(true);
    expect(keyMatches(key, normalizeQuery('hopper'))).toBe(true);
    expect(keyMatches(key, normalizeQuery('lacegrace'))).toBe(false);
    expect(keyMatches(key, normalizeQuery(''))).toBe(true);
  });

  it('ignores accents both ways, as a person typing a name expects', () => {
    const key = searchKey(['Zoë Ferreira-Égalité', 'Renée Øberg', 'Search']);
    for (const query of ['zoe', 'Zoë', 'ZOË', 'egalite', 'Égalité', 'renee']) expect(keyMatches(key, normalizeQuery(query)), query).toBe(true);
    expect(keyMatches(searchKey(['Zoe Smith']), normalizeQuery('zoë'))).toBe(true);
    // A letter that is not an accented form of another stays itself.
    expect(keyMatches(key, normalizeQuery('oberg'))).toBe(false);
    expect(matchesQuery(['Zoë Ferreira'], 'zoe')).toBe(true);
  });
  it('reads two names as one whatever their case, accents and spacing, and no more', () => {
    expect(sameName('Zoë Kamau', ' zoe  KAMAU ')).toBe(true);
    expect(sameName('Zoë Kamau', 'Zoë Kamara')).toBe(false);
    expect(sameName('Zoë Kamau', 'Zoë')).toBe(false);
  });
});
