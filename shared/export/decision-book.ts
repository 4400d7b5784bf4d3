/**
 * The decision book: everything the printed record of a session says, as
 * plain data. The print view only lays it out, so what goes on paper (and
 * what blind mode hides) is decided and tested here. The same model makes
 * the whole book, a single candidate's decision page, or a packet page.
 *
 * A finalized session prints from its frozen record (sessionView in
 * shared/calibration/session-record.ts), whatever rows the caller passes, and
 * the book says so: when and by whom it was finalized, and every reopen
 * with its reason. A pre-vote corrected after it was locked prints as
 * corrected, with what was cast and why.
 */
import type { TrailHead } from '../audit/replay';
import type { BlindNames } from '../calibration/pseudonyms';
import { levelDistribution, type LevelPoint } from '../calibration/levels';
import { chairWhenNotActor, finalizedBy, sessionView } from '../calibration/session-record';
import { PRE_VOTE_HIDDEN, preVotesShown } from '../calibration/session-audit';
import { correctionNote, departureLine, tallyVotes, votedOnNote, type CandidateVotes, type MemberMovement } from '../calibration/votes';
import { criterionCodes, inLadderOrder, type AssessmentRating, type Candidate, type Cycle, type Decision, type Evidence, type Framework, type Packet, type Session, type SessionEvent, type Vote } from '../domain';
import { levelOf } from '../domain/level-lookup';
import type { CriterionCoverageRow } from '../packets/coverage';
import { latestDecisionByCandidate } from '../rules/latest-decision';
import { levelAfterDecision } from '../rules/level-after-decision';
import { readinessFromRows, type ReadinessFigure } from '../rules/readiness';
import { readinessFromStored, type StoredFigures } from '../packets/stored-readiness';
import { reviewedPacketByCandidate, type PacketHead } from '../rules/current-packet';
import { dayOf, shownQuarter, userTimeZone } from '../util/dates';
import { bookFairness, type BookFairnessModel } from './book-fairness';
import { OUTCOME_LABELS } from '../calibration/common';
import { earlierDecisionLine, outcomeText } from '../calibration/decision-helpers';
import { groupBy } from '../util/group-by';
import { plural } from '../util/plural';
import { RATING_WORDS } from '../packets/rating-words';

export interface BookInput {
  session: Session;
  cycle: Cycle;
  framework: Framework;
  candidates: Candidate[];
  decisions: Decision[];
  votes: Vote[];
  evidence: Evidence[];
  /** The session's coverage rows; a live session may give `stored` instead (ignored once the session is frozen: its record has them). */
  coverage: CriterionCoverageRow[];
  /** Each candidate's stored figures (candidateStats: readiness and the packet it is about), for a live session's readiness without its coverage rows. */
  stored?: ReadonlyMap<string, StoredFigures>;
  /** The packets the session reviews or their heads (optional: the book reads the frozen ones of a finalized session; a live one's from `stored`). */
  packets?: PacketHead[];
  names: BlindNames;
  /** When the book is printed (ISO); shown on the cover and in the footer. */
  printedAt: string;
  /** The time zone whose days the book gives (decided, finalized, printed): the reader's own, userTimeZone(), unless given. */
  timeZone?: string;
  /** The audit trail's head at printing, for the cover: compare it with any later copy of the record. */
  trailHead?: TrailHead;
  /** Every candidate and packet of the cycle (live rows, as the fairness view's nomination section reads them); without them the book says the nomination section is not printed. */
  cycleCandidates?: Candidate[];
  cyclePackets?: Packet[];
  /**
   * The manager's ratings in the revision reviewed, of the candidates whose decisions cite criteria: a live session's
   * book reads no coverage row (renderer/db/book-rows.ts), so a cited criterion's rating comes from here.
   */
  citedAssessments?: ReadonlyMap<string, Packet['assessments']>;
}

export interface CitedCriterion {
  id: string;
  /** The criterion's code as every screen shows it ("IC3.4"); null for one no longer in this framework version. */
  code: string | null;
  text: string;
  evidence: string[];
  /**
   * The manager's rating of it in the revision reviewed, as the committee saw it ("Consistently", "Partially", "Not
   * yet", "not rated"); null for a criterion of another level than the target, or with neither coverage rows nor the
   * reviewed revision's assessments to read it from. A Not yet
   * cites the criteria not met and a Promote those met: the rating says which each is (an HR trial read one list two ways).
   */
  rating: string | null;
}

