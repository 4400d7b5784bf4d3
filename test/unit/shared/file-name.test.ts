/** Suggested file names: one slug rule, accents folded, a fallback for names with no ASCII, bundles that say they are encrypted, backups named to the second. */
import { describe, expect, it } from 'vitest';
import { asciiSlug, bundleFileName, decisionsCsvFileName, fileNameSlug, savedBackupFileName } from '../../../shared/util/file-name';

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

  describe('a backup saved with "Back up now…"', () => {
    // Local times (the Date constructor's fields), as the name is written in the user's time zone.
    const local = (month: number, day: number, hour: number, minute: number, second = 0, year = 2026) => new Date(year, month - 1, day, hour, minute, second);

    it('carries the local day and time to the second', () => {
      expect(savedBackupFileName(local(12, 4, 14, 32, 5))).toBe('levelset-backup-2026-12-04-143205.json');
      expect(savedBackupFileName(local(1, 9, 0, 0, 0, 2027))).toBe('levelset-backup-2027-01-09-000000.json');
    });

    it('differs for two backups the same day, and the same minute', () => {
      expect(savedBackupFileName(local(12, 4, 9, 15))).not.toBe(savedBackupFileName(local(12, 4, 16, 40)));
      expect(savedBackupFileName(local(12, 4, 9, 15, 1))).not.toBe(savedBackupFileName(local(12, 4, 9, 15, 2)));
    });

    it('sorts by name in the order the backups were made', () => {
      const times = [local(12, 4, 9, 5), local(12, 4, 9, 5, 30), local(12, 4, 10, 0), local(12, 4, 23, 59, 59), local(12, 5, 0, 0), local(12, 10, 8, 0), local(1, 2, 8, 0, 0, 2027)];
      const names = times.map(savedBackupFileName);
      expect([...names].reverse().sort()).toEqual(names);
    });

    it('has no character a Windows file name refuses', () => {
      for (const at of [local(12, 4, 14, 32, 5), local(1, 1, 0, 0), local(7, 31, 23, 59, 59)]) {
        const name = savedBackupFileName(at);
        expect(name).toMatch(/^[a-z0-9.-]+$/);
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|[. ]$/);
      }
    });
  });
});
