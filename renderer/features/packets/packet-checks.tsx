/**
 * Packet checks and submission. Each check says what is wrong, why it
 * matters and where to fix it; blockers must be fixed, warnings can be
 * fixed or knowingly acknowledged. The submit button stays disabled, with
 * the reason written beside it, until nothing is left.
 */
import type { MouseEvent } from 'react';
import type { PacketCheck, SubmitReadiness } from '../../../shared/packets/checks';
import { usePendingValue } from './criterion-assessment';
import { criterionAnchorId } from './criterion-row';

export const SUMMARY_FIELD_ID = 'packet-summary';
export const CHECKS_HEADING_ID = 'packet-checks-heading';

/** Scrolls to an element on this page and moves focus there (the route lives in the hash, so no fragment links). */
export function focusOnPage(elementId: string): void {
  const el = document.getElementById(elementId);
  if (!el) return;
  el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

interface FixLink {
  text: string;
  href: string;
  onPage?: string;
}

function fixLink(check: PacketCheck, selfHref: string, candidateHref: string): FixLink {
  switch (check.fix.target) {
    case 'criterion':
      return { text: 'Go to the criterion', href: selfHref, onPage: check.fix.id ? criterionAnchorId(check.fix.id) : undefined };
    case 'summary':
      return { text: 'Go to the summary', href: selfHref, onPage: SUMMARY_FIELD_ID };
    case 'evidence':
      return { text: 'Fix the evidence on the candidate page', href: candidateHref };
    case 'candidate':
      return { text: 'Fix on the candidate page', href: candidateHref };
  }
}

export interface ChecksPanelProps {
  checks: readonly PacketCheck[];
  acknowledged: ReadonlySet<string>;
  readOnly: boolean;
  selfHref: string;
  candidateHref: string;
  /** Stores the acknowledgement; rejects (after reporting) when it could not be stored. */
  onAcknowledge: (checkId: string, acknowledged: boolean) => Promise<unknown>;
}

export function ChecksPanel({ checks, acknowledged, readOnly, selfHref, candidateHref, onAcknowledge }: ChecksPanelProps) {
  const blockers = checks.filter((c) => c.severity === 'blocker');
  const warnings = checks.filter((c) => c.severity === 'warning');
  const open = warnings.filter((c) => !acknowledged.has(c.id)).length;
  return (
    <section className="packet-section packet-checks" aria-labelledby={CHECKS_HEADING_ID}>
      <h2 id={CHECKS_HEADING_ID} tabIndex={-1}>
        Packet checks
      </h2>
      <p className="packet-checks-summary">
        {checks.length === 0
          ? '✓ No problems found.'
          : [
              blockers.length > 0 ? plural(blockers.length, 'blocker') : null,
              warnings.length > 0 ? `${plural(warnings.length, 'warning')} (${open === 0 ? 'all acknowledged' : `${open} not acknowledged`})` : null,
            ]
              .filter(Boolean)
              .join(', ')}
      </p>
      {checks.length > 0 ? (
        <ul className="packet-check-list">
          {checks.map((check) => {
            const fix = fixLink(check, selfHref, candidateHref);
            const isAck = acknowledged.has(check.id);
            return (
              <li key={check.id} className={`packet-check packet-check-${check.severity}${isAck ? ' packet-check-acknowledged' : ''}`}>
                <p className="packet-check-title">
                  <span className="packet-check-severity">{check.severity === 'blocker' ? '✕ Blocker' : isAck ? '✓ Warning, acknowledged' : '⚠ Warning'}</span>
                  <span className="visually-hidden">: </span>
                  <strong>{check.title}</strong>
                </p>
                <p className="packet-check-detail">{check.detail}</p>
                <p className="packet-check-why">
                  <span className="packet-check-why-label">Why it matters: </span>
                  {check.why}
                </p>
                <div className="packet-check-actions">
                  <a
                    href={fix.href}
                    onClick={
                      fix.onPage
                        ? (e: MouseEvent) => {
                            e.preventDefault();
                            focusOnPage(fix.onPage as string);
                          }
                        : undefined
                    }
                  >
                    {fix.text}
                    <span className="visually-hidden"> ({check.title})</span>
                  </a>
                  {check.severity === 'warning' ? (
                    readOnly ? (
                      <span className="muted">{isAck ? 'Acknowledged by the manager' : 'Not acknowledged'}</span>
                    ) : (
                      <AcknowledgeBox check={check} acknowledged={isAck} onAcknowledge={onAcknowledge} />
                    )
                  ) : (
                    <span className="muted">A blocker cannot be acknowledged, only fixed.</span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

function AcknowledgeBox({ check, acknowledged, onAcknowledge }: { check: PacketCheck; acknowledged: boolean; onAcknowledge: ChecksPanelProps['onAcknowledge'] }) {
  const [checked, choose] = usePendingValue(acknowledged);
  return (
    <label className="packet-ack">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          const value = e.target.checked;
          choose(value, () => onAcknowledge(check.id, value));
        }}
      />{' '}
      Acknowledge
      <span className="visually-hidden">: {check.detail}</span>
    </label>
  );
}

/** The reason the packet cannot be submitted yet, or null when it can. */
export function submitBlockedReason(verdict: SubmitReadiness): string | null {
  if (verdict.ok) return null;
  const parts: string[] = [];
  if (verdict.blockers.length > 0) parts.push(`fix ${plural(verdict.blockers.length, 'blocker')} (${verdict.blockers.map((b) => b.title).join(', ')})`);
  if (verdict.unacknowledged.length > 0) parts.push(`fix or acknowledge ${plural(verdict.unacknowledged.length, 'warning')}`);
  return `Not ready to submit: ${parts.join(' and ')} in Packet checks.`;
}

export function SubmitBar({ verdict, revision, busy, onSubmit }: { verdict: SubmitReadiness; revision: number; busy: boolean; onSubmit: () => void }) {
  const blocked = submitBlockedReason(verdict);
  return (
    <div className="packet-submit">
      <button type="button" className="button button-primary" disabled={blocked !== null || busy} aria-describedby="packet-submit-reason" onClick={onSubmit}>
        {busy ? 'Submitting…' : `Submit revision ${revision}`}
      </button>
      <p id="packet-submit-reason" className={blocked ? 'packet-submit-blocked' : 'muted'}>
        {blocked ??
          `Submitting freezes revision ${revision} as the case the committee will read: it becomes read-only, and it is what Packets → Export (or Send to committee, on a connected cycle) carries to the chair; nothing is sent by itself. You can reopen it later: that starts revision ${revision + 1} and keeps this one.`}
      </p>
    </div>
  );
}