export interface CandidatePage {
  candidateId: string;
  name: string;
  manager: string;
  team: string;
  currentLevel: string;
  targetLevel: string;
  newLevel: string;
  /**
   * The level in words beside the outcome: "IC2 Associate Engineer → IC3
   * Engineer" when the decision changes it, "stays at IC2 Associate
   * Engineer" when it does not, "at IC2 Associate Engineer" before a
   * decision: never a move from a level to itself.
   */
  levelLine: string;
  outcome: string;
  /** Set when the decision departs from the final votes (their majority chose otherwise, or none were cast): departureLine. */
  againstVotes: string | null;
  /** Readiness against the target level from the stored coverage (or the figures stored from it), by the shared rule. */
  readiness: ReadinessFigure & { rule: string };
  /** Which revision of the packet the committee reviewed, and whether it was submitted (packetFact). */
  packet: string;
  decided: boolean;
  decidedOn: string | null;
  /**
   * Who recorded the decision (Decision.decidedBy); null when not recorded. Named also when it is who finalized the
   * session: a trial read the pages of a book finalized by its recorder as naming no one.
   */
  decidedBy: string | null;
  /** What the decision was in a finalized record before a reopen changed it, one line each, oldest first. */
  earlier: string[];
  rationale: string;
  cited: CitedCriterion[];
  nextSteps: string[];
  dissent: string;
  votes: CandidateVotes | null;
  members: { id: string; name: string }[];
  /** One row per member who voted, as printed: before and after the discussion. */
  voteRows: VoteRow[];
}

export interface VoteRow {
  memberId: string;
  member: string;
  /** The pre-vote; a corrected one reads e.g. "Promote (corrected from Not yet: misread the levels)". */
  before: string;
  after: string;
  changed: boolean;
}

export interface BookEvent {
  action: string;
  on: string;
  by: string;
  reason: string;
}

export interface BookFinalization {
  on: string;
  by: string | null;
  /** Printed from the record frozen at finalization (false for a session finalized before records were frozen). */
  frozen: boolean;
  /** The sentence the cover prints. */
  statement: string;
}

export interface DecisionBook extends BookFairnessModel {
  title: string;
  cycleName: string;
  sessionName: string;
  committee: { name: string; role: string }[];
  printedOn: string;
  /** The time zone of every day the book gives, named on the cover. */
  timeZone: string;
  blind: boolean;
  /** The cover's line on names (namesStatement); null for a session that never hid them. */
  names: string | null;
  confidentiality: string;
  summary: { candidateId: string; name: string; currentLevel: string; newLevel: string; outcome: string }[];
  counts: Record<string, number>;
  levels: LevelPoint[];
  levelsRule: string;
  pages: CandidatePage[];
  /** Set when the session is finalized. */
  finalized: BookFinalization | null;
  /** Finalizations, reopens (with reasons) and name reveals, oldest first. */
  history: BookEvent[];
  /** The audit trail's head at printing, in words and in full; null when not given. */
  trailHead: { summary: string; hash: string; short: string } | null;
}

const ROLE = { chair: 'Chair', member: 'Member', 'hr-partner': 'HR partner' } as const;
export const CONFIDENTIALITY =
  'Confidential. This record contains personnel decisions. Share it only with the committee, HR and the people it concerns, and store it as your organisation requires.';

function levelName(framework: Framework, id: string | null | undefined): string {
  if (!id) return '—';
  const level = levelOf(framework, id);
  return level ? `${level.code} ${level.title}` : 'Unknown level';
}

const EVENT_LABEL: Record<SessionEvent['action'], string> = { finalized: 'Finalized', reopened: 'Reopened', 'names-revealed': 'Names revealed', 'names-hidden': 'Names hidden' };

/**
 * The cover's line on names: what a blind session hides, and whether names were shown or hidden for part of it. A
 * trial's book lost the line once the names were revealed; then it said decisions before the last reveal were made on
 * pseudonyms, which a session that began with names shown, or was revealed twice, contradicted. The history lists
 * each change; the cover only points to it.
 */
