/**
 * One piece of evidence in a session's case, as the review and the
 * full-screen presenter list it: its quarter, title, whether it is dated
 * outside the cycle's evidence window (it is linked but does not count, as
 * the packet marks it), the criteria it is linked to, and, opened, its
 * description and links (EvidenceDetail; links not shown while blind).
 */
import type { Evidence } from '../../../../shared/domain';
import { inOrderOf } from '../../../../shared/domain/framework';
import { isInWindow, type EvidenceWindow } from '../../../../shared/packets/coverage';
import { shownQuarter } from '../../../../shared/util/dates';
import { EvidenceDetail } from '../../evidence/evidence-detail';

export function CaseEvidenceItem({ evidence: e, codes, evidenceWindow, blind }: { evidence: Evidence; codes: ReadonlyMap<string, string>; evidenceWindow: EvidenceWindow; blind: boolean }) {
  return (
    <li>
      <EvidenceDetail evidence={e} blind={blind}>
        <span className="presenter-quarter">{shownQuarter(e.date)}</span> {e.title}
        {isInWindow(e.date, evidenceWindow) ? null : <strong className="presenter-outside"> · outside the evidence window</strong>}
        {e.criterionIds.length > 0 ? <span className="muted"> · {inOrderOf(codes, e.criterionIds).map((id) => codes.get(id) ?? '?').join(', ')}</span> : null}
      </EvidenceDetail>
    </li>
  );
}
