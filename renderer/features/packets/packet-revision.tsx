/**
 * One revision of a packet in the builder: status, readiness, the criteria
 * table, the case in words, the checks and the revision history. What it is
 * judged with and its commands: use-packet-revision.ts.
 */
import type { ReactNode } from 'react';
import type { Framework } from '../../../shared/domain/framework';
import type { Candidate, Packet } from '../../../shared/domain';
import { hrefFor } from '../../app/routes';
import type { PacketWorkspace } from '../../db/packets';
import { levelLabel } from '../../db/use-cycle-context';
import { PacketCaseTexts } from './packet-case-texts';
import { ChecksPanel, SubmitBar } from './packet-checks';
import { KeptEvidenceNote } from './kept-evidence-note';
import { CriteriaSection } from './packet-criteria-section';
import { RevisionHistory } from './packet-history';
import { ReadinessPanel } from './packet-readiness';
import { RevisionChanges } from './revision-changes';
import { PacketStatus } from './packet-status';
import { usePacketRevision } from './use-packet-revision';

export interface RevisionViewProps {
  data: PacketWorkspace & { cycle: NonNullable<PacketWorkspace['cycle']>; framework: Framework; current: Packet };
  /** The page's header for the revision on screen (its "Packet PDF" prints that revision). */
  header: (viewed: Packet) => ReactNode;
  candidateHref: string;
  levelById: Map<string, Framework['levels'][number]>;
}

/** The candidate's target level moved away from the draft's: say so, and offer to follow it. */
function TargetMismatch({ candidate, viewed, levelById, onSync }: { candidate: Candidate; viewed: Packet; levelById: RevisionViewProps['levelById']; onSync(): void }) {
  const target = levelLabel(levelById, candidate.targetLevelId);
  return (
    <div className="packet-notice" role="note">
      <p>
        {viewed.targetLevelId === null ? (
          <>
            This packet names no target level, but the candidate’s target level is <strong>{target}</strong>.
          </>
        ) : (
          <>
            The candidate’s target level is now <strong>{target}</strong>, but this packet is written against <strong>{levelLabel(levelById, viewed.targetLevelId)}</strong>.
            Assessments of the other level’s criteria are kept if you switch back.
          </>
        )}
      </p>
      <button type="button" className="button button-secondary" onClick={onSync}>
        Use {target}
      </button>
    </div>
  );
}

export function RevisionView({ data, header, candidateHref, levelById }: RevisionViewProps) {
  const { candidate, framework, packets, current } = data;
  const r = usePacketRevision(data);
  const { viewed, readOnly, coverage } = r;
  const selfHref = hrefFor('packets', candidate.id);
  const targetMismatch = r.isCurrent && !readOnly && candidate.targetLevelId !== null && candidate.targetLevelId !== viewed.targetLevelId;

  return (
    <div className="packet-builder">
      {header(viewed)}
      <PacketStatus viewed={viewed} current={current} verdict={r.verdict} notice={r.notice} busy={r.busy !== null} selfHref={selfHref} statusRef={r.statusRef} onBack={() => r.view(null)} onReopen={r.reopen} />
      {targetMismatch ? <TargetMismatch candidate={candidate} viewed={viewed} levelById={levelById} onSync={r.syncTargetLevel} /> : null}
      <RevisionChanges framework={framework} packets={packets} viewed={viewed} shown={r.shown} evidence={data.evidence} levelById={levelById} window={r.window} />
      <ReadinessPanel ready={r.ready} window={r.window} hasLevel={levelById.has(viewed.targetLevelId ?? '')} />
      <CriteriaSection
        viewed={viewed}
        framework={framework}
        levelById={levelById}
        coverage={coverage}
        window={r.window}
        readOnly={readOnly}
        candidateHref={candidateHref}
        noEvidence={r.shown.length === 0 ? candidate.name : null}
        onRate={r.onRate}
        onNote={r.onNote}
      />
      <PacketCaseTexts viewed={viewed} levelName={levelLabel(levelById, viewed.targetLevelId)} gapCount={coverage.filter((c) => c.gap).length} readOnly={readOnly} onSave={r.saveText} />
      <ChecksPanel key={viewed.id} checks={r.checks} acknowledged={r.acknowledged} readOnly={readOnly} selfHref={selfHref} candidateHref={candidateHref} onAcknowledge={r.onAcknowledge} />
      {r.isCurrent && viewed.status === 'draft' ? <KeptEvidenceNote candidateId={candidate.id} candidateHref={candidateHref} /> : null}
      {r.isCurrent && viewed.status === 'draft' ? <SubmitBar verdict={r.verdict} revision={viewed.revision} busy={r.busy === 'submit'} onSubmit={r.submit} /> : null}
      <RevisionHistory packets={packets} viewedId={viewed.id} current={current} busy={r.busy !== null} onView={r.view} onReopenKept={r.reopenKept} />
      {!r.isCurrent && !viewed.snapshot ? (
        <p className="muted packet-footnote">Revision {viewed.revision} was stored without a copy of its evidence, so its coverage and checks are computed with the evidence as it is today.</p>
      ) : null}
    </div>
  );
}