export function namesStatement(session: Pick<Session, 'blind'> & { history: readonly SessionEvent[] }, timeZone: string): string | null {
  const changes = session.history.filter((e) => e.action === 'names-revealed' || e.action === 'names-hidden');
  const reveal = changes.filter((e) => e.action === 'names-revealed').at(-1);
  if (session.blind) return `Blind: candidates, managers, teams and groups appear as pseudonyms${reveal ? '; names were shown for part of the session (each change is in the history below)' : ''}`;
  if (!reveal) return null;
  const why = reveal.reason ? ` (${reveal.reason})` : '';
  return `Shown since ${dayOf(reveal.at, timeZone)}${reveal.by ? `, when ${reveal.by} revealed them` : ''}${why}; the session hid them for part of its time (each change is in the history below)`;
}

function voteText(framework: Framework, outcome: Vote['outcome'] | null, levelId: string | null): string {
  if (!outcome) return '—';
  return outcomeText(framework, outcome, levelId);
}

/** One member's votes as printed; `reviewed` is the packet the page gives and its level (a vote cast on another revision says which). */
function voteRow(framework: Framework, m: MemberMovement, member: string, preShown: boolean, reviewed: { id: string | undefined; levelId: string | null }): VoteRow {
  const after = `${voteText(framework, m.post, m.postLevelId)}${votedOnNote(m.postPacket, reviewed, framework)}`;
  // A live session's page is printed or shown before the reveal too: the pre-vote, and whether the final vote moved from it, stay silent.
  if (!preShown) return { memberId: m.memberId, member, before: m.pre ? PRE_VOTE_HIDDEN : '—', after, changed: false };
  let before = `${voteText(framework, m.pre, m.preLevelId)}${votedOnNote(m.prePacket, reviewed, framework)}`;
  if (m.preCorrected) before += ` (${correctionNote(framework, m.preCorrected)})`;
  return { memberId: m.memberId, member, before, after: `${after}${m.changed ? ' (changed)' : ''}`, changed: m.changed };
}

function finalization(session: Session, timeZone: string): BookFinalization | null {
  const done = finalizedBy(session);
  if (!done) return null;
  const on = dayOf(done.at, timeZone);
  const frozen = !!session.record;
  // The app records the profile open on the computer that finalized; a book naming the chair on its cover and someone
  // else as finalizer read as two chairs (an HR trial): it says which is which.
  const chair = chairWhenNotActor(session.members, done.by);
  const who = done.by ? ` by ${done.by}${chair ? `, not the session’s chair (${chair}): the app records the profile open on the computer that finalized` : ''}` : '';
  return {
    on,
    by: done.by,
    frozen,
    statement: frozen
      ? `Finalized ${on}${who}. Printed from the record frozen at finalization: evidence, packets and votes changed later do not appear.`
      : `Finalized ${on}${who}, before records were frozen: printed from the current records.`,
  };
}


/** A cited criterion's rating: from the coverage rows the session shows, else the reviewed revision's assessments. */
function citedRating(criterionId: string, rows: readonly { criterionId: string; rating: AssessmentRating | null }[] | undefined, assessments: Packet['assessments'] | undefined, ofTarget: boolean): string | null {
  // Only the target level's criteria are rated (the packet's, and its coverage rows): another level's has none.
  if (!ofTarget) return null;
  if (rows && rows.length > 0) {
    const row = rows.find((r) => r.criterionId === criterionId);
    return row ? (row.rating ? RATING_WORDS[row.rating] : 'not rated') : null;
  }
  if (!assessments) return null;
  const rating = assessments[criterionId]?.rating;
  return rating ? RATING_WORDS[rating] : 'not rated';
}

function groupByCandidate<T extends { candidateId: string }>(rows: readonly T[]): Map<string, T[]> {
  return groupBy(rows, (row) => row.candidateId);
}


/** The level beside the outcome (CandidatePage.levelLine). */
function levelLine(framework: Framework, candidate: Candidate, decision: Decision | undefined): string {
  const current = levelName(framework, candidate.currentLevelId);
  if (!decision) return `at ${current}`;
  const after = levelAfterDecision(candidate, decision);
  return after === candidate.currentLevelId ? `stays at ${current}` : `${current} → ${levelName(framework, after)}`;
}

