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
 * - `decided_on` is the UTC calendar date of `decidedAt` (timestamps are
 *   stored in UTC; a decision late in the evening west of Greenwich carries
 *   the next day's date).
 * - A level id the framework does not know keeps its id in the code column
 *   and an empty title, so nothing is silently dropped.
 * - Blind mode replaces the candidate's name with its pseudonym, leaves the
 *   manager column empty (a manager's name is a real name, and next to a
 *   team it points at the candidate), and replaces the candidate's full name
 *   and each part of it in the free-text columns with the pseudonym.
 */
import type { Candidate } from '../domain/candidate';
import type { Framework, Level } from '../domain/framework';
import type { Decision, Outcome, Session } from '../domain/session';
import { latestDecisionByCandidate } from '../rules/latest-decision';
import { levelAfterDecision } from '../rules/level-after-decision';
import { toCsv } from './csv';

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
] as const;

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  promote: 'Promote',
  'not-yet': 'Not yet',
  defer: 'Defer',
  'promote-other': 'Promote to another level',
};

/** Joins list cells (cited criteria, next steps). */
export const LIST_SEPARATOR = '; ';

export interface DecisionsCsvInput {
  decisions: readonly Decision[];
  /** The candidates to export, in row order; decisions of other candidates are left out. */
  candidates: readonly Candidate[];
  /** The framework version the cycle pins (for level codes and titles). */
  framework: Pick<Framework, 'levels'>;
  sessions: readonly Session[];
  /** Blind mode: the candidate's stable pseudonym, written instead of any real name. */
  blind?: (candidate: Candidate) => string;
  /** Starts the text with a UTF-8 byte-order mark, for Excel. */
  bom?: boolean;
}

/** The latest decision of each candidate: the shared rule (shared/rules/latest-decision.ts). */
export { latestDecisionByCandidate };

/** The header and one row per decided candidate, before CSV encoding. */
export function decisionsCsvRows(input: Omit<DecisionsCsvInput, 'bom'>): string[][] {
  const levels = new Map<string, Level>(input.framework.levels.map((l) => [l.id, l]));
  const sessions = new Map(input.sessions.map((s) => [s.id, s]));
  const latest = latestDecisionByCandidate(input.decisions);
  const levelCells = (id: string | null): [string, string] => {
    if (id === null) return ['', ''];
    const level = levels.get(id);
    return level ? [level.code, level.title] : [id, ''];
  };

  const rows: string[][] = [[...DECISIONS_CSV_COLUMNS]];
  for (const candidate of input.candidates) {
    const decision = latest.get(candidate.id);
    if (!decision) continue;
    const pseudonym = input.blind?.(candidate);
    const text = pseudonym === undefined ? (s: string) => s : redactor(candidate.name, pseudonym);
    const newLevelId = levelAfterDecision(candidate, decision);
    rows.push([
      decision.id,
      candidate.id,
      pseudonym ?? candidate.name,
      pseudonym === undefined ? candidate.manager : '',
      candidate.team,
      ...levelCells(candidate.currentLevelId),
      ...levelCells(newLevelId),
      OUTCOME_LABELS[decision.outcome],
      decision.decidedAt.slice(0, 10),
      sessions.get(decision.sessionId)?.name ?? decision.sessionId,
      text(decision.rationale),
      decision.citedCriterionIds.join(LIST_SEPARATOR),
      decision.nextSteps.map(text).join(LIST_SEPARATOR),
      text(decision.dissent),
    ]);
  }
  return rows;
}

/** The decisions as CSV text (RFC 4180, CRLF, formula-neutralised). */
export function decisionsCsv(input: DecisionsCsvInput): string {
  return toCsv(decisionsCsvRows(input), { bom: input.bom ?? false });
}

/**
 * Replaces the candidate's full name, then each part of it of two letters or
 * more, as whole words and ignoring case, with the pseudonym.
 */
function redactor(name: string, pseudonym: string): (text: string) => string {
  const parts = [name, ...name.split(/\s+/)]
    .map((p) => p.trim())
    .filter((p, i, all) => [...p].length >= 2 && all.indexOf(p) === i)
    .sort((a, b) => b.length - a.length);
  if (parts.length === 0) return (s) => s;
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (s) => s.replace(pattern, () => pseudonym);
}
