/**
 * The decisions of a cycle as a CSV file for an HR system: one row per
 * candidate with a decision, the columns an HR import maps (ids, names,
 * levels before and after, outcome, date, rationale). The text comes from
 * `toCsv`, so it is RFC 4180 with every cell formula-neutralised.
 *
 * Choices an HR import depends on:
 * - A candidate decided more than once (a reopened session, a second
 *   session) gets one row: the latest decision (shared/rules/latest-decision.ts:
 *   `decidedAt`, then `updatedAt`, then id), the same one the decision book prints.
 * - The level "after" is the level the person holds once the decision takes
 *   effect (shared/rules/level-after-decision.ts): the granted level for
 *   Promote and Promote to another level; the current level for Not yet and Defer.
 * - `decided_on` is the calendar day of `decidedAt` in the exporter's time
 *   zone (shared/util/dates.ts dayOf), the day the Decisions page and the
 *   decision book give: its UTC day carried the next day's date for a
 *   decision late in the evening west of Greenwich. `decided_at` is the
 *   stored moment itself (ISO 8601, UTC), which no zone changes.
 * - `session_status` is "finalized" or "in progress" (a planned, live or
 *   reopened session, whose decisions may still change): a CSV exported from
 *   a reopened session looked exactly like a final one.
 * - `earlier_outcomes`: what a decision was in a finalized record before the
 *   session was reopened and it changed, one per line ("Defer decided
 *   2026-10-31, changed 2026-12-04", with "; rationale rewritten" when its
 *   text changed too; "Promote decided 2026-10-31, rationale rewritten
 *   2026-12-04" when only its text changed); empty for a decision never
 *   changed so.
 * - `against_final_votes`: the decision book's line when the decision departs
 *   from its session's final votes (shared/calibration/votes.ts departureLine:
 *   their majority chose another outcome, or none were cast); empty when it
 *   follows them, and when the caller gives no votes.
 * - `packet_revision`: the revision of the packet the decision was made on
 *   (its `packet`), so a decision resting on an earlier revision than the
 *   one last submitted can be told; empty for a decision that recorded none.
 * - `pre_votes` and `final_votes`: the session's counted votes for the
 *   candidate, "Promote 3; Not yet 1", with the levels of Promote to another
 *   level votes ("Promote to another level 3 (M1 2, M2 1)"; a corrected pre-vote counts as
 *   corrected, as the book's tally does, and `pre_votes` then names it: "Promote 3; Erin Ng's corrected from
 *   Not yet: misread the levels"), "none" when none were cast, and
 *   `pre_votes` "hidden until revealed" while the pre-votes are silent; votes
 *   cast on another revision than the decision's say how many ("Promote 2
 *   (2 cast on revision 1)"), as the book's vote rows say each
 *   (preVotesShown): an HR reader can check the decision against the votes
 *   without the book. Empty when the caller gives no votes. The three are
 *   appended after `against_final_votes` so an import that maps by position
 *   keeps working.
 * - `decided_by`: who recorded the decision, as the audit trail names them
 *   ("Dana Whitfield (Committee chair)"); empty for a decision saved before
 *   it was recorded. `decided_on_time_zone`: the zone `decided_on` is a day
 *   of, so two exports of the same record made in different zones can be
 *   told apart (a trial's, in Auckland and in UTC, disagreed on the day
 *   without a word). Both appended last, for the same reason.
 * - `next_steps` holds one step per line inside its cell, so a step that
 *   itself holds "; " splits back whole; the cited criteria are joined with
 *   "; " (ids and codes never hold it).
 * - A level id the framework does not know keeps its id in the code column
 *   and an empty title, so nothing is silently dropped.
 * - A blind session is exported as given: the caller passes its blind form
 *   (shared/calibration/blind.ts blindSession, as the Decisions page does),
 *   so the candidate, manager and team columns carry the same pseudonyms as
 *   every screen and the free text has every name replaced. Its rows say so
 *   in `names` ("pseudonyms (blind session)", else "real names"), and leave
 *   `candidate_id` and `decision_id` empty: the candidate's id is the same in
 *   every other export (a bundle, a CSV of a session that shows names), so it
 *   would undo the pseudonym, and a decision's id holds it (session:candidate).
 */
import type { Candidate } from '../domain/candidate';
import { criterionCodes, inLadderOrder, type Framework, type Level } from '../domain/framework';
import type { Decision, EarlierDecision, PacketRef, Session, Vote } from '../domain/session';
import { latestDecisionByCandidate } from '../rules/latest-decision';
import { levelAfterDecision } from '../rules/level-after-decision';
import { toCsv } from './csv';
import { dayOf, userTimeZone } from '../util/dates';
import { OUTCOME_LABELS, OUTCOMES } from '../calibration/common';
import { preVotesShown } from '../calibration/session-audit';
import { earlierChanges, rewrittenParts } from '../calibration/decision-helpers';
import { correctionNote, departureLine, tallyVotes, type PhaseTally, type VoteRef } from '../calibration/votes';
import { groupBy } from '../util/group-by';