/** The figure and its sentence, as the page prints it (the same fields whether counted from rows or stored). */
function figureOf({ ready, total, share, rule }: ReadinessFigure & { rule: string }): ReadinessFigure & { rule: string } {
  return { ready, total, share, rule };
}

/**
 * The decision page's line on the packet the committee reviewed (reviewedPacket): its revision and when it was
 * submitted, so a reader months later knows which case the decision was made on; a revision reopened since says
 * so, and a draft (a session that took drafts) says it was never submitted. A decision saved on another revision
 * (the packet was resubmitted after it, or the session reopened) says which (Decision.packet).
 */
export function packetFact(
  packet: (Pick<Packet, 'id' | 'revision' | 'status'> & Partial<Pick<Packet, 'submittedAt'>>) | null | undefined,
  timeZone: string,
  decidedOn?: Decision['packet'],
): string {
  const other = decidedOn && decidedOn.id !== packet?.id ? `; the decision was made on revision ${decidedOn.revision}` : '';
  if (!packet) return `No packet${other}`;
  if (packet.status === 'draft') return `Revision ${packet.revision}, a draft (not submitted)${other}`;
  const on = packet.submittedAt ? ` ${dayOf(packet.submittedAt, timeZone)}` : '';
  return `Revision ${packet.revision}, submitted${on}${packet.status === 'superseded' ? ' (reopened since; a later revision was not decided on)' : ''}${other}`;
}

