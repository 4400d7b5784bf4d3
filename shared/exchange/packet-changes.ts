/**
 * What one side of a packet conflict changed since the common ancestor, for
 * the import preview, and which of a draft's edits a submission would lose.
 * A three-way comparison over the fields a manager writes: the summary, what
 * the candidate is not yet doing, and each criterion's rating and note.
 * Without a known ancestor (revision 1, or a parent this machine never saw)
 * every difference counts, so no edit is ever judged safe to drop by guess.
 */
import type { AssessmentRating, Packet } from '../domain';
import { RATING_WORDS } from '../packets/rating-words';
import { dayOf, isRealDate, userTimeZone } from '../util/dates';
import { wasSubmitted } from '../rules/current-packet';

type Content = Pick<Packet, 'summary' | 'notYetDoing' | 'assessments'>;

const EMPTY: Content = { summary: '', notYetDoing: '', assessments: {} };

/** The compared fields of a packet, each as a comparable string (absent assessment = undefined). */
function fields(p: Content): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>([
    ['summary', p.summary],
    ['notYetDoing', p.notYetDoing],
  ]);
  for (const [criterionId, a] of Object.entries(p.assessments)) out.set(`assessment:${criterionId}`, `${a.rating}\n${a.note}`);
  return out;
}

function keysOf(...packets: Content[]): string[] {
  const keys = new Set<string>();
  for (const p of packets) for (const k of fields(p).keys()) keys.add(k);
  return [...keys].sort((a, b) => (a === b ? 0 : fieldOrder(a) - fieldOrder(b) || (a < b ? -1 : 1)));
}

function fieldOrder(key: string): number {
  return key === 'summary' ? 0 : key === 'notYetDoing' ? 1 : 2;
}

/**
 * The fields `draft` changed since `base` that `other` does not carry: what
 * would be lost if `other` simply replaced `draft`. Empty when nothing would.
 */
export function lostEdits(base: Content | undefined, draft: Content, other: Content): string[] {
  const b = fields(base ?? draft);
  const d = fields(draft);
  const o = fields(other);
  return keysOf(base ?? draft, draft, other).filter((k) => (base === undefined || d.get(k) !== b.get(k)) && d.get(k) !== o.get(k));
}

/** A rating as it reads inside a sentence ("partially → consistently"). */
const RATING = (rating: AssessmentRating): string => RATING_WORDS[rating].toLowerCase();

function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The new and the old text around where they first differ, each cut to `max` characters: the first 80 characters of
 * a summary edited further on stopped before the edit, so a hand-edited bundle's change could not be seen (found by
 * a new-user trial). The window starts a little before the first difference; "…" marks text cut on either side.
 */
export function changedExcerpts(before: string, after: string, max = 80): { before: string; after: string } {
  const [a, b] = [before.replace(/\s+/g, ' ').trim(), after.replace(/\s+/g, ' ').trim()];
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const start = first + 1 > max - 20 ? first - 20 : 0;
  const cut = (t: string) => `${start > 0 ? '…' : ''}${t.slice(start, start + max).trimStart()}${start + max < t.length ? '…' : ''}`;
  return { before: cut(a), after: cut(b) };
}

function textChange(label: string, before: string, after: string): string {
  if (after.trim() === '') return `${label} cleared.`;
  if (before.trim() === '') return `${label} written: "${excerpt(after)}".`;
  const shown = changedExcerpts(before, after);
  return `${label} rewritten: "${shown.after}" (was "${shown.before}").`;
}

/**
 * Sentences saying what `packet` changed since `base` (a status line first,
 * then the summary, "not yet doing" and each assessment). `criterionName`
 * turns a criterion id into something a manager recognises; `showDate`, a
 * day (`YYYY-MM-DD`) into the app's one date format on screen (the
 * renderer's formatDate: shared/ has no locale).
 */
export function describeChanges(
  base: Content | undefined,
  packet: Content & Pick<Packet, 'status' | 'submittedAt'>,
  criterionName: (criterionId: string) => string,
  showDate: (isoDate: string) => string,
): string[] {
  const lines: string[] = [];
  if (wasSubmitted(packet)) {
    // The day it was submitted on the user's calendar (dayOf); one that is no day reads as stored, marked so.
    const day = packet.submittedAt ? dayOf(packet.submittedAt, userTimeZone()) : null;
    lines.push(day === null ? 'Submitted.' : `Submitted on ${isRealDate(day) ? showDate(day) : day}.`);
  } else {
    lines.push('Not submitted (a draft).');
  }
  const from = base ?? EMPTY;
  if (packet.summary !== from.summary) lines.push(textChange('Summary', from.summary, packet.summary));
  if (packet.notYetDoing !== from.notYetDoing) lines.push(textChange('"Not yet doing"', from.notYetDoing, packet.notYetDoing));
  const ids = [...new Set([...Object.keys(from.assessments), ...Object.keys(packet.assessments)])].sort();
  for (const id of ids) {
    const was = from.assessments[id];
    const now = packet.assessments[id];
    const name = `"${excerpt(criterionName(id), 60)}"`;
    if (!now) {
      if (was) lines.push(`${name}: assessment removed.`);
      continue;
    }
    if (!was) lines.push(`${name}: rated ${RATING(now.rating)}${now.note.trim() ? `, note "${excerpt(now.note)}"` : ''}.`);
    else {
      if (was.rating !== now.rating) lines.push(`${name}: ${RATING(was.rating)} → ${RATING(now.rating)}.`);
      if (was.note !== now.note) lines.push(textChange(`${name}: note`, was.note, now.note));
    }
  }
  if (lines.length === 1) lines.push('No changes to the summary or assessments.');
  return lines;
}

/**
 * A short stable hash (53 bits, hex) of a string: names the copy of set-aside
 * edits so that two machines setting aside the same edits make the same row,
 * and a re-import finds the copy it already made. Not a security measure.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The content of a packet as one canonical string (keys sorted), for `stableHash`. */
export function contentKey(p: Content): string {
  return [...fields(p).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v ?? ''}`).join('\u0000');
}
