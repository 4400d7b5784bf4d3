/**
 * What presenter mode shows about one candidate, as plain data: the reviewed
 * packet, the target level's criteria with their stored coverage row, the
 * readiness figure and the decision that counts. Every figure comes from the
 * shared rules (reviewed packet, readiness, latest decision), so the screen
 * the committee looks at agrees with the packets list, the heatmap, the
 * decision book and the CSV; a test checks that it does.
 */
import type { Candidate } from '../domain/candidate';
import type { Criterion, Framework } from '../domain/framework';
import type { Packet } from '../domain/packet';
import type { Decision } from '../domain/session';
import type { CriterionCoverageRow } from '../packets/coverage';
import { reviewedPacket, type PacketHead } from '../rules/current-packet';
import { latestDecisionOf } from '../rules/latest-decision';
import { readinessFromRows, type Readiness } from '../rules/readiness';
import { timeInLevelText } from '../packets/evidence-words';
import { plural } from '../util/plural';
import { dayOf, userTimeZone } from '../util/dates';

export interface PresenterCriterion {
  criterion: Criterion;
  /** The stored coverage row; undefined when the candidate has no packet for this level. */
  row: CriterionCoverageRow | undefined;
}

export interface PresenterCandidate<P extends PacketHead = Packet> {
  /** The packet the session reviews (its head when the caller passed heads: the screens read its text separately). */
  packet: P | undefined;
  criteria: PresenterCriterion[];
  readiness: Readiness;
  decision: Decision | undefined;
}

export function presenterCandidate<P extends PacketHead>(input: {
  framework: Pick<Framework, 'criteria'>;
  candidate: Pick<Candidate, 'id' | 'targetLevelId'>;
  coverage: readonly CriterionCoverageRow[];
  packets: readonly P[];
  /** The session's decisions (the latest of the candidate's counts). */
  decisions: readonly Decision[];
}): PresenterCandidate<P> {
  const { framework, candidate } = input;
  const level = candidate.targetLevelId;
  const rowOf = new Map<string, CriterionCoverageRow>();
  for (const r of input.coverage) if (r.candidateId === candidate.id && r.targetLevelId === level) rowOf.set(r.criterionId, r);
  const criteria = level === null ? [] : framework.criteria.filter((c) => c.levelId === level);
  return {
    packet: reviewedPacket(input.packets.filter((p) => p.candidateId === candidate.id)),
    criteria: criteria.map((criterion) => ({ criterion, row: rowOf.get(criterion.id) })),
    readiness: readinessFromRows(framework, candidate, input.coverage),
    decision: latestDecisionOf(input.decisions, candidate.id),
  };
}

/**
 * The line under a candidate's name in both presenter views (names shown):
 * manager, team and time in level, the time left out when the manager did
 * not give it (it read "0 months in level", which a committee takes as new
 * in the level).
 */
/**
 * How much evidence a criterion has, as the review says it beside the criterion: the items dated outside the
 * cycle's evidence window are linked but do not count toward "sustained" or readiness, so the count says how many
 * of them there are ("2 evidence items, 1 outside the window"), as the packet marks each one.
 */
export function evidenceCountLine(row: Pick<CriterionCoverageRow, 'evidenceCount' | 'evidenceInWindow'> | undefined, noun = 'evidence item'): string {
  const all = row?.evidenceCount ?? 0;
  const outside = all - (row?.evidenceInWindow ?? all);
  return outside > 0 ? `${plural(all, noun)}, ${outside} outside the window` : plural(all, noun);
}

export function presenterWhoLine(candidate: Pick<Candidate, 'manager' | 'team' | 'timeInLevelMonths'>): string {
  const parts = [`Manager ${candidate.manager}`];
  if (candidate.team) parts.push(`${candidate.team} team`);
  if (candidate.timeInLevelMonths !== null) parts.push(`${timeInLevelText(candidate.timeInLevelMonths)} in level`);
  return parts.join(' · ');
}

/**
 * The line above the packet summary in both presenter views: the reviewed packet's status and revision. A revision
 * reopened since its submission is still the case the session reviews (reviewedPacket); the line says so, so the
 * committee knows a newer draft exists and that it is not what they see. Once the session is finalized (`frozen`)
 * its record keeps that revision for good: no later revision will be shown in it, submitted or not.
 */
export function reviewedPacketLine(
  head: Pick<PacketHead, 'id' | 'status' | 'revision' | 'submittedAt'> | undefined,
  frozen: boolean,
  decidedOn?: Decision['packet'],
  /** When the session was created: a revision submitted after it arrived while the committee was already reviewing. */
  sessionStart?: string,
  timeZone: string = userTimeZone(),
  /** The screen's date format (the renderer's formatDate); YYYY-MM-DD without it. */
  showDay: (day: string) => string = (day) => day,
): string {
  // A revision submitted after the session began replaced the one the committee started with: said, so a vote or a
  // discussion from before it is not read as about this text (each vote says which revision it was cast on once shown).
  const during =
    head && head.revision > 1 && head.submittedAt && sessionStart && Date.parse(head.submittedAt) > Date.parse(sessionStart)
      ? // "Any": said of a session still planned with no vote cast, "votes cast before then were…" read as if there were some (a trial).
        ` · submitted on ${showDay(dayOf(head.submittedAt, timeZone))}, after this session was created: any vote cast before then was on an earlier revision`
      : '';
  // A decision saved on another revision (the packet was resubmitted since) says which, as its printed page does.
  const other = `${during}${decidedOn && decidedOn.id !== head?.id ? ` · the decision was made on revision ${decidedOn.revision}` : ''}`;
  if (!head) return `No packet${other}`;
  if (head.status === 'draft') return `Draft · revision ${head.revision}${other}`;
  if (head.status === 'superseded') {
    return frozen
      ? `Submitted · revision ${head.revision} · reopened before the session was finalized; its record keeps this revision${other}`
      : `Submitted · revision ${head.revision} · reopened since; the next revision is a draft and is not shown until it is submitted${other}`;
  }
  return `Submitted · revision ${head.revision}${other}`;
}
