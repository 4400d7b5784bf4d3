/**
 * The one rule for the name of a cycle or a framework, on creating and on
 * renaming alike: not empty, and at most NAME_MAX characters once trimmed
 * (what a heading, the sidebar's cycle picker and an export's file name
 * hold). Candidates have theirs in their schema (CANDIDATE_LIMITS).
 */
export const NAME_MAX = 200;

/** What is wrong with `name` as the name of a `what`, in words, or null. */
export function recordNameProblem(name: string, what: 'cycle' | 'framework'): string | null {
  const trimmed = name.trim();
  if (!trimmed) return `Give the ${what} a name.`;
  if (trimmed.length > NAME_MAX) return `Keep the ${what} name under ${NAME_MAX} characters (it has ${trimmed.length.toLocaleString('en-US')}).`;
  return null;
}

/** A name as shown: trimmed, runs of spaces as one. */
export function oneSpaced(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * A name as it is compared for uniqueness: spaces as one, any case, one
 * Unicode form ("Week 1" and "week  1" are one name; so are "Zoë" typed as one
 * character or as "o" and a combining diaeresis).
 */
export function nameKey(name: string): string {
  return oneSpaced(name).normalize('NFC').toLocaleLowerCase();
}

/**
 * `other`, one-spaced, when it names someone else than `self` (compared as
 * nameKey does), else null: the same person, or either name blank, so there
 * is nothing to tell by. The one rule behind "you are not the chair" and
 * "this is not your packet".
 */
export function someoneElse(self: string | null | undefined, other: string | null | undefined): string | null {
  if (!self?.trim() || !other?.trim()) return null;
  return nameKey(self) === nameKey(other) ? null : oneSpaced(other);
}

/**
 * Why `name` cannot be a cycle's name beside the other cycles' names, or
 * null: two cycles of one name are two identical entries in the sidebar's
 * cycle picker and on the Cycles page, and share their export file names.
 */
export function cycleNameTaken(name: string, otherNames: readonly string[]): string | null {
  const key = nameKey(name);
  return otherNames.some((n) => nameKey(n) === key) ? `There is already a cycle named “${oneSpaced(name)}”. Give this one a name of its own (for example with the half-year or the quarter).` : null;
}
