/**
 * A live character count for a field with a length limit. Silent until the
 * text nears the limit, then "250 of 300 characters"; over it, says by how
 * much. Fields with a limit do not use `maxLength`, which cuts pasted text
 * without a word: the text is kept, and the count and the save check say
 * what to shorten.
 */
import { plural } from '../../shared/util/plural';

/** The count appears from this share of the limit. */
const SHOW_FROM = 0.8;

/** `problemShown`: the field's own problem is on screen (after a save was refused), so the count does not say the same again. */
export function CharCount({ id, length, max, problemShown = false }: { id?: string; length: number; max: number; problemShown?: boolean }) {
  if (length < max * SHOW_FROM) return null;
  const over = length - max;
  if (over > 0 && problemShown) return null;
  return (
    <span id={id} className={over > 0 ? 'char-count char-count-over' : 'char-count'}>
      {over > 0 ? `${plural(over, 'character')} over the limit of ${max}: shorten it to save.` : `${length} of ${max} characters`}
    </span>
  );
}