export const DECISIONS_CSV_COLUMNS = [
  'decision_id',
  'candidate_id',
  'candidate_name',
  'manager',
  'team',
  'current_level_code',
  'current_level_title',
  'new_level_code',
  'new_level_title',
  'outcome',
  'decided_on',
  'session',
  'rationale',
  'cited_criteria',
  'next_steps',
  'dissent',
  'cited_criteria_codes',
  'decided_at',
  'session_status',
  'names',
  'earlier_outcomes',
  'against_final_votes',
  'packet_revision',
  'pre_votes',
  'final_votes',
  'decided_by',
  'decided_on_time_zone',
  // Last, so a mapping made before they existed keeps its columns: the level the candidate was considered for (a Not
  // yet row's new level is its current one, so the target was missing; an HR trial).
  'target_level_code',
  'target_level_title',
] as const;

/** Joins the cited criteria's ids and codes, which never hold it. */
export const LIST_SEPARATOR = '; ';

/**
 * Joins the next steps: one per line inside the cell (RFC 4180 quotes it).
 * A step is free text and may itself hold "; ", so "; " could not be split back.
 */
export const STEPS_SEPARATOR = '\n';

export interface DecisionsCsvInput {
  decisions: readonly Decision[];
  /** The candidates to export, in row order; decisions of other candidates are left out. */
  candidates: readonly Candidate[];
  /** The framework version the cycle pins (for level codes and titles, and the cited criteria's codes). */
  framework: Pick<Framework, 'levels' | 'criteria'>;
  sessions: readonly Session[];
  /** Starts the text with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
  /** The rows are a blind session's blind form (pseudonyms): said in `names`, and `candidate_id` and `decision_id` left empty. */
  blind?: boolean;
  /** The time zone of `decided_on`: the exporter's own, userTimeZone(), unless given. */
  timeZone?: string;
  /** The sessions' votes (a finalized session's from its record): `against_final_votes` is left empty without them. */
  votes?: readonly (VoteRef & Pick<Vote, 'sessionId'>)[];
}

/** The latest decision of each candidate: the shared rule (shared/rules/latest-decision.ts). */
export { latestDecisionByCandidate };

/** Whether the session's decisions are final, in the words of the `session_status` column; "unknown" for a session not given. */
function sessionStatus(session: Pick<Session, 'status'> | undefined): string {
  if (!session) return 'unknown';
  return session.status === 'finalized' ? 'finalized' : 'in progress';
}

/** The header and one row per decided candidate, before CSV encoding. */
export function decisionsCsvRows(input: Omit<DecisionsCsvInput, 'bom'>): string[][] {
  const levels = new Map<string, Level>(input.framework.levels.map((l) => [l.id, l]));
  const timeZone = input.timeZone ?? userTimeZone();
  const sessions = new Map(input.sessions.map((s) => [s.id, s]));
  const codes = citedCodes(input.framework);
  const levelCode = (id: string) => levels.get(id)?.code ?? id;
  const blind = input.blind === true;
  const latest = latestDecisionByCandidate(input.decisions);
  const votesOf: Map<string, VoteRef[]> = groupBy(input.votes ?? [], (v) => `${v.sessionId}\u0000${v.candidateId}`);
  const tallyOf = (decision: Decision) => tallyVotes(votesOf.get(`${decision.sessionId}\u0000${decision.candidateId}`) ?? [], { candidateIds: [decision.candidateId] })[0];
  const againstVotes = (decision: Decision): string => (input.votes ? (departureLine(decision, tallyOf(decision)?.post ?? null, input.framework) ?? '') : '');
  const voteCells = (decision: Decision): [string, string] => {
    if (!input.votes) return ['', ''];
    const tally = tallyOf(decision);
    const session = sessions.get(decision.sessionId);
    // Votes cast on another revision than the decision's say which, as the book's vote rows do (votedOnNote).
    const onOther = (packets: readonly (PacketRef | null)[]) => {
      const other = packets.filter((p): p is PacketRef => p !== null && decision.packet !== undefined && p.id !== decision.packet.id);
      const revisions = [...new Set(other.map((p) => p.revision))].sort((a, b) => a - b);
      return other.length === 0 ? '' : ` (${other.length} cast on revision ${revisions.join(' and ')})`;
    };
    const moves = tally?.movement ?? [];
    // A corrected pre-vote says what was cast before the discussion and why it was corrected, as the book's row does.
    const member = (id: string) => session?.members.find((m) => m.id === id)?.name ?? 'a former member';
    const corrected = moves.flatMap((m) => (m.preCorrected ? [`; ${member(m.memberId)}'s ${correctionNote(input.framework, m.preCorrected)}`] : [])).join('');
    const pre = session && preVotesShown(session, decision.candidateId) ? `${countsText(tally?.pre, levelCode)}${onOther(moves.map((m) => m.prePacket))}${corrected}` : 'hidden until revealed';
    return [pre, `${countsText(tally?.post, levelCode)}${onOther(moves.map((m) => m.postPacket))}`];
  };
  const levelCells = (id: string | null): [string, string] => {
    if (id === null) return ['', ''];
    const level = levels.get(id);
    return level ? [level.code, level.title] : [id, ''];
  };

  const rows: string[][] = [[...DECISIONS_CSV_COLUMNS]];
  for (const candidate of input.candidates) {
    const decision = latest.get(candidate.id);
    if (!decision) continue;
    const newLevelId = levelAfterDecision(candidate, decision);
    rows.push([
      blind ? '' : decision.id,
      blind ? '' : candidate.id,
      candidate.name,
      candidate.manager,
      candidate.team,
      ...levelCells(candidate.currentLevelId),
      ...levelCells(newLevelId),
      OUTCOME_LABELS[decision.outcome],
      dayOf(decision.decidedAt, timeZone),
      sessions.get(decision.sessionId)?.name ?? decision.sessionId,
      decision.rationale,
      decision.citedCriterionIds.join(LIST_SEPARATOR),
      decision.nextSteps.join(STEPS_SEPARATOR),
      decision.dissent,
      codes(decision.citedCriterionIds),
      decision.decidedAt,
      sessionStatus(sessions.get(decision.sessionId)),
      blind ? 'pseudonyms (blind session)' : 'real names',
      (decision.earlier ?? []).map((e) => earlierCell(e, (id) => levelCells(id)[0], timeZone)).join(STEPS_SEPARATOR),
      againstVotes(decision),
      decision.packet ? String(decision.packet.revision) : '',
      ...voteCells(decision),
      decision.decidedBy ?? '',
      timeZone,
      // The level of the revision the decision was made on, where it was kept; else the candidate's.
      ...levelCells(decision.packet?.levelId ?? candidate.targetLevelId),
    ]);
  }
  return rows;
}

