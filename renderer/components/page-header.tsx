import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's heading. When the page appears with the keyboard focus lost (the
 * link or key that opened it was on the page before, which is gone, so the
 * focus fell to the document), the focus moves to this heading: the next Tab
 * starts from the new page, and a screen reader reads where it is. The
 * frame's main region counts as lost too: it holds the focus only for want
 * of a page (the first-run step leaves it there when the page after it is
 * still loading, profile-gate.tsx; the skip link). A focus that is somewhere
 * (a sidebar link, a field the page focuses) is left alone.
 */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || active === document.documentElement || active.id === 'main') heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-header">
      <div>
        <h1 tabIndex={-1} id="page-title" ref={heading}>
          {title}
        </h1>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
