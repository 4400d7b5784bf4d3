/**
 * Below the criteria in the full-screen presenter: the evidence (CaseEvidenceItem), then the packet summary, in the session's
 * blind form when it is blind (the session loaders redact once).
 */
import { formatDate } from '../../../components/dates';
import { userTimeZone } from '../../../../shared/util/dates';
import type { Candidate, Decision, Evidence, Framework, Packet } from '../../../../shared/domain';
import type { PacketHead } from '../../../../shared/rules/current-packet';
import { reviewedPacketLine } from '../../../../shared/calibration/presenter-model';
import { PacketSummaryText } from './packet-summary-text';
import type { EvidenceWindow } from '../../../../shared/packets/coverage';
import { criterionCodes, plural } from './labels';
import { CaseEvidenceItem } from './case-evidence-item';


export function PresenterEvidenceList({ framework, candidate, evidence, evidenceWindow, blind }: { framework: Framework; candidate: Candidate; evidence: Map<string, Evidence[]> | undefined; evidenceWindow: EvidenceWindow; blind: boolean }) {
  const codes = criterionCodes(framework);
  // Not in the map: still being read (useEvidenceOf), not "no evidence".
  const read = evidence?.get(candidate.id);
  const items = read ?? [];
  return (
    <section className="presenter-panel" aria-labelledby="pf-evidence-title">
      <div className="presenter-panel-head">
        <h2 id="pf-evidence-title">Evidence</h2>
        <p className="muted">{read ? plural(items.length, 'item') : '…'}</p>
      </div>
      {items.length === 0 ? (
        <p className="muted">{read === undefined ? 'Loading evidence…' : 'No evidence logged.'}</p>
      ) : (
        <ul className="presenter-evidence">
          {items.map((e) => (
            <CaseEvidenceItem key={e.id} evidence={e} codes={codes} evidenceWindow={evidenceWindow} blind={blind} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function PresenterSummary({ packet, whole, blind, frozen, decidedOn, sessionStart }: { packet: PacketHead | undefined; whole: Packet | null | undefined; blind: boolean; frozen: boolean; decidedOn?: Decision['packet']; sessionStart: string }) {
  return (
    <section className="presenter-panel" aria-labelledby="pf-summary-title">
      <div className="presenter-panel-head">
        <h2 id="pf-summary-title">Packet summary</h2>
        <p className="muted">{reviewedPacketLine(packet, frozen, decidedOn, sessionStart, userTimeZone(), formatDate)}</p>
      </div>
      <PacketSummaryText head={packet} packet={whole} blind={blind} />
    </section>
  );
}