export function buildDecisionBook(input: BookInput, options: { candidateIds?: string[] } = {}): DecisionBook {
  const { session: row, framework, names } = input;
  const timeZone = input.timeZone ?? userTimeZone();
  const session = { ...row, history: row.history ?? [], record: row.record ?? null };
  const view = sessionView(session, { ...input, packets: input.packets ?? [], frameworkVersionId: framework.id });
  const order = options.candidateIds ?? session.candidateIds;
  const byId = new Map(view.candidates.map((c) => [c.id, c]));
  const latest = latestDecisionByCandidate(view.decisions.filter((x) => x.sessionId === session.id));
  const memberName = new Map(session.members.map((m) => [m.id, m.name]));
  const tallies = new Map(tallyVotes(view.votes.filter((v) => v.sessionId === session.id), { candidateIds: session.candidateIds, memberIds: session.members.map((m) => m.id) }).map((t) => [t.candidateId, t]));
  const criterionText = new Map(framework.criteria.map((c) => [c.id, c.text]));
  const levelOfCriterion = new Map(framework.criteria.map((c) => [c.id, c.levelId]));
  const codeOf = criterionCodes(framework);
  // Grouped once: a 600-candidate book filtering every row per candidate was quadratic.
  const evidenceOf = groupByCandidate(view.evidence);
  const coverageOf = groupByCandidate(view.coverage);
  const inSession = new Set(session.candidateIds);
  // A live session's readiness from the figures the write path stores (the same rule over the same rows), when given.
  const stored = view.record ? undefined : input.stored;
  // The packet each candidate was reviewed with: the record's (whole) once frozen, the heads given, else the stored figures'.
  const reviewedOf = reviewedPacketByCandidate(view.packets);

  const pages: CandidatePage[] = [];
  for (const id of order) {
    const candidate = byId.get(id);
    if (!candidate) continue;
    const decision = latest.get(id);
    const evidence = evidenceOf.get(id) ?? [];
    const votes = tallies.get(id) ?? null;
    const reviewed = reviewedOf.get(id) ?? stored?.get(id)?.packet;
    pages.push({
      candidateId: id,
      name: names.candidate(id),
      manager: session.blind ? names.manager(candidate.manager) : candidate.manager,
      team: session.blind ? names.team(candidate.team) : candidate.team,
      currentLevel: levelName(framework, candidate.currentLevelId),
      targetLevel: levelName(framework, candidate.targetLevelId),
      // No level after a decision not yet made: the current level repeated read as a decision to keep it.
      newLevel: decision ? levelName(framework, levelAfterDecision(candidate, decision)) : '—',
      levelLine: levelLine(framework, candidate, decision),
      readiness: stored ? readinessFromStored(framework, candidate, stored.get(id)) : figureOf(readinessFromRows(framework, candidate, coverageOf.get(id) ?? [])),
      packet: packetFact(reviewed, timeZone, decision?.packet),
      outcome: decision ? OUTCOME_LABELS[decision.outcome] : 'Not decided',
      againstVotes: decision ? departureLine(decision, votes?.post ?? null, framework) : null,
      decided: !!decision,
      decidedOn: decision ? dayOf(decision.decidedAt, timeZone) : null,
      decidedBy: decision?.decidedBy ?? null,
      earlier: (decision?.earlier ?? []).map((e) => earlierDecisionLine(framework, e, timeZone)),
      rationale: decision?.rationale ?? '',
      cited: inLadderOrder(framework, decision?.citedCriterionIds ?? []).map((cid) => ({
        id: cid,
        code: codeOf.get(cid) ?? null,
        text: criterionText.get(cid) ?? 'A criterion no longer in this framework version',
        evidence: evidence.filter((e) => e.criterionIds.includes(cid)).map((e) => `${e.title} (${shownQuarter(e.date)})`),
        rating: citedRating(cid, coverageOf.get(id), input.citedAssessments?.get(id) ?? (reviewed && 'assessments' in reviewed ? (reviewed as Pick<Packet, 'assessments'>).assessments : undefined), levelOfCriterion.get(cid) === candidate.targetLevelId),
      })),
      nextSteps: decision?.nextSteps ?? [],
      dissent: decision?.dissent ?? '',
      votes,
      members: session.members.map((m) => ({ id: m.id, name: m.name })),
      voteRows: (votes?.movement ?? []).map((m) => voteRow(framework, m, memberName.get(m.memberId) ?? 'Former member', preVotesShown(session, id), { id: reviewed?.id, levelId: candidate.targetLevelId })),
    });
  }

  const candidates = view.candidates.filter((c) => inSession.has(c.id));
  const decisions = [...latest.values()];
  const levels = levelDistribution({ framework, candidates, decisions });
  const counts: Record<string, number> = {};
  for (const p of pages) counts[p.outcome] = (counts[p.outcome] ?? 0) + 1;
  // The session's scope, as the fairness view shows it by default; blind books name groups by pseudonym, sentences included.
  const fairness = bookFairness({
    finalized: session.status === 'finalized',
    blind: session.blind,
    names,
    framework,
    candidates,
    decisions: view.decisions.filter((x) => x.sessionId === session.id),
    coverage: view.coverage.filter((r) => inSession.has(r.candidateId)),
    cycle: input.cycleCandidates && input.cyclePackets ? { candidates: input.cycleCandidates, packets: input.cyclePackets } : undefined,
  });

  return {
    title: `Decision book: ${session.name}`,
    cycleName: input.cycle.name,
    sessionName: session.name,
    committee: session.members.map((m) => ({ name: m.name, role: ROLE[m.role] })),
    printedOn: dayOf(input.printedAt, timeZone),
    timeZone,
    blind: session.blind,
    names: namesStatement(session, timeZone),
    confidentiality: CONFIDENTIALITY,
    summary: pages.map((p) => ({ candidateId: p.candidateId, name: p.name, currentLevel: p.currentLevel, newLevel: p.newLevel, outcome: p.outcome })),
    counts,
    levels: levels.series,
    levelsRule: levels.rule,
    ...fairness,
    pages,
    finalized: finalization(session, timeZone),
    history: session.history.map((e) => ({ action: EVENT_LABEL[e.action], on: dayOf(e.at, timeZone), by: e.by, reason: e.reason })),
    trailHead: input.trailHead ? { summary: `this computer’s whole trail (every session, cycle and packet, not only this session) held ${plural(input.trailHead.count, 'entry', 'entries')} when this was printed`, hash: input.trailHead.hash || 'none (empty trail)', short: `Audit trail when printed: ${plural(input.trailHead.count, 'entry', 'entries')} on this computer, every session’s, cycle’s and packet’s` } : null,
  };
}
