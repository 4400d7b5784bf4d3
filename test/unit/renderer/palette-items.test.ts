/**
 * The command palette's matching: case and accents ignored, a label starting
 * with the query before one with a word starting with it before one that
 * only contains it, and no candidates listed until something is typed.
 */
import { describe, expect, it } from 'vitest';
import { paletteMatches, type PaletteItem } from '../../../renderer/features/palette/palette-items';

const item = (kind: PaletteItem['kind'], label: string): PaletteItem => ({ id: `${kind}:${label}`, kind, label, href: `#/${label}` });
const ITEMS: PaletteItem[] = [
  item('Section', 'Candidates'),
  item('Section', 'Calibration'),
  item('Action', 'New session'),
  item('Session', 'Engineering calibration, week 1'),
  item('Candidate', 'Zoë Calder'),
  item('Candidate', 'Marcus Ocal'),
  item('Candidate', 'Lars Karimi'),
];
const labels = (query: string, limit?: number) => paletteMatches(ITEMS, query, limit).map((i) => i.label);

describe('the command palette’s matches', () => {
  it('lists the sections, actions and sessions, not the candidates, before anything is typed', () => {
    expect(labels('')).toEqual(['Candidates', 'Calibration', 'New session', 'Engineering calibration, week 1']);
    expect(labels('   ')).toEqual(labels(''));
  });

  it('puts a label that starts with the query first, then a word that does, then one that contains it', () => {
    // "cal": Calibration starts its label; the session and Zoë Calder have a word that starts with it; Marcus Ocal only contains it.
    expect(labels('cal')).toEqual(['Calibration', 'Engineering calibration, week 1', 'Zoë Calder', 'Marcus Ocal']);
  });

  it('ignores case and accents', () => {
    expect(labels('ZOE')).toEqual(['Zoë Calder']);
    expect(labels('zoë')).toEqual(['Zoë Calder']);
  });

  it('finds nothing for a query nothing contains, and stops at the limit', () => {
    expect(labels('xyz')).toEqual([]);
    expect(labels('a', 2)).toHaveLength(2);
  });
});
