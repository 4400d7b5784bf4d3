/**
 * One piece of evidence in a packet or a session's case, opened to read what
 * the manager wrote: its description and links. Callers pass the evidence
 * the packet was submitted with (its snapshot) once it is submitted, so the
 * committee reads what was submitted, not later edits. A blind session's
 * description is already redacted; its links are not (blind.ts leaves them
 * as written, and a link can carry a name), so they are not shown there.
 */
import type { ReactNode } from 'react';
import type { Evidence } from '../../../shared/domain';
import { plural } from '../../../shared/util/plural';
import { ExternalLink } from './external-link';
import './evidence-detail.css';

export function EvidenceDetail({ evidence, blind = false, children }: { evidence: Pick<Evidence, 'description' | 'links'>; blind?: boolean; children: ReactNode }) {
  const description = evidence.description.trim();
  const links = evidence.links;
  if (!description && links.length === 0) return <>{children}</>;
  return (
    <details className="evidence-detail">
      <summary>{children}</summary>
      {description ? <p className="evidence-detail-text">{description}</p> : null}
      {links.length === 0 ? null : blind ? (
        <p className="evidence-detail-note">{plural(links.length, 'link')} not shown while the session is blind (a link can carry a name).</p>
      ) : (
        <ul className="evidence-detail-links" aria-label="Links">
          {links.map((url, i) => (
            <li key={`${i}:${url}`}>
              <ExternalLink url={url} />
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
