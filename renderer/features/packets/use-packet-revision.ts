/**
 * The packet builder's state for one packet: which revision is on screen
 * (the current one unless an older one is picked), what it is judged with
 * (a draft with the live evidence log; a submitted or superseded revision
 * with the evidence frozen in its snapshot, packetEvidence, so an evidence
 * edit after submission never changes what it shows), and its commands.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AssessmentRating } from '../../../shared/domain/packet';
import { canSubmit, checksDay, packetChecks } from '../../../shared/packets/checks';
import { userTimeZone } from '../../../shared/util/dates';
import { criterionCoverage, type EvidenceWindow } from '../../../shared/packets/coverage';
import { evidenceChangeNotice } from '../../../shared/packets/evidence-notice';
import { packetEvidence } from '../../../shared/packets/snapshot';
import { readiness } from '../../../shared/rules/readiness';
import { formatDate } from '../../components/dates';
import { commands } from '../../db/commands';
import { useUiStore } from '../../state/ui-store';
import type { RevisionViewProps } from './packet-revision';
import { errorMessage } from '../../../shared/util/error-message';

export function usePacketRevision({ candidate, cycle, framework, evidence, packets, current }: RevisionViewProps['data']) {
  const announce = useUiStore((s) => s.announce);
  const [viewedId, setViewedId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'submit' | 'reopen' | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  // Another revision picked (or Back to the current one): its status, at the top, takes the focus and comes into view.
  // The page changed below the history's buttons with the focus fallen to the page and the banner off-screen (a trial).
  const picked = useRef(false);
  useEffect(() => {
    if (!picked.current) return;
    picked.current = false;
    const status = statusRef.current;
    status?.focus({ preventScroll: true });
    if (status && typeof status.scrollIntoView === 'function') status.scrollIntoView({ block: 'start' });
  }, [viewedId]);

  const viewed = packets.find((p) => p.id === viewedId) ?? current;
  const shown = useMemo(() => packetEvidence(viewed, evidence), [viewed, evidence]);
  const window: EvidenceWindow = useMemo(() => ({ from: cycle.evidenceFrom, to: cycle.evidenceTo }), [cycle.evidenceFrom, cycle.evidenceTo]);
  const coverage = useMemo(() => criterionCoverage(framework, viewed, shown, window), [framework, viewed, shown, window]);
  const ready = useMemo(() => readiness(coverage), [coverage]);
  const checks = useMemo(
    () => packetChecks({ framework, cycle, candidate, packet: viewed, evidence: shown, showDate: formatDate, today: checksDay(viewed, new Date().toISOString(), userTimeZone()) }),
    [framework, cycle, candidate, viewed, shown],
  );
  const verdict = useMemo(() => canSubmit(checks, viewed.acknowledgedChecks), [checks, viewed.acknowledgedChecks]);
  const acknowledged = useMemo(() => new Set(viewed.acknowledgedChecks), [viewed.acknowledgedChecks]);
  const notice = useMemo(() => evidenceChangeNotice(current, framework, evidence), [current, framework, evidence]);
  const packetId = viewed.id;

  const report = useCallback((error: unknown) => announce(errorMessage(error), 'error'), [announce]);
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

  /** Submit and reopen: announced, then the current revision shown with the focus on its status. */
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

  return {
    viewed,
    isCurrent: viewed.id === current.id,
    readOnly: viewed.status !== 'draft',
    shown,
    window,
    coverage,
    ready,
    checks,
    verdict,
    acknowledged,
    notice,
    busy,
    statusRef,
    view: (id: string | null) => {
      picked.current = true;
      setViewedId(id === current.id ? null : id);
    },
    onRate,
    onNote,
    onAcknowledge,
    saveText: (patch: { notYetDoing?: string; summary?: string }) => commands.updatePacketText(packetId, patch),
    syncTargetLevel: () => void commands.syncTargetLevel(packetId).catch(report),
    submit: () =>
      void run('submit', async () => {
        await commands.submitPacket(packetId);
        return `Submitted revision ${viewed.revision}. It is now read-only.`;
      }),
    reopen: () =>
      void run('reopen', async () => {
        const next = await commands.reopenPacket(packetId);
        return `Reopened: revision ${next.revision} is a draft; revision ${viewed.revision} is kept as it was submitted.`;
      }),
    reopenKept: (keptId: string) =>
      void run('reopen', async () => {
        const next = await commands.reopenWithKeptEdits(current.id, keptId);
        return `Started revision ${next.revision} from the kept edits; revision ${current.revision} is kept as it was submitted.`;
      }),
  };
}
