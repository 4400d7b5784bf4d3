/** Counts and lists in words, as every sentence of the app writes them. */
import { describe, expect, it } from 'vitest';
import { andList, plural } from '../../../shared/util/plural';

describe('andList', () => {
  it('joins one, two and more items with commas and a last "and"', () => {
    // A trial read "Tom Becker, Lena Ortiz have not cast a pre-vote" in the reveal dialog.
    expect(andList([])).toBe('');
    expect(andList(['Tom Becker'])).toBe('Tom Becker');
    expect(andList(['Tom Becker', 'Lena Ortiz'])).toBe('Tom Becker and Lena Ortiz');
    expect(andList(['Tom Becker', 'Lena Ortiz', 'Priyanka Rao'])).toBe('Tom Becker, Lena Ortiz and Priyanka Rao');
  });
});

describe('plural', () => {
  it('says one and many with the noun to match, thousands grouped', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(0, 'entry', 'entries')).toBe('0 entries');
    expect(plural(1200, 'packet')).toBe('1,200 packets');
  });
});
