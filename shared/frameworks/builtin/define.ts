/**
 * Small helpers for writing the built-in frameworks.
 *
 * A built-in level is written together with its criteria, which keeps each
 * level readable on its own; `flattenLevels` splits them into the flat
 * `levels` and `criteria` arrays the framework schema stores. Every field a
 * good level description needs (summary, scope, autonomy, defining shift,
 * not-yet, examples) is required here, so a missing one fails to compile.
 *
 * Criterion ids are `<level id>-cNN`, from the explicit serial `n`. Evidence
 * links point at these ids, so a serial is never renumbered or reused: add new
 * criteria with a new serial and retire old ones by deleting them.
 */
import type { Autonomy, BuiltInFramework, Scope } from '../../domain/framework';

type LevelInput = BuiltInFramework['levels'][number];
type CriterionInput = BuiltInFramework['criteria'][number];

export interface CriterionSpec {
  /** Serial within the level, 1-based; becomes the `-cNN` suffix of the id. */
  n: number;
  competencyId: string | null;
  text: string;
  examples?: string[];
}

export interface LevelSpec {
  id: string;
  trackId: string;
  code: string;
  title: string;
  order: number;
  summary: string;
  scope: Scope;
  scopeDetail: string;
  autonomy: Autonomy;
  autonomyDetail: string;
  definingShift: string;
  notYet: string[];
  examples: string[];
  optional?: boolean;
  criteria: CriterionSpec[];
}

export function criterionId(levelId: string, n: number): string {
  return `${levelId}-c${String(n).padStart(2, '0')}`;
}

/** Splits levels written with their criteria into the schema's flat arrays. */
export function flattenLevels(specs: readonly LevelSpec[]): { levels: LevelInput[]; criteria: CriterionInput[] } {
  const levels: LevelInput[] = [];
  const criteria: CriterionInput[] = [];
  for (const spec of specs) {
    const { criteria: levelCriteria, optional, ...level } = spec;
    levels.push({ ...level, optional: optional ?? false });
    for (const c of levelCriteria) {
      criteria.push({
        id: criterionId(spec.id, c.n),
        levelId: spec.id,
        competencyId: c.competencyId,
        text: c.text,
        examples: c.examples ?? [],
      });
    }
  }
  return { levels, criteria };
}
