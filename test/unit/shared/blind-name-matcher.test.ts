/**
 * The redactor's matcher (shared/calibration/name-matcher.ts) against the
 * one big regular expression it replaced, kept here as the reference: the
 * same output for random texts and name lists, including names that share
 * a first letter, differ only in case, touch punctuation or are
 * possessives, and characters whose case folds unusually (ſ, K, ς, İ, ß).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameMatcher } from '../../../shared/calibration/name-matcher';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The previous implementation: one alternation, longest first, tried at every position. */
function reference(names: readonly string[], text: string, replace: (m: string) => string): string {
  if (names.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, replace);
}

const letters = ['a', 'A', 'b', 'B', 'o', 'O', 's', 'S', 'ſ', 'k', 'K', 'K', 'σ', 'ς', 'Σ', 'i', 'I', 'İ', 'ı', 'ß', 'ẞ', 'é', 'É', '😀', '1'];
const others = [' ', ' ', "'", '’', '.', '-', ',', '(', ')', '*', '|', '\\', '\u00a0', '\ud83d'];
const unit = fc.constantFrom(...letters, ...others);
const name = fc.array(unit, { minLength: 2, maxLength: 6 }).map((u) => u.join(''));
const text = fc.oneof(fc.array(unit, { maxLength: 60 }).map((u) => u.join('')), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 30 }));

// The redactor passes names lower-cased and longest first; the matcher must agree with the reference for any order.
const names = fc.uniqueArray(name, { maxLength: 12 }).chain((list) => fc.boolean().map((sort) => (sort ? [...list].sort((a, b) => b.length - a.length) : list)));

describe('nameMatcher', () => {
  it('replaces exactly what the single alternation expression replaced', () => {
    const mark = (m: string) => `<${m}>`;
    fc.assert(
      fc.property(names, fc.array(text, { minLength: 1, maxLength: 4 }), (list, texts) => {
        const match = nameMatcher(list);
        for (const t of texts) expect(match(t, mark)).toBe(reference(list, t, mark));
        // Names planted in a text are found as the reference finds them.
        const planted = list.map((n, i) => `${texts[0]}${i % 2 ? ' ' : '('}${n}${i % 3 ? "'s" : '.'}`).join(' ');
        expect(match(planted, mark)).toBe(reference(list, planted, mark));
      }),
      { numRuns: 200 },
    );
  });

  it('finds a name after a word that shares its first letter, and leaves a name inside a longer word', () => {
    const match = nameMatcher(['amara okafor', 'amara', 'okafor', 'bo']);
    expect(match('Amaranth, Amara Okafor and AMARA met Bob and Bo.', (m) => `[${m}]`)).toBe('Amaranth, [Amara Okafor] and [AMARA] met Bob and [Bo].');
  });

  it('keeps the list order across first letters that fold together (long s and s)', () => {
    // "s" of the text can begin both "ſ." and "s": the earlier name in the list wins, as in the reference.
    const list = ['sz', 'ſ.', 's'];
    const mark = (m: string) => `<${m}>`;
    expect(nameMatcher(list)('s. and S.', mark)).toBe(reference(list, 's. and S.', mark));
    expect(reference(list, 's. and S.', mark)).toBe('<s.> and <S.>');
  });
});
