/**
 * After "Create cycle": what comes next, with the focus on it. The focus stayed on Create cycle, which the emptied
 * form had moved down under the status line, and nothing said what to do with the new cycle (a manager trial).
 */
import { useEffect, useRef } from 'react';
import { hrefFor } from '../../app/routes';

export function CycleCreated({ name }: { name: string }) {
  const next = useRef<HTMLAnchorElement>(null);
  useEffect(() => next.current?.focus(), [name]);
  return (
    <div className="form-card cycle-created" role="note" aria-label="Cycle created">
      <p>
        <strong>Created {name}.</strong> It is now the active cycle. Next, add the candidates you are putting forward: each gets a draft packet to build their case in.
      </p>
      <a ref={next} className="button button-primary" href={hrefFor('candidates', 'new')}>
        Add a candidate
      </a>
    </div>
  );
}
