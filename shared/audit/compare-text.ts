/**
 * What "Compare with an earlier export" tells people: whether the trail on
 * this machine still holds every entry a backup or bundle recorded when it
 * was made. Pure, so the words are tested once.
 */
import { compareWithHead, exportedFile, exportedTrailHead, sortTrail, type TrailHead } from './replay';
import type { AuditEntry } from '../domain/audit';
import { dayOf, userTimeZone } from '../util/dates';

export interface CompareText {
  ok: boolean;
  text: string;
  /** Not compared (another computer's file, an encrypted one, one without a head): nothing is wrong, nothing was checked. */
  neutral?: boolean;
}

/** "the 1 entry", "all 1,204 entries". */
function held(count: number): string {
  return count === 1 ? 'the 1 entry' : `all ${count.toLocaleString('en')} entries`;
}

function when(at: string | null, timeZone: string): string {
  return at ? dayOf(at, timeZone) : 'an unknown date';
}

/**
 * `timeZone`: the zone of the export's day as the sentence gives it (the user's own unless given). `thisDevice`: this
 * computer's device id, so a file from another computer whose trail this one does not hold is said to be one, not
 * taken for entries removed here.
 */
export function compareExportText(fileText: string, entries: readonly AuditEntry[], fileName: string, timeZone: string = userTimeZone(), thisDevice?: string): CompareText {
  const found = exportedTrailHead(fileText);
  if (!found && exportedFile(fileText)?.fields.encrypted === true) {
    return {
      ok: false,
      neutral: true,
      text: `“${fileName}” is encrypted, and its audit trail head is inside the encryption, so it cannot be compared here. Compare an unencrypted backup or bundle, or the head printed on a decision book’s cover.`,
    };
  }
  if (found && found.head.count > 0 && found.device !== null && found.device !== thisDevice && !entries.some((e) => e.deviceId === found.device) && !entries.some((e) => e.hash === found.head.hash)) {
    const example = found.kind === 'bundle' ? ' (a manager’s bundle records the manager’s)' : '';
    return {
      ok: false,
      neutral: true,
      text: `Not compared: “${fileName}” was made on another computer. The ${found.kind} of ${when(found.createdAt, timeZone)} records that computer’s trail, which this one does not hold${example}, so nothing is missing here because of it. Compare it on the computer that made it.`,
    };
  }
  if (!found) {
    return {
      ok: false,
      text: `“${fileName}” records no audit trail head: it is not a Levelset backup or bundle, or it was made before Levelset recorded heads. Choose a newer export.`,
    };
  }
  const head: TrailHead = found.head;
  const result = compareWithHead(entries, head, `the ${found.kind}`);
  const what = `the ${found.kind} of ${when(found.createdAt, timeZone)}`;
  if (!result.ok) {
    // A bundle made before heads named their computer may be another computer's trail: say so rather than only "removed".
    const maybeElsewhere = found.kind === 'bundle' && found.device === null && !entries.some((e) => e.hash === head.hash);
    const aside = maybeElsewhere ? ' Unless the bundle was made on another computer (a manager’s bundle records the manager’s trail), which bundles of its age do not say.' : '';
    return { ok: false, text: `✗ Compared with ${what}: ${result.message}${aside}` };
  }
  const since = entries.length - head.count;
  return {
    ok: true,
    text: `✓ The trail still holds ${held(head.count)} that ${what} recorded${since > 0 ? `, and ${since.toLocaleString('en')} more since` : ', and nothing since'}.`,
  };
}

/** The shortest start of a printed hash accepted: 12 hexadecimal digits, as the book's own messages quote one. */
export const PRINTED_HASH_MIN = 12;

/**
 * "Compare with a printed head": the entry count and last hash a decision book prints on its cover (a PDF holds no
 * head the file picker can read; an HR trial's book was refused as "not a Levelset backup or bundle"). The hash may
 * be its first 12 digits or more, as copied from paper; spaces and case do not count.
 */
export function comparePrintedHeadText(countText: string, hashText: string, entries: readonly AuditEntry[]): CompareText {
  const count = Number(countText.trim().replace(/[,\s]/g, ''));
  if (!countText.trim() || !Number.isSafeInteger(count) || count < 0) return { ok: false, text: `Give the number of entries as the book prints it ("held 149 entries"): “${countText.trim()}” is not a whole number.` };
  const hash = hashText.replace(/\s/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hash) || hash.length < PRINTED_HASH_MIN || hash.length > 64) {
    return { ok: false, text: `Give the last entry's hash as the book prints it: at least its first ${PRINTED_HASH_MIN} characters, digits and the letters a to f.` };
  }
  const then = sortTrail(entries)[count - 1];
  const head: TrailHead = { count, hash: then && then.hash.startsWith(hash) ? then.hash : hash, at: null };
  const result = compareWithHead(entries, head, 'the printed head');
  if (!result.ok) return { ok: false, text: `✗ Compared with the printed head: ${result.message}` };
  const since = entries.length - count;
  return { ok: true, text: `✓ The trail still holds ${held(count)} the printed head recorded${since > 0 ? `, and ${since.toLocaleString('en')} more since` : ', and nothing since'}.` };
}
