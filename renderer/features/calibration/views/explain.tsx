/**
 * "Say why": a small button beside a computed figure that reveals the rule
 * and the inputs behind it in one click (and the rule's sentence as a
 * tooltip on hover). Esc closes it and returns focus to the button. Nothing
 * is hover-only: the same text is one click or Enter away. A block: never put it inside a <p>.
 */
import { useId, useRef, useState, type ReactNode } from 'react';

export function Explain({ what, rule, children, icon = false }: { what: string; rule: string; children?: ReactNode; icon?: boolean }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="cv-explain"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={icon ? 'cv-explain-button cv-explain-icon' : 'cv-explain-button'}
        aria-expanded={open}
        aria-controls={panelId}
        title={rule}
        onClick={() => setOpen((o) => !o)}
      >
        {icon ? (
          <span className="cv-i" aria-hidden="true">
            i
          </span>
        ) : (
          <span aria-hidden="true">Why?</span>
        )}
        <span className="visually-hidden">Why: {what}</span>
      </button>
      <div id={panelId} className="cv-explain-panel" role="note" hidden={!open}>
        <p className="cv-explain-rule">{rule}</p>
        {children}
      </div>
    </div>
  );
}
