import type { ReactNode } from 'react';

/** An empty state that says what the view is for and offers the next step. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="empty-state-body">{children}</div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </section>
  );
}
