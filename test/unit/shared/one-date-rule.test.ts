/** One date rule everywhere: evidence, cycles, the brag import and the quarter beside a date field agree on what a date is and say so the same way. */
import { describe, expect, it } from 'vitest';
import { IsoDateSchema } from '../../../shared/domain/ids';
import { parseBragDocument } from '../../../shared/packets/brag-doc';
import { dateProblem } from '../../../shared/util/dates';
import { cycleProblems } from '../../../renderer/db/cycles';
import { evidenceProblems } from '../../../renderer/db/evidence';
import { formatDate, quarterText } from '../../../renderer/components/dates';

const CYCLE = { name: 'H2', opensOn: '2026-12-01', closesOn: '2026-12-31', frameworkVersionId: 'fw', evidenceFrom: '2025-10-01', evidenceTo: '2026-09-30' };
const EVIDENCE = { title: 'Shipped it', description: '', date: '2026-03-14', kind: 'project' as const, source: 'manager' as const, links: [], criterionIds: [] };

function brag(text: string) {
  const result = parseBragDocument(text, { defaultDate: '2026-09-15', showDate: formatDate });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('dateProblem: the one rule', () => {
  it('accepts real dates from 1970 to 2100 and refuses the rest with a sentence', () => {
    for (const ok of ['1970-01-01', '2026-03-14', '2024-02-29', '2100-12-31']) expect(dateProblem(ok), ok).toBeNull();
    expect(dateProblem('2026-02-30')).toMatch(/not a real calendar date/);
    expect(dateProblem('1969-12-31')).toMatch(/outside the years Levelset accepts \(1970 to 2100\)/);
    expect(dateProblem('9999-12-31')).toMatch(/outside the years/);
    expect(dateProblem('0001-01-01')).toMatch(/outside the years/);
  });

  it('is what the stored-row schema enforces', () => {
    expect(IsoDateSchema.safeParse('9999-12-31').success).toBe(false);
    expect(IsoDateSchema.safeParse('0001-01-01').success).toBe(false);
    expect(IsoDateSchema.safeParse('2100-12-31').success).toBe(true);
  });
});

describe('every date field uses it', () => {
  it('evidence gives the same message as the rule', () => {
    expect(evidenceProblems({ ...EVIDENCE, date: '9999-12-31' }).date).toBe(dateProblem('9999-12-31'));
    expect(evidenceProblems({ ...EVIDENCE, date: '2026-02-30' }).date).toBe(dateProblem('2026-02-30'));
    expect(evidenceProblems(EVIDENCE).date).toBeUndefined();
  });

  it('cycles refuse years 0001 and 9999 in every date, with the same message', () => {
    const problems = cycleProblems({ ...CYCLE, opensOn: '0001-01-01', closesOn: '9999-12-31', evidenceFrom: '1900-01-01', evidenceTo: '2999-01-01' });
    expect(problems.opensOn).toBe(dateProblem('0001-01-01'));
    expect(problems.closesOn).toBe(dateProblem('9999-12-31'));
    expect(problems.evidenceFrom).toBe(dateProblem('1900-01-01'));
    expect(problems.evidenceTo).toBe(dateProblem('2999-01-01'));
    expect(cycleProblems(CYCLE)).toEqual({});
  });

  it('shows no quarter beside a date the rule refuses (no "9999 Q4")', () => {
    expect(quarterText('9999-12-31')).toBe('');
    expect(quarterText('2026-12-31')).toBe('2026 Q4');
  });
});

describe('the brag import says what it did with dates it could not use', () => {
  it('warns about 1900 and 2999 dates instead of silently using the default', () => {
    const { items, warnings } = brag('- Shipped the API on 1900-03-14\n- Planned the launch for 2999-01-05');
    expect(items.map((i) => [i.date, i.dateSource])).toEqual([
      ['2026-09-15', 'default'],
      ['2026-09-15', 'default'],
    ]);
    // Each bad date is named; then (line 1 again) the bullets that took the default date are listed once.
    expect(warnings.map((w) => w.line)).toEqual([1, 1, 2]);
    expect(warnings[1]?.message).toMatch(/^2 bullets \(lines 1, 2\) have no date of their own/);
    expect(warnings[0]?.message).toContain('1900-03-14');
    expect(warnings[0]?.message).toContain(dateProblem('1900-03-14'));
    expect(warnings[2]?.message).toContain('2999-01-05');
  });

  it('warns about a heading "## Q9 2026" instead of ignoring it', () => {
    const { items, warnings } = brag('## Q9 2026\n- Led the migration');
    expect(items[0]?.dateSource).toBe('default');
    expect(warnings).toEqual([
      { line: 1, message: expect.stringContaining('no quarter Q9') },
      { line: 2, message: expect.stringContaining('no date of its own') },
    ]);
  });

  it('does not take a number that is not date-shaped for a mistyped date', () => {
    // No warning about a date: only that the bullet has none and takes the default.
    expect(brag('- Closed ticket 1234-56 today').warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^This bullet has no date of its own/)]);
  });
});

