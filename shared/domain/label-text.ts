/**
 * Labels: the short texts the app places inside its own sentences (a
 * candidate's name, a manager, a team, a cycle's or a level's name, an
 * evidence title). They are stored without Unicode's direction controls:
 * the embeddings and overrides (U+202A–U+202E) and the isolates
 * (U+2066–U+2069). An override left open in a name reverses the text after
 * it to the end of the paragraph: a security trial saved a name ending in
 * U+202E and the review read "Audit trail for Lars Karimi (seirtne 0)", and
 * the same name could make a decision's line, a CSV cell or the PDF say
 * something its characters do not. Right-to-left names need none of them:
 * the bidirectional algorithm orders Arabic or Hebrew letters by themselves.
 * The marks U+200E and U+200F change no order beyond themselves and stay.
 *
 * Every write parses its row with the record schemas (renderer/db/write), and
 * every import with the same schemas, so a label with them is stored without
 * them whichever way it arrives.
 */
import { z } from 'zod';

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function withoutDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '');
}

/** A string schema for a label; chain `.min`/`.max` after it, so they count what is stored. */
export function labelText() {
  return z.string().overwrite(withoutDirectionControls);
}
