/**
 * The packet builder: a manager's case for one candidate against the target
 * level, written criterion by criterion over weeks and later read by the
 * committee. The criteria lead; beside each sit its evidence, whether it is
 * sustained, its gaps and the manager's assessment. The readiness figure is
 * never shown without the rule and the window that produce it. Everything
 * saves as you type; a submitted revision is read-only and reopening starts
 * a new one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Framework } from '../../../shared/domain/framework';
import type { AssessmentRating, Packet } from '../../../shared/domain/packet';
import { canSubmit, packetChecks, summaryFindings } from '../../../shared/packets/checks';
import { criterionCoverage, type EvidenceWindow } from '../../../shared/packets/coverage';
import { readiness, SUSTAINED_MIN_QUARTERS, type Readiness } from '../../../shared/rules/readiness';
import { quarterLabel, quarterOf } from '../../../shared/util/dates';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { hrefFor } from '../../app/routes';
import { db } from '../../db/database';
import {
  acknowledgeCheck,
  packetWorkspace,
  reopen,
  setAssessment,
  setAssessmentNote,
  startPacket,
  submit,
  syncTargetLevel,
  unacknowledgeCheck,
  updatePacketText,
  type PacketWorkspace,
} from '../../db/packets';
import { levelLabel } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { ChecksPanel, SubmitBar, SUMMARY_FIELD_ID, CHECKS_HEADING_ID, focusOnPage } from './packet-checks';
import { CriteriaTable } from './packet-criteria';
import { RevisionHistory, STATUS_LABEL, formatTimestamp, keptEditsLabel } from './packet-history';
import { PacketTextField } from './packet-text-field';
import './packet-builder.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function quarterSpan(window: EvidenceWindow): string {
  try {
    return `${quarterLabel(quarterOf(window.from))} to ${quarterLabel(quarterOf(window.to))}`;
  } catch {
    return '';
  }
}

export function PacketBuilder({ candidateId }: { candidateId: string }) {
  const data = useLiveQuery(() => packetWorkspace(db, candidateId), [candidateId]);
  if (data === undefined) return <Loading what="packet" />;
  if (data === null) {
    return (
      <>
        <PageHeader title="Packet" />
        <EmptyState title="Candidate not found" action={<a className="button button-secondary" href={hrefFor('packets')}>Back to packets</a>}>
          <p>
            There is no candidate with the id <code>{candidateId}</code> on this machine. The link may come from another machine whose bundle has not been imported,
            or the candidate was removed.
          </p>
        </EmptyState>
      </>
    );
  }
  return <Workspace data={data} />;
}

function Workspace({ data }: { data: PacketWorkspace }) {
  const { candidate, cycle, framework, current } = data;
  const candidateHref = hrefFor('candidates', candidate.id);
  const levelById = useMemo(() => new Map((framework?.levels ?? []).map((l) => [l.id, l])), [framework]);
  const announce = useUiStore((s) => s.announce);
  const [starting, setStarting] = useState(false);
  const targetId = current ? current.targetLevelId : candidate.targetLevelId;

  const header = (
    <PageHeader
      title={candidate.name}
      subtitle={
        <>
          Promotion packet · {levelLabel(levelById, candidate.currentLevelId)} → {targetId ? levelLabel(levelById, targetId) : 'no target level'} · Manager{' '}
          {candidate.manager}
          {candidate.team ? ` · ${candidate.team}` : ''}
        </>
      }
      actions={
        <a className="button button-secondary" href={candidateHref}>
          Candidate page
        </a>
      }
    />
  );

  if (!cycle || !framework) {
    return (
      <>
        {header}
        <EmptyState title={cycle ? 'The cycle’s framework is missing' : 'The candidate’s cycle is missing'}>
          <p>
            A packet is judged against the framework version its cycle pins. {cycle ? `The version “${cycle.frameworkVersionId}” is not stored on this machine.` : `The cycle “${candidate.cycleId}” is not stored on this machine.`}{' '}
            Import the bundle or backup that contains it, then come back.
          </p>
        </EmptyState>
      </>
    );
  }

  if (!current) {
    return (
      <>
        {header}
        <EmptyState
          title={`No packet for ${candidate.name} yet`}
          action={
            <button
              type="button"
              className="button button-primary"
              disabled={starting}
              onClick={() => {
                setStarting(true);
                startPacket(db, candidate.id)
                  .then(() => announce(`Started the packet for ${candidate.name}.`))
                  .catch((error: unknown) => announce(`Could not start the packet: ${messageOf(error)}`, 'error'))
                  .finally(() => setStarting(false));
              }}
            >
              Start the packet
            </button>
          }
        >
          <p>
            The packet is your case for {candidate.name} against the target level, criterion by criterion: the evidence for each, your assessment, what they are not
            yet doing and a summary. It saves as you type, and the committee reads it once you submit it.
          </p>
        </EmptyState>
      </>
    );
  }

  return <Builder data={{ ...data, cycle, framework, current }} header={header} candidateHref={candidateHref} levelById={levelById} />;
}

interface BuilderProps {
  data: PacketWorkspace & { cycle: NonNullable<PacketWorkspace['cycle']>; framework: Framework; current: Packet };
  header: ReactNode;
  candidateHref: string;
  levelById: Map<string, Framework['levels'][number]>;
}

function Builder({ data, header, candidateHref, levelById }: BuilderProps) {
  const { candidate, cycle, framework, evidence, packets, current } = data;
  const announce = useUiStore((s) => s.announce);
  const [viewedId, setViewedId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'submit' | 'reopen' | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const viewed = packets.find((p) => p.id === viewedId) ?? current;
  const isCurrent = viewed.id === current.id;
  const readOnly = viewed.status !== 'draft';
  const window: EvidenceWindow = useMemo(() => ({ from: cycle.evidenceFrom, to: cycle.evidenceTo }), [cycle.evidenceFrom, cycle.evidenceTo]);
  const coverage = useMemo(() => criterionCoverage(framework, viewed, evidence, window), [framework, viewed, evidence, window]);
  const ready = useMemo(() => readiness(coverage), [coverage]);
  const checks = useMemo(() => packetChecks({ framework, cycle, candidate, packet: viewed, evidence }), [framework, cycle, candidate, viewed, evidence]);
  const verdict = useMemo(() => canSubmit(checks, viewed.acknowledgedChecks), [checks, viewed.acknowledgedChecks]);
  const acknowledged = useMemo(() => new Set(viewed.acknowledgedChecks), [viewed.acknowledgedChecks]);
  const competencyNames = useMemo(() => new Map(framework.competencies.map((c) => [c.id, c.name])), [framework]);
  const notes = useMemo(() => Object.fromEntries(Object.entries(viewed.assessments).map(([id, a]) => [id, a.note])), [viewed.assessments]);
  const targetLevel = viewed.targetLevelId ? levelById.get(viewed.targetLevelId) : undefined;
  const levelName = levelLabel(levelById, viewed.targetLevelId);
  const selfHref = hrefFor('packets', candidate.id);
  const packetId = viewed.id;

  const report = useCallback((error: unknown) => announce(messageOf(error), 'error'), [announce]);
  const onRate = useCallback(
    (criterionId: string, rating: AssessmentRating | null) =>
      setAssessment(db, packetId, criterionId, rating).catch((error: unknown) => {
        report(error);
        throw error;
      }),
    [packetId, report],
  );
  const onNote = useCallback((criterionId: string, note: string) => setAssessmentNote(db, packetId, criterionId, note), [packetId]);
  const onAcknowledge = useCallback(
    (checkId: string, value: boolean) =>
      (value ? acknowledgeCheck(db, packetId, checkId) : unacknowledgeCheck(db, packetId, checkId)).catch((error: unknown) => {
        report(error);
        throw error;
      }),
    [packetId, report],
  );

  async function onSubmit() {
    setBusy('submit');
    try {
      await submit(db, packetId);
      announce(`Submitted revision ${viewed.revision}. It is now read-only.`);
      statusRef.current?.focus();
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }

  async function onReopen() {
    setBusy('reopen');
    try {
      const next = await reopen(db, packetId);
      setViewedId(null);
      announce(`Reopened: revision ${next.revision} is a draft; revision ${viewed.revision} is kept as it was submitted.`);
      statusRef.current?.focus();
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  }

  const targetMismatch = isCurrent && !readOnly && candidate.targetLevelId !== null && candidate.targetLevelId !== viewed.targetLevelId;
  const gapCount = coverage.filter((c) => c.gap).length;

  return (
    <div className="packet-builder">
      {header}

      <div className={`packet-status packet-status-${viewed.status}`} ref={statusRef} tabIndex={-1} role="group" aria-label="Packet status">
        <p className="packet-status-text">
          <span className={`status status-${viewed.status}`}>{STATUS_LABEL[viewed.status]}</span> · revision {viewed.revision}
          {viewed.submittedAt && viewed.status !== 'draft' ? ` · submitted ${formatTimestamp(viewed.submittedAt)}` : ''}
          {' · '}
          {viewed.status === 'draft'
            ? 'Saves as you type.'
            : viewed.status === 'submitted'
              ? 'Read-only: this is what the committee reads.'
              : (keptEditsLabel(viewed) ?? 'Superseded by a later revision; kept read-only for the record.')}
        </p>
        <div className="packet-status-actions">
          {!isCurrent ? (
            <button type="button" className="button button-secondary" onClick={() => setViewedId(null)}>
              Back to the current revision ({current.revision})
            </button>
          ) : null}
          {isCurrent && viewed.status === 'submitted' ? (
            <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void onReopen()}>
              {busy === 'reopen' ? 'Reopening…' : `Reopen (creates revision ${viewed.revision + 1})`}
            </button>
          ) : null}
          {isCurrent && viewed.status === 'draft' ? (
            <a
              href={selfHref}
              onClick={(e) => {
                e.preventDefault();
                focusOnPage(CHECKS_HEADING_ID);
              }}
            >
              {verdict.ok ? 'Ready to submit' : `${verdict.blockers.length + verdict.unacknowledged.length} ${verdict.blockers.length + verdict.unacknowledged.length === 1 ? 'check' : 'checks'} to resolve before submitting`}
            </a>
          ) : null}
        </div>
      </div>

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
          <button type="button" className="button button-secondary" onClick={() => syncTargetLevel(db, packetId).catch(report)}>
            Use {levelLabel(levelById, candidate.targetLevelId)}
          </button>
        </div>
      ) : null}

      <ReadinessPanel ready={ready} window={window} hasLevel={targetLevel !== undefined} />

      <section className="packet-section" aria-labelledby="packet-criteria-heading">
        <h2 id="packet-criteria-heading">
          Criteria of {levelName}
          {coverage.length > 0 ? <span className="packet-heading-note"> · {coverage.length} criteria, {gapCount === 0 ? 'no gaps' : `${gapCount} with gaps`}</span> : null}
        </h2>
        {!targetLevel ? (
          <div className="packet-notice packet-notice-blocker">
            <p>
              <strong>✕ No target level.</strong>{' '}
              {viewed.targetLevelId === null
                ? 'The packet does not name the level the candidate is being considered for, so there are no criteria to assess and nothing to compare against.'
                : `The target level “${viewed.targetLevelId}” is not in ${framework.name} (version ${framework.version}), the framework this cycle is judged against.`}{' '}
              This blocks submission.
            </p>
            <a href={candidateHref}>Set the target level on the candidate page</a>
          </div>
        ) : coverage.length === 0 ? (
          <div className="packet-notice">
            <p>
              {levelName} has no criteria in {framework.name} (version {framework.version}), so there is nothing to assess and readiness cannot be computed. The
              version is pinned by the cycle; criteria are added in a new framework version.
            </p>
            <a href={hrefFor('frameworks', framework.id)}>Open the framework</a>
          </div>
        ) : (
          <CriteriaTable
            key={viewed.id}
            packetId={viewed.id}
            levelName={levelName}
            coverage={coverage}
            notes={notes}
            competencyNames={competencyNames}
            window={window}
            readOnly={readOnly}
            candidateHref={candidateHref}
            onRate={onRate}
            onNote={onNote}
          />
        )}
        {evidence.length === 0 ? (
          <p className="packet-none">
            No evidence is logged for {candidate.name} yet. <a href={candidateHref}>Log evidence on the candidate page</a>
          </p>
        ) : null}
      </section>

      <section className="packet-section packet-texts" aria-labelledby="packet-texts-heading">
        <h2 id="packet-texts-heading">The case in words</h2>
        <PacketTextField
          key={`not-yet-${viewed.id}`}
          id="packet-not-yet"
          label="What they are not yet doing"
          hint={`Say, in observable terms, which parts of ${levelName} they do not do yet.${gapCount > 0 ? ` The criteria table shows ${gapCount} with gaps.` : ''}`}
          value={viewed.notYetDoing}
          readOnly={readOnly}
          rows={4}
          onSave={(text) => updatePacketText(db, packetId, { notYetDoing: text })}
        />
        <PacketTextField
          key={`summary-${viewed.id}`}
          id={SUMMARY_FIELD_ID}
          label="Summary"
          hint="The case for the committee: what they did, at what scope, citing the evidence. Avoid vague praise and time served."
          value={viewed.summary}
          readOnly={readOnly}
          rows={7}
          onSave={(text) => updatePacketText(db, packetId, { summary: text })}
          below={(text) => <SummaryFindings text={text} />}
        />
      </section>

      <ChecksPanel key={viewed.id} checks={checks} acknowledged={acknowledged} readOnly={readOnly} selfHref={selfHref} candidateHref={candidateHref} onAcknowledge={onAcknowledge} />

      {isCurrent && viewed.status === 'draft' ? <SubmitBar verdict={verdict} revision={viewed.revision} busy={busy === 'submit'} onSubmit={() => void onSubmit()} /> : null}

      <RevisionHistory packets={packets} viewedId={viewed.id} currentId={current.id} onView={(id) => setViewedId(id === current.id ? null : id)} />
      {!isCurrent ? <p className="muted packet-footnote">Coverage and checks of an earlier revision are computed with the evidence as it is today.</p> : null}
    </div>
  );
}

function ReadinessPanel({ ready, window, hasLevel }: { ready: Readiness; window: EvidenceWindow; hasLevel: boolean }) {
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
          Evidence window: evidence from {window.from} to {window.to}
          {quarterSpan(window) ? ` (${quarterSpan(window)})` : ''}. Sustained means evidence in at least {SUSTAINED_MIN_QUARTERS} distinct quarters of it. Rows
          marked ★ count.
        </p>
      </div>
    </section>
  );
}

function SummaryFindings({ text }: { text: string }) {
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
