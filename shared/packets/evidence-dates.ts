/**
 * What a piece of evidence's date says about whether it counts: after today
 * (evidence is work already done, so a later date is almost always a slip of
 * the year or month), or outside the cycle's evidence window (it does not
 * count towards readiness). One rule for the evidence form, the brag
 * import's review and the evidence list, which all say so.
 */
import { isAcceptedDate } from '../util/dates';
import { isInWindow, type EvidenceWindow } from './coverage';

export type EvidenceDateNote = 'after-today' | 'outside-window';

/** The notes on `date` (none for a date the date rule refuses: the form says what is wrong with it instead). */
export function evidenceDateNotes(date: string, window: EvidenceWindow | null, today: string): EvidenceDateNote[] {
  if (!isAcceptedDate(date)) return [];
  const notes: EvidenceDateNote[] = [];
  if (date > today) notes.push('after-today');
  if (window && !isInWindow(date, window)) notes.push('outside-window');
  return notes;
}

/** The few words a list or a table row shows for each note. */
export const DATE_NOTE_TAG: Record<EvidenceDateNote, string> = {
  'after-today': 'Dated after today',
  'outside-window': 'Outside the evidence window: does not count',
};