/**
 * One entry of `earlier_outcomes`: "Defer decided 2026-10-31, changed 2026-11-20", with what else was rewritten
 * ("…, changed 2026-11-20; rationale rewritten"); an entry that changed only text keeps the outcome it had, then
 * says so ("Promote decided 2026-10-31, rationale rewritten 2026-11-20").
 */
function earlierCell(e: EarlierDecision, levelCode: (id: string) => string, timeZone: string): string {
  const changes = earlierChanges(e);
  const texts = rewrittenParts(e).join(' and ');
  const was = `${OUTCOME_LABELS[e.outcome]}${e.newLevelId ? ` (${levelCode(e.newLevelId)})` : ''} decided ${dayOf(e.decidedAt, timeZone)}`;
  if (!changes.includes('outcome')) return `${was}, ${texts} rewritten ${dayOf(e.changedAt, timeZone)}`;
  return `${was}, changed ${dayOf(e.changedAt, timeZone)}${texts ? `; ${texts} rewritten` : ''}`;
}

/**
 * A phase's counted votes, "Promote 3; Not yet 1" in the outcomes' order, with the levels Promote to another level
 * votes named ("Promote to another level 3 (M1 2, M2 1)": votes for different levels are not one choice); "none" when
 * none were cast.
 */
function countsText(tally: PhaseTally | undefined, levelCode: (id: string) => string): string {
  if (!tally || tally.total === 0) return 'none';
  const named = tally.otherLevels.map((l) => `${levelCode(l.levelId)} ${l.count}`).join(', ');
  return OUTCOMES.filter((o) => tally.counts[o] > 0)
    .map((o) => `${OUTCOME_LABELS[o]} ${tally.counts[o]}${o === 'promote-other' && named ? ` (${named})` : ''}`)
    .join(LIST_SEPARATOR);
}

/**
 * The cited criteria as people read them, "IC3.2; IC3.6" (the codes the
 * criteria picker and the heatmap show), in ladder order whatever order they
 * were ticked in; a criterion the framework does not know keeps its id.
 * `cited_criteria` keeps the ids, which an HR import may already map.
 */
function citedCodes(framework: Pick<Framework, 'levels' | 'criteria'>): (ids: readonly string[]) => string {
  const codes = criterionCodes(framework);
  return (ids) =>
    inLadderOrder(framework, ids)
      .map((id) => codes.get(id) ?? id)
      .join(LIST_SEPARATOR);
}

/** The decisions as CSV text (RFC 4180, CRLF, formula-neutralised). */
export function decisionsCsv(input: DecisionsCsvInput): string {
  return toCsv(decisionsCsvRows(input), { bom: input.bom ?? false });
}
