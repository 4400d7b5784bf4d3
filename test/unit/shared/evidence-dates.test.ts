/** What an evidence date says about whether it counts: one rule for the form, the brag review and the list. */
import { describe, expect, it } from 'vitest';
import { evidenceDateNotes } from '../../../shared/packets/evidence-dates';

const window = { from: '2025-10-01', to: '2026-09-30' };

describe('evidenceDateNotes', () => {
  it('notes a date after today and one outside the window, both when both hold', () => {
    expect(evidenceDateNotes('2026-03-14', window, '2026-12-03')).toEqual([]);
    expect(evidenceDateNotes('2025-06-15', window, '2026-12-03')).toEqual(['outside-window']);
    expect(evidenceDateNotes('2026-12-04', window, '2026-12-03')).toEqual(['after-today', 'outside-window']);
    // Today is not after today; the window's ends count.
    expect(evidenceDateNotes('2026-12-03', { from: '2026-01-01', to: '2026-12-31' }, '2026-12-03')).toEqual([]);
    expect(evidenceDateNotes('2025-10-01', window, '2026-12-03')).toEqual([]);
  });

  it('says nothing of a date the date rule refuses (the form names that problem), or of a window it does not know', () => {
    expect(evidenceDateNotes('2026-02-30', window, '2026-12-03')).toEqual([]);
    expect(evidenceDateNotes('', window, '2026-12-03')).toEqual([]);
    expect(evidenceDateNotes('2027-01-05', null, '2026-12-03')).toEqual(['after-today']);
  });
});
