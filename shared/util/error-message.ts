/** What was thrown, as text for a message: an Error's message, anything else as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failure as a person reads it: "Could not <what>: <why>." with one full
 * stop whether or not the reason ends with one (most of the write path's
 * refusals do), then `after` ("Nothing was written."). The one wording of
 * every "Could not" message the app announces.
 */
export function couldNot(what: string, error: unknown, after?: string): string {
  const why = errorMessage(error).trim();
  const sentence = why === '' ? `Could not ${what}.` : `Could not ${what}: ${/[.!?]$/.test(why) ? why : `${why}.`}`;
  return after ? `${sentence} ${after}` : sentence;
}
