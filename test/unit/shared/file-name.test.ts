/** Suggested file names: one slug rule, accents folded, a fallback for names with no ASCII, and bundles that say they are encrypted. */
import { describe, expect, it } from 'vitest';
import { asciiSlug, bundleFileName, decisionsCsvFileName, fileNameSlug } from '../../../shared/util/file-name';

describe('file names', () => {
  it.each([
    ['Week 1: Staff review', 'week-1-staff-review'],
    ['Zoë Ferreira-Égalité', 'zoe-ferreira-egalite'],
    ['  --2026 H2 promotions!!  ', '2026-h2-promotions'],
  ])('slugs %j as %j', (text, slug) => {
    expect(fileNameSlug(text, 'x')).toBe(slug);
  });

  it('falls back when nothing of the name is ASCII, and cuts long names without a trailing dash', () => {
    expect(fileNameSlug('王小明', 'candidate')).toBe('candidate');
    expect(asciiSlug(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('names an encrypted bundle apart from a plain one of the same selection', () => {
    expect(bundleFileName('2026 H2 promotions', 1, false)).toBe('2026-h2-promotions-1-packets.levelset.json');
    expect(bundleFileName('2026 H2 promotions', 1, true)).toBe('2026-h2-promotions-1-packets-encrypted.levelset.json');
    expect(bundleFileName('王', 3, false)).toBe('cycle-3-packets.levelset.json');
  });

  it('names a decisions CSV exported before finalizing as in progress', () => {
    expect(decisionsCsvFileName('Engineering calibration, week 1', true)).toBe('decisions-engineering-calibration-week-1.csv');
    expect(decisionsCsvFileName('Engineering calibration, week 1', false)).toBe('decisions-engineering-calibration-week-1-in-progress.csv');
    // A blind session's CSV carries pseudonyms; its name says so.
    expect(decisionsCsvFileName('Week 1', true, true)).toBe('decisions-week-1-blind.csv');
  });
});
