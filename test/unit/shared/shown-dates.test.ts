/**
 * Showing a stored date never throws: real dates show as dates, anything
 * else as its raw text marked "(not a real date)".
 */
import { describe, expect, it } from 'vitest';
import { dayOf, notARealDate, quarterKey, quarterKeyLabel, quarterLabel, quarterOf, shownDate, shownInstant, shownQuarter } from '../../../shared/util/dates';

const BAD = ['2026-02-30', '2026-00-15', '0000-01-01', '2026-13-01', '2026-04-31', '', 'soon', '2026-2-1'];

describe('shown dates', () => {
  it('shows a real date’s quarter and day as themselves', () => {
    expect(shownQuarter('2026-05-14')).toBe('2026 Q2');
    expect(shownQuarter('2024-02-29')).toBe('2024 Q1');
    expect(shownQuarter('2026-12-31')).toBe('2026 Q4');
    expect(shownDate('2026-05-14', (d) => d.toISOString())).toBe('2026-05-14T00:00:00.000Z');
    expect(shownInstant('2026-05-14T10:30:00.000Z', (d) => String(d.getTime()))).toBe(String(Date.UTC(2026, 4, 14, 10, 30)));
  });

  it('labels a quarter key (coverage’s "2026-Q2") by the one label rule, as the quarter of its dates shows', () => {
    for (const date of ['2026-05-14', '2024-02-29', '2026-12-31', '1970-01-01', '0999-10-01']) {
      const key = quarterKey(date)!;
      expect(quarterKeyLabel(key)).toBe(quarterLabel(quarterOf(date)));
      expect(quarterKeyLabel(key)).toBe(shownQuarter(date));
    }
    expect(quarterKeyLabel('2026-Q2')).toBe('2026 Q2');
    // What is no key is shown as it is, never thrown on.
    for (const other of ['2026-Q5', '2026 Q2', '', 'soon']) expect(quarterKeyLabel(other)).toBe(other);
  });

  it.each(BAD)('marks %j as not a real date everywhere, without throwing', (bad) => {
    expect(shownQuarter(bad)).toBe(`${bad} (not a real date)`);
    expect(dayOf(`${bad}T10:00:00.000Z`, 'America/New_York')).toBe(/^\d{4}-\d{2}-\d{2}$/.test(bad) ? `${bad} (not a real date)` : `${bad}T10:00:00.000Z (not a real date)`);
    expect(shownDate(bad, () => 'formatted')).toBe(`${bad} (not a real date)`);
    // Date.parse would roll 2026-02-30T… over to 2 March; the calendar check catches it.
    expect(shownInstant(`${bad}T10:00:00.000Z`, () => 'formatted')).toBe(`${bad}T10:00:00.000Z (not a real date)`);
  });

  // Hand-worked: New York is UTC−5 in December (EST) and UTC−4 in July (EDT); Tokyo UTC+9; Kolkata UTC+5:30.
  it.each([
    ['2026-12-04T00:30:00.000Z', 'America/New_York', '2026-12-03'],
    ['2026-12-04T04:59:59.000Z', 'America/New_York', '2026-12-03'],
    ['2026-12-04T05:00:00.000Z', 'America/New_York', '2026-12-04'],
    ['2026-07-01T03:59:00.000Z', 'America/New_York', '2026-06-30'],
    ['2026-07-01T04:00:00.000Z', 'America/New_York', '2026-07-01'],
    ['2026-12-31T15:00:00.000Z', 'Asia/Tokyo', '2027-01-01'],
    ['2026-03-14T18:29:00.000Z', 'Asia/Kolkata', '2026-03-14'],
    ['2026-03-14T18:30:00.000Z', 'Asia/Kolkata', '2026-03-15'],
    ['2026-12-04T00:30:00.000Z', 'UTC', '2026-12-04'],
    ['2026-12-03T19:00:00.000-05:00', 'America/New_York', '2026-12-03'],
    ['2026-12-03T19:00:00.000-05:00', 'Europe/Berlin', '2026-12-04'],
  ])('gives the day %s fell on in %s: %s', (at, zone, day) => {
    expect(dayOf(at, zone)).toBe(day);
  });

  it('cuts a long raw text to 40 characters', () => {
    expect(notARealDate('x'.repeat(500))).toBe(`${'x'.repeat(39)}… (not a real date)`);
  });
});
