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
