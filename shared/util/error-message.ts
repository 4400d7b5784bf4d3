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
  const sentence = why === '' ? `Could not ${what}.` : `Could not ${what}: ${asSentence(why)}`;
  return after ? `${sentence} ${after}` : sentence;
}

/** What was thrown as one sentence, with one full stop whether or not its message ends with one, then `after`. */
export function failureSentence(error: unknown, after?: string): string {
  const why = errorMessage(error).trim();
  const sentence = why === '' ? 'Something went wrong.' : asSentence(why);
  return after ? `${sentence} ${after}` : sentence;
}

const asSentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);
