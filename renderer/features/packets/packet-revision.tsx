/**
 * One revision of a packet in the builder: status, readiness, the criteria
 * table, the case in words, the checks and the revision history. A draft is
 * shown and judged with the live evidence log; a submitted or superseded
 * revision with the evidence frozen in its snapshot (packetEvidence), so an
 * evidence edit after submission never changes what it shows.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Framework } from '../../../shared/domain/framework';
import type { AssessmentRating, Packet } from '../../../shared/domain/packet';
import { canSubmit, packetChecks } from '../../../shared/packets/checks';
import { criterionCoverage, type EvidenceWindow } from '../../../shared/packets/coverage';
import { evidenceChangeNotice } from '../../../shared/packets/evidence-notice';
import { packetEvidence } from '../../../shared/packets/snapshot';
import { readiness } from '../../../shared/rules/readiness';
import { hrefFor } from '../../app/routes';
import { commands } from '../../db/commands';
import type { PacketWorkspace } from '../../db/packets';
import { levelLabel } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { ChecksPanel, SubmitBar, SUMMARY_FIELD_ID } from './packet-checks';
import { CriteriaSection } from './packet-criteria-section';
import { RevisionHistory } from './packet-history';
import { ReadinessPanel, SummaryFindings } from './packet-readiness';
import { PacketStatus } from './packet-status';
import { PacketTextField } from './packet-text-field';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface RevisionViewProps {
  data: PacketWorkspace & { cycle: NonNullable<PacketWorkspace['cycle']>; framework: Framework; current: Packet };
  header: ReactNode;
  candidateHref: string;
  levelById: Map<string, Framework['levels'][number]>;
}

export function RevisionView({ data, header, candidateHref, levelById }: RevisionViewProps) {
  const { candidate, cycle, framework, evidence, packets, current } = data;
  const announce = useUiStore((s) => s.announce);
  const [viewedId, setViewedId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'submit' | 'reopen' | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const viewed = packets.find((p) => p.id === viewedId) ?? current;
  const isCurrent = viewed.id === current.id;
  const readOnly = viewed.status !== 'draft';
  const shown = useMemo(() => packetEvidence(viewed, evidence), [viewed, evidence]);
  const window: EvidenceWindow = useMemo(() => ({ from: cycle.evidenceFrom, to: cycle.evidenceTo }), [cycle.evidenceFrom, cycle.evidenceTo]);
  const coverage = useMemo(() => criterionCoverage(framework, viewed, shown, window), [framework, viewed, shown, window]);
  const ready = useMemo(() => readiness(coverage), [coverage]);
  const checks = useMemo(() => packetChecks({ framework, cycle, candidate, packet: viewed, evidence: shown }), [framework, cycle, candidate, viewed, shown]);
  const verdict = useMemo(() => canSubmit(checks, viewed.acknowledgedChecks), [checks, viewed.acknowledgedChecks]);
  const acknowledged = useMemo(() => new Set(viewed.acknowledgedChecks), [viewed.acknowledgedChecks]);
  const notice = useMemo(() => evidenceChangeNotice(current, framework, evidence), [current, framework, evidence]);
  const levelName = levelLabel(levelById, viewed.targetLevelId);
  const selfHref = hrefFor('packets', candidate.id);
  const packetId = viewed.id;

  const report = useCallback((error: unknown) => announce(messageOf(error), 'error'), [announce]);
  const onRate = useCallback(
    (criterionId: string, rating: AssessmentRating | null) =>
      commands.setAssessment(packetId, criterionId, rating).catch((error: unknown) => {
        report(error);
        throw error;
      }),
    [packetId, report],
  );
  const onNote = useCallback((criterionId: string, note: string) => commands.setAssessmentNote(packetId, criterionId, note), [packetId]);
  const onAcknowledge = useCallback(
    (checkId: string, value: boolean) =>
      (value ? commands.acknowledgeCheck(packetId, checkId) : commands.unacknowledgeCheck(packetId, checkId)).catch((error: unknown) => {
        report(error);
        throw error;
      }),
    [packetId, report],
  );

  async function run(kind: 'submit' | 'reopen', action: () => Promise<string>) {
    setBusy(kind);
    try {
      announce(await action());
      setViewedId(null);
      statusRef.current?.focus();
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }
  const onSubmit = () =>
    run('submit', async () => {
      await commands.submitPacket(packetId);
      return `Submitted revision ${viewed.revision}. It is now read-only.`;
    });
  const onReopen = () =>
    run('reopen', async () => {
      const next = await commands.reopenPacket(packetId);
      return `Reopened: revision ${next.revision} is a draft; revision ${viewed.revision} is kept as it was submitted.`;
    });
  const onReopenKept = (keptId: string) =>
    run('reopen', async () => {
      const next = await commands.reopenWithKeptEdits(current.id, keptId);
      return `Started revision ${next.revision} from the kept edits; revision ${current.revision} is kept as it was submitted.`;
    });

  const targetMismatch = isCurrent && !readOnly && candidate.targetLevelId !== null && candidate.targetLevelId !== viewed.targetLevelId;
  const gapCount = coverage.filter((c) => c.gap).length;

  return (
    <div className="packet-builder">
      {header}
      <PacketStatus
        viewed={viewed}
        current={current}
        verdict={verdict}
        notice={notice}
        busy={busy !== null}
        selfHref={selfHref}
        statusRef={statusRef}
        onBack={() => setViewedId(null)}
        onReopen={() => void onReopen()}
      />

      {targetMismatch ? (
        <div className="packet-notice" role="note">
          <p>
            {viewed.targetLevelId === null ? (
              <>
                This packet names no target level, but the candidate’s target level is <strong>{levelLabel(levelById, candidate.targetLevelId)}</strong>.
              </>
            ) : (
              <>
                The candidate’s target level is now <strong>{levelLabel(levelById, candidate.targetLevelId)}</strong>, but this packet is written against{' '}
                <strong>{levelName}</strong>. Assessments of the other level’s criteria are kept if you switch back.
              </>
            )}
          </p>
          <button type="button" className="button button-secondary" onClick={() => commands.syncTargetLevel(packetId).catch(report)}>
            Use {levelLabel(levelById, candidate.targetLevelId)}
          </button>
        </div>
      ) : null}

      <ReadinessPanel ready={ready} window={window} hasLevel={levelById.has(viewed.targetLevelId ?? '')} />

      <CriteriaSection
        viewed={viewed}
        framework={framework}
        levelById={levelById}
        coverage={coverage}
        window={window}
        readOnly={readOnly}
        candidateHref={candidateHref}
        noEvidence={shown.length === 0 ? candidate.name : null}
        onRate={onRate}
        onNote={onNote}
      />

      <section className="packet-section packet-texts" aria-labelledby="packet-texts-heading">
        <h2 id="packet-texts-heading">The case in words</h2>
        <PacketTextField
          key={`not-yet-${viewed.id}`}
          id="packet-not-yet"
          rescueKey={`${viewed.id}:notYetDoing`}
          label="What they are not yet doing"
          hint={`Say, in observable terms, which parts of ${levelName} they do not do yet.${gapCount > 0 ? ` The criteria table shows ${gapCount} with gaps.` : ''}`}
          value={viewed.notYetDoing}
          readOnly={readOnly}
          rows={4}
          onSave={(text) => commands.updatePacketText(packetId, { notYetDoing: text })}
        />
        <PacketTextField
          key={`summary-${viewed.id}`}
          id={SUMMARY_FIELD_ID}
          rescueKey={`${viewed.id}:summary`}
          label="Summary"
          hint="The case for the committee: what they did, at what scope, citing the evidence. Avoid vague praise and time served."
          value={viewed.summary}
          readOnly={readOnly}
          rows={7}
          onSave={(text) => commands.updatePacketText(packetId, { summary: text })}
          below={(text) => <SummaryFindings text={text} />}
        />
      </section>

      <ChecksPanel key={viewed.id} checks={checks} acknowledged={acknowledged} readOnly={readOnly} selfHref={selfHref} candidateHref={candidateHref} onAcknowledge={onAcknowledge} />

      {isCurrent && viewed.status === 'draft' ? <SubmitBar verdict={verdict} revision={viewed.revision} busy={busy === 'submit'} onSubmit={() => void onSubmit()} /> : null}

      <RevisionHistory
        packets={packets}
        viewedId={viewed.id}
        current={current}
        busy={busy !== null}
        onView={(id) => setViewedId(id === current.id ? null : id)}
        onReopenKept={(keptId) => void onReopenKept(keptId)}
      />
      {!isCurrent && !viewed.snapshot ? (
        <p className="muted packet-footnote">Revision {viewed.revision} was stored without a copy of its evidence, so its coverage and checks are computed with the evidence as it is today.</p>
      ) : null}
    </div>
  );
}
