/**
 * A framework's description above its ladder: a long one (the progression
 * files carry pages of it) shows its first lines and a button to read the
 * rest, so the ladder, what people open the page for, stays in view.
 */
import { useId, useState } from 'react';
import { Prose } from '../../components/prose';

/** Longer than this, or in more lines, the description starts folded. */
const FOLD_CHARACTERS = 360;
const FOLD_LINES = 4;

export function isLongDescription(text: string): boolean {
  return text.length > FOLD_CHARACTERS || text.split('\n').filter((line) => line.trim()).length > FOLD_LINES;
}

export function FrameworkDescription({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!text) return null;
  if (!isLongDescription(text)) return <Prose className="lede" text={text} />;
  return (
    <div className="framework-description">
      <div id={id}>
        <Prose className={open ? 'lede' : 'lede lede-folded'} text={text} />
      </div>
      <button type="button" className="button-link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? 'Show less of the description' : 'Show the whole description'}
      </button>
    </div>
  );
}
