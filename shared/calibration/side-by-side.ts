/**
 * Side-by-side compare: two to four candidates for the same target level,
 * criterion by criterion, each cell with the manager's rating, whether the
 * evidence is sustained and the titles of the evidence behind it. The
 * criteria stay in front (UX: "the criteria are the protagonist"): rows are
 * the level's criteria in framework order, columns the candidates in the
 * order the committee picked them.
 *
 * Evidence titles come from the candidate's own evidence items linked to the
 * criterion (an item linked twice counts once), oldest first like the
 * packet's coverage. With an evidence window, each item says whether it lies
 * inside it (only those count towards "sustained").
 */
import type { Evidence } from '../domain/evidence';
import type { Framework } from '../domain/framework';
import type { AssessmentRating } from '../domain/packet';
import type { CriterionCoverageRow, EvidenceWindow } from '../packets/coverage';
import { isInWindow } from '../packets/coverage';
import { readinessOver, type ReadinessFigure } from '../rules/readiness';
import type { CandidateRef } from './common';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export type CompareEvidence = Pick<Evidence, 'id' | 'title' | 'date' | 'criterionIds'> & Partial<Pick<Evidence, 'candidateId' | 'kind'>>;

export interface CompareInput {
  framework: Pick<Framework, 'criteria'>;
  /** The candidates, in the order to show them. */
  candidates: readonly CandidateRef[];
  coverage: readonly Pick<CriterionCoverageRow, 'candidateId' | 'targetLevelId' | 'criterionId' | 'rating' | 'evidenceCount' | 'sustained'>[];
  /** Evidence by candidate id. */
  evidenceByCandidate: ReadonlyMap<string, readonly CompareEvidence[]> | Readonly<Record<string, readonly CompareEvidence[]>>;
  window?: EvidenceWindow;
  /** Shown name per candidate (blind mode); defaults to the candidate's name. */
  displayName?: (candidate: CandidateRef) => string;
}

export interface CompareEvidenceTitle {
  id: string;
  title: string;
  date: string;
  /** Whether the item lies in the evidence window; null when no window was given. */
  inWindow: boolean | null;
}

export interface CompareCell {
  candidateId: string;
  rating: AssessmentRating | null;
  evidenceCount: number;
  sustained: boolean;
  evidence: CompareEvidenceTitle[];
}

export interface CompareRow {
  criterionId: string;
  text: string;
  competencyId: string | null;
  /** Aligned with `SideBySide.candidates`. */
  cells: CompareCell[];
  /** True when the candidates' ratings on this criterion are not all the same (worth discussing). */
  ratingsDiffer: boolean;
}

export interface SideBySide {
  levelId: string;
  candidates: { candidateId: string; name: string; manager: string; readiness: ReadinessFigure & { rule: string } }[];
  rows: CompareRow[];
}

export type CompareError =
  | { code: 'too-few'; message: string }
  | { code: 'too-many'; message: string }
  | { code: 'duplicate'; message: string; candidateId: string }
  | { code: 'no-target-level'; message: string; candidateId: string }
  | { code: 'mixed-levels'; message: string; levelIds: string[] };

export type CompareResult = { ok: true; compare: SideBySide } | { ok: false; error: CompareError };

function evidenceOf(source: CompareInput['evidenceByCandidate'], candidateId: string): readonly CompareEvidence[] {
  if (source instanceof Map) return source.get(candidateId) ?? [];
  const record = source as Readonly<Record<string, readonly CompareEvidence[]>>;
  return Object.prototype.hasOwnProperty.call(record, candidateId) ? (record[candidateId] ?? []) : [];
}

export function sideBySide(input: CompareInput): CompareResult {
  const { candidates } = input;
  if (candidates.length < COMPARE_MIN) return { ok: false, error: { code: 'too-few', message: `Pick at least ${COMPARE_MIN} candidates to compare.` } };
  if (candidates.length > COMPARE_MAX) return { ok: false, error: { code: 'too-many', message: `Compare at most ${COMPARE_MAX} candidates at a time.` } };
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id)) return { ok: false, error: { code: 'duplicate', message: 'A candidate is picked twice.', candidateId: c.id } };
    seen.add(c.id);
    if (!c.targetLevelId) return { ok: false, error: { code: 'no-target-level', message: 'A candidate without a target level cannot be compared against criteria.', candidateId: c.id } };
  }
  const levelIds = [...new Set(candidates.map((c) => c.targetLevelId as string))];
  if (levelIds.length > 1) {
    return { ok: false, error: { code: 'mixed-levels', message: 'Side-by-side compares candidates for the same target level only.', levelIds } };
  }
  const levelId = levelIds[0] as string;
  const criteria = input.framework.criteria.filter((c) => c.levelId === levelId);

  // Index coverage once: `${candidateId}\n${criterionId}` → row.
  const coverage = new Map<string, CompareInput['coverage'][number]>();
  for (const row of input.coverage) {
    if (row.targetLevelId === levelId && seen.has(row.candidateId)) coverage.set(`${row.candidateId}\n${row.criterionId}`, row);
  }
  // Evidence titles bucketed by candidate and criterion, oldest first.
  const titles = new Map<string, CompareEvidenceTitle[]>();
  for (const c of candidates) {
    const items = [...evidenceOf(input.evidenceByCandidate, c.id)]
      .filter((e) => e.candidateId === undefined || e.candidateId === c.id)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const item of items) {
      for (const criterionId of new Set(item.criterionIds)) {
        const key = `${c.id}\n${criterionId}`;
        let list = titles.get(key);
        if (!list) titles.set(key, (list = []));
        list.push({ id: item.id, title: item.title, date: item.date, inWindow: input.window ? isInWindow(item.date, input.window) : null });
      }
    }
  }

  const rows: CompareRow[] = criteria.map((criterion) => {
    const cells = candidates.map((c): CompareCell => {
      const row = coverage.get(`${c.id}\n${criterion.id}`);
      return {
        candidateId: c.id,
        rating: row?.rating ?? null,
        evidenceCount: row?.evidenceCount ?? 0,
        sustained: row?.sustained ?? false,
        evidence: titles.get(`${c.id}\n${criterion.id}`) ?? [],
      };
    });
    const first = cells[0]?.rating ?? null;
    return { criterionId: criterion.id, text: criterion.text, competencyId: criterion.competencyId, cells, ratingsDiffer: cells.some((cell) => cell.rating !== first) };
  });

  const header = candidates.map((c, i) => {
    const cellOf = new Map(rows.map((row) => [row.criterionId, row.cells[i]]));
    return {
      candidateId: c.id,
      name: input.displayName ? input.displayName(c) : (c.name ?? c.id),
      manager: c.manager,
      readiness: readinessOver(
        rows.map((row) => row.criterionId),
        (id) => cellOf.get(id),
      ),
    };
  });
  return { ok: true, compare: { levelId, candidates: header, rows } };
}
