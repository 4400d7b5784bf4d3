/**
 * Who is one manager (shared/rules/manager-names.ts): names that differ only
 * in case, spacing or Unicode form are one manager, shown in the spelling
 * most of their candidates carry. Expected values are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { distinctNames, nameSpellings, oneSpellingPerName } from '../../../shared/rules/manager-names';
import { blindNames } from '../../../shared/calibration/pseudonyms';
import { nameKey, someoneElse } from '../../../shared/rules/record-name';

// "Zoë Ångström" written with precomposed letters, and again with combining marks (o + U+0308, A + U+030A).
const COMPOSED = 'Zo\u00eb \u00c5ngstr\u00f6m';
const DECOMPOSED = 'Zoe\u0308 A\u030angstro\u0308m';

describe('nameKey', () => {
  it('reads one name in either Unicode form, any case and any spacing as one key', () => {
    expect(COMPOSED).not.toBe(DECOMPOSED);
    expect(nameKey(DECOMPOSED)).toBe(nameKey(COMPOSED));
    expect(nameKey(' zoë   ångström ')).toBe(nameKey(COMPOSED));
    expect(nameKey('Zoe Angstrom')).not.toBe(nameKey(COMPOSED));
  });
});

describe('someoneElse', () => {
  it('names the other person, one-spaced, only when they are not the one signed in', () => {
    expect(someoneElse('Dana Reyes', '  Morgan   Ellis ')).toBe('Morgan Ellis');
    expect(someoneElse(COMPOSED, ' zoë   ångström ')).toBeNull();
    expect(someoneElse(DECOMPOSED, COMPOSED)).toBeNull();
    // Nothing to tell by: no profile, or no name on the other side.
    expect(someoneElse(null, 'Morgan Ellis')).toBeNull();
    expect(someoneElse('   ', 'Morgan Ellis')).toBeNull();
    expect(someoneElse('Dana Reyes', undefined)).toBeNull();
    expect(someoneElse('Dana Reyes', ' ')).toBeNull();
  });
});

describe('nameSpellings', () => {
  it('shows each manager in the spelling most of their candidates carry', () => {
    const shown = nameSpellings(['zoë ångström', 'Zoë Ångström', 'zoë ångström', 'Sam Rivera']);
    expect([...shown.values()].sort()).toEqual(['Sam Rivera', 'zoë ångström']);
  });

  it('on a tie, prefers the capitalised spelling, whatever the order met', () => {
    expect([...nameSpellings(['zoë ångström', 'Zoë Ångström']).values()]).toEqual(['Zoë Ångström']);
    expect([...nameSpellings(['Zoë Ångström', 'zoë ångström']).values()]).toEqual(['Zoë Ångström']);
  });
});

describe('oneSpellingPerName', () => {
  const people = [
    { id: 'a', manager: 'Zoë Ångström' },
    { id: 'b', manager: 'zoë  ångström' },
    { id: 'c', manager: DECOMPOSED },
    { id: 'd', manager: 'Sam Rivera' },
  ];

  it('gives every candidate of one manager the same name, and leaves the rest untouched', () => {
    const out = oneSpellingPerName(people);
    expect(out.map((c) => c.manager)).toEqual(['Zoë Ångström', 'Zoë Ångström', 'Zoë Ångström', 'Sam Rivera']);
    expect(out[0]).toBe(people[0]);
    expect(out[3]).toBe(people[3]);
    expect(people[1]!.manager).toBe('zoë  ångström');
  });

  it('takes the spelling from a wider set when given one (a session from its cycle)', () => {
    const session = [{ id: 'b', manager: 'zoë ångström' }];
    const cycle = [{ manager: 'Zoë Ångström' }, { manager: 'Zoë Ångström' }, { manager: 'zoë ångström' }];
    expect(oneSpellingPerName(session, cycle)[0]!.manager).toBe('Zoë Ångström');
  });
});

describe('teams', () => {
  it('are one team whatever the case, on screen and in a blind session', () => {
    const people = [
      { id: 'a', manager: 'Sam Rivera', team: 'Payments' },
      { id: 'b', manager: 'Sam Rivera', team: 'payments' },
      { id: 'c', manager: 'Sam Rivera', team: 'Payments' },
      { id: 'd', manager: 'Sam Rivera', team: '' },
    ];
    expect(oneSpellingPerName(people).map((c) => c.team)).toEqual(['Payments', 'Payments', 'Payments', '']);
    const names = blindNames('salt', { teams: ['Payments', 'payments', 'Search'] });
    expect(names.team('payments')).toBe(names.team('Payments'));
    expect(names.team('Search')).not.toBe(names.team('Payments'));
  });
});

describe('distinctNames', () => {
  it('offers one suggestion per name, in name order, without empty ones', () => {
    expect(distinctNames(['Payments', 'search', 'payments', '', 'Search', 'Data'])).toEqual(['Data', 'Payments', 'Search']);
  });
});