describe('one way to show a moment', () => {
  it('formatInstant gives the date as formatDate writes it, then the time, and marks what is no moment', async () => {
    const { formatDate, formatInstant } = await import('../../../renderer/components/dates');
    // Midday UTC is the same calendar day in every time zone from UTC−11 to UTC+11.
    const shown = formatInstant('2026-12-03T12:00:00.000Z');
    expect(shown.startsWith(formatDate('2026-12-03'))).toBe(true);
    expect(shown).toMatch(/\d{1,2}:00/);
    expect(formatInstant('2026-12-03T12:00:07.000Z', { seconds: true })).toMatch(/\d{1,2}:00:07/);
    expect(formatInstant('2026-02-30T10:00:00Z')).toMatch(/not a real date/);
  });

  it('formatInstant names the time zone, so one moment read in two zones is not taken for two', async () => {
    const { formatInstant } = await import('../../../renderer/components/dates');
    // Found trying the flow: a packet submitted at 7:14 on 5 Dec in UTC read "Dec 4, 2026, 11:14 PM" in Los Angeles.
    const at = '2026-12-05T07:14:00.000Z';
    expect(formatInstant(at, { timeZone: 'UTC' })).toMatch(/7:14\sAM\sUTC$/);
    expect(formatInstant(at, { timeZone: 'America/Los_Angeles' })).toMatch(/11:14\sPM\s(PST|GMT-8)$/);
    expect(formatInstant(at, { timeZone: 'Asia/Tokyo', seconds: true })).toMatch(/4:14:00\sPM\s(GMT\+9|JST)$/);
  });

  it('formatDate gives a moment the day it fell on in the user’s zone, not its UTC day', async () => {
    const { formatDate } = await import('../../../renderer/components/dates');
    // 00:30 UTC on 4 Dec is 7:30 PM on 3 Dec in New York (UTC−5) and 9:30 AM on 4 Dec in Tokyo.
    expect(formatDate('2026-12-04T00:30:00.000Z', 'America/New_York')).toBe(formatDate('2026-12-03'));
    expect(formatDate('2026-12-04T00:30:00.000Z', 'Asia/Tokyo')).toBe(formatDate('2026-12-04'));
    expect(formatDate('2026-02-30T10:00:00Z', 'Asia/Tokyo')).toMatch(/not a real date/);
  });

  it('no code takes a moment’s day by cutting its text (that is its UTC day)', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : /\.tsx?$/.test(name) ? [join(dir, name)] : []));
    const offenders = [...files('renderer'), ...files('shared')]
      // The rule itself (dayOf, shownInstant) and calendar arithmetic on UTC-midnight dates.
      .filter((file) => !file.endsWith(join('util', 'dates.ts')))
      .filter((file) => /\b\w*[aA]t\??\.slice\(0, 10\)|toISOString\(\)\.slice\(0, 10\)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no code labels a quarter key by hand (quarterKeyLabel, by quarterLabel, is the one rule)', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : /\.tsx?$/.test(name) ? [join(dir, name)] : []));
    // "2026-Q2".replace('-', ' ') reads "2026 Q2" only while quarterLabel says so.
    const offenders = [...files('renderer'), ...files('shared')].filter((file) => /\.replace\(\s*(['"])-\1\s*,\s*(['"]) \2\s*\)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no screen formats a moment its own way (they read "12/3/2026, 5:23:00 PM" beside "Dec 3, 2026")', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : /\.tsx?$/.test(name) ? [join(dir, name)] : []));
    const offenders = files('renderer')
      .filter((file) => !file.endsWith(join('components', 'dates.ts')))
      // The time alone, for a moment earlier today ("shown at 14:05").
      .filter((file) => !file.endsWith('use-shown-fairness.ts'))
      .filter((file) => /toLocale(Date|Time)String\(|toLocaleString\((undefined)?\)|dateStyle|timeStyle/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
