/**
 * The readiness figure with the rule and the window that produce it (never
 * shown without them), and the phrases of the summary worth reconsidering.
 */
import { summaryFindings } from '../../../shared/packets/checks';
import type { EvidenceWindow } from '../../../shared/packets/coverage';
import { SUSTAINED_MIN_QUARTERS, type Readiness } from '../../../shared/rules/readiness';
import { quarterLabel, quarterOf } from '../../../shared/util/dates';
import { formatDate } from '../../components/dates';

function quarterSpan(window: EvidenceWindow): string {
  try {
    return `${quarterLabel(quarterOf(window.from))} to ${quarterLabel(quarterOf(window.to))}`;
  } catch {
    return '';
  }
}

export function ReadinessPanel({ ready, window, hasLevel }: { ready: Readiness; window: EvidenceWindow; hasLevel: boolean }) {
  const figure = ready.total === 0 ? '—' : `${Math.round(ready.share * 100)}%`;
  return (
    <section className="packet-readiness" aria-labelledby="packet-readiness-figure">
      <p className="packet-readiness-figure" id="packet-readiness-figure">
        <span className="packet-readiness-label">Readiness</span> <strong className="packet-readiness-value">{figure}</strong>{' '}
        <span className="packet-readiness-count">
          ({ready.ready} of {ready.total})
        </span>
      </p>
      <div className="packet-readiness-rule">
        <p>{hasLevel ? ready.rule : 'Readiness is measured against the target level’s criteria; this packet has no target level yet.'}</p>
        <p className="muted">
          Evidence window: evidence from {formatDate(window.from)} to {formatDate(window.to)}
          {quarterSpan(window) ? ` (${quarterSpan(window)})` : ''}. Sustained means evidence in at least {SUSTAINED_MIN_QUARTERS} distinct quarters of it. Rows
          marked ★ count.
        </p>
      </div>
    </section>
  );
}

export function SummaryFindings({ text }: { text: string }) {
  const findings = summaryFindings(text);
  if (findings.length === 0) return null;
  return (
    <div className="packet-findings">
      <p className="packet-findings-title">
        <span aria-hidden="true">⚠ </span>
        {findings.length === 1 ? '1 phrase to reconsider' : `${findings.length} phrases to reconsider`}
      </p>
      <ul>
        {findings.map((f) => (
          <li key={`${f.kind}-${f.index}`}>
            <strong>“{f.phrase}”</strong> — {f.kind === 'vague' ? 'vague' : 'argues from tenure'}: {f.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
