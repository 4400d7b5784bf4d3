/**
 * What "Compare with an earlier export" tells people: whether the trail on
 * this machine still holds every entry a backup or bundle recorded when it
 * was made. Pure, so the words are tested once.
 */
import { compareWithHead, exportedTrailHead, type TrailHead } from './replay';
import type { AuditEntry } from '../domain/audit';
import { dayOf, userTimeZone } from '../util/dates';

export interface CompareText {
  ok: boolean;
  text: string;
}

function when(at: string | null, timeZone: string): string {
  return at ? dayOf(at, timeZone) : 'an unknown date';
}

/** `timeZone`: the zone of the export's day as the sentence gives it (the user's own unless given). */
export function compareExportText(fileText: string, entries: readonly AuditEntry[], fileName: string, timeZone: string = userTimeZone()): CompareText {
  const found = exportedTrailHead(fileText);
  if (!found) {
    return {
      ok: false,
      text: `“${fileName}” records no audit trail head: it is not a Levelset backup or bundle, or it was made before Levelset recorded heads. Choose a newer export.`,
    };
  }
  const head: TrailHead = found.head;
  const result = compareWithHead(entries, head);
  const what = `the ${found.kind} of ${when(found.createdAt, timeZone)}`;
  if (!result.ok) return { ok: false, text: `✗ Compared with ${what}: ${result.message}` };
  const since = entries.length - head.count;
  return {
    ok: true,
    text: `✓ The trail still holds all ${head.count} entries that ${what} recorded${since > 0 ? `, and ${since} more since` : ', and nothing since'}.`,
  };
}
