/**
 * Career frameworks (ladders): tracks of ordered levels, competencies, and
 * the criteria each level is judged against. A framework is stored as one
 * document per version; a cycle pins one version id, and editing a frozen
 * version creates a new one in the same lineage.
 */
import { z } from 'zod';
import { labelText } from './label-text';
import { IdSchema, TrackedSchema } from './ids';

export const TrackKindSchema = z.enum(['ic', 'manager', 'architecture', 'other']);
export type TrackKind = z.infer<typeof TrackKindSchema>;

export const TrackSchema = z.object({
  id: IdSchema,
  name: labelText().min(1, 'a track needs a name'),
  kind: TrackKindSchema,
  description: z.string().default(''),
});
export type Track = z.infer<typeof TrackSchema>;

/** Scope of impact, from the seeds: task, feature, component, system, domain, organisation. */
export const ScopeSchema = z.enum(['task', 'feature', 'component', 'system', 'domain', 'organisation']);
export type Scope = z.infer<typeof ScopeSchema>;

/** Autonomy, from the seeds: supervised, guided, self-directed, trusted, strategic. */
export const AutonomySchema = z.enum(['supervised', 'guided', 'self-directed', 'trusted', 'strategic']);
export type Autonomy = z.infer<typeof AutonomySchema>;

export const LevelSchema = z.object({
  id: IdSchema,
  trackId: IdSchema,
  /** Short code shown everywhere, unique within the framework (e.g. "IC3", "M1"). */
  code: labelText().min(1, 'a level needs a code'),
  title: labelText().min(1, 'a level needs a title'),
  /** Position on its track, 0 = most junior. */
  order: z.number().int().min(0),
  /** One sentence that says what this level is. */
  summary: z.string().default(''),
  scope: ScopeSchema.optional(),
  /** Free text that says how wide the impact is, beside the scope category. */
  scopeDetail: z.string().default(''),
  autonomy: AutonomySchema.optional(),
  autonomyDetail: z.string().default(''),
  /** What changes from the level below, in one line. */
  definingShift: z.string().default(''),
  /** What someone at this level is not yet doing (the gap to the next). */
  notYet: z.array(z.string()).default([]),
  examples: z.array(z.string()).default([]),
  /** Levels that exist only in some organisations (e.g. Distinguished). */
  optional: z.boolean().default(false),
});
export type Level = z.infer<typeof LevelSchema>;

export const CompetencySchema = z.object({
  id: IdSchema,
  name: labelText().min(1, 'a competency needs a name'),
  description: z.string().default(''),
});
export type Competency = z.infer<typeof CompetencySchema>;

export const CriterionSchema = z.object({
  /** Stable across versions of a framework, so evidence links survive edits. */
  id: IdSchema,
  levelId: IdSchema,
  competencyId: IdSchema.nullable().default(null),
  text: labelText().min(1, 'a criterion needs text'),
  examples: z.array(z.string()).default([]),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** Two levels on different tracks that are roughly the same seniority (e.g. IC4 ~ M2). */
export const EquivalenceSchema = z.object({
  id: IdSchema,
  levelIds: z.tuple([IdSchema, IdSchema]),
  note: z.string().default(''),
});
export type Equivalence = z.infer<typeof EquivalenceSchema>;

/** A role held on top of a level (e.g. team lead), not a level of its own. */
export const RoleSchema = z.object({
  id: IdSchema,
  name: labelText().min(1),
  description: z.string().default(''),
  /** Levels at which the role may be held. */
  levelIds: z.array(IdSchema).default([]),
});
export type Role = z.infer<typeof RoleSchema>;

export const FrameworkSchema = TrackedSchema.extend({
  /** Id of this version. */
  id: IdSchema,
  /** Shared by every version of the same framework. */
  lineageId: IdSchema,
  version: z.number().int().min(1),
  name: labelText().min(1, 'a framework needs a name'),
  description: z.string().default(''),
  /** Where the content came from (built-in seed, an imported file). */
  source: z.string().default(''),
  builtIn: z.boolean().default(false),
  /** A frozen version is pinned by a cycle and is never edited in place. */
  frozen: z.boolean().default(false),
  tracks: z.array(TrackSchema),
  levels: z.array(LevelSchema),
  competencies: z.array(CompetencySchema),
  criteria: z.array(CriterionSchema),
  equivalences: z.array(EquivalenceSchema).default([]),
  roles: z.array(RoleSchema).default([]),
});
export type Framework = z.infer<typeof FrameworkSchema>;
/** What a built-in definition provides; timestamps and version are added when stored. */
export type FrameworkInput = z.input<typeof FrameworkSchema>;

/** Levels of one track in ladder order. */
export function levelsOfTrack(framework: Pick<Framework, 'levels'>, trackId: string): Level[] {
  return framework.levels.filter((l) => l.trackId === trackId).sort((a, b) => a.order - b.order);
}

export function criteriaOfLevel(framework: Pick<Framework, 'criteria'>, levelId: string): Criterion[] {
  return framework.criteria.filter((c) => c.levelId === levelId);
}

/** A criterion's short code, the level code and its place in the level: "IC3.2" (as the criteria picker shows it). */
export function criterionCode(levelCode: string, indexInLevel: number): string {
  return `${levelCode}.${indexInLevel + 1}`;
}

/** Every criterion's code ("IC4.2") by id, in ladder order (levels by their order, criteria by their place in the level). */
export function criterionCodes(framework: Pick<Framework, 'levels' | 'criteria'>): Map<string, string> {
  const codes = new Map<string, string>();
  for (const level of [...framework.levels].sort((a, b) => a.order - b.order)) criteriaOfLevel(framework, level.id).forEach((c, i) => codes.set(c.id, criterionCode(level.code, i)));
  return codes;
}

/**
 * Criterion ids in ladder order (by level, then as the level lists them),
 * whatever order they were ticked in; ids the framework does not know come
 * last, in the order given. How cited criteria are listed everywhere: the
 * decision on screen, the decision book and the CSV.
 */
export function inLadderOrder(framework: Pick<Framework, 'levels' | 'criteria'>, ids: readonly string[]): string[] {
  return inOrderOf(criterionCodes(framework), ids);
}

const ranks = new WeakMap<ReadonlyMap<string, unknown>, Map<string, number>>();

/**
 * `ids` in the order of `ladder`'s keys, for a map of the criteria built in
 * ladder order (criterionCodes, or the evidence screens' criterion index),
 * ids it does not hold last, in the order given. How an evidence item's
 * criteria are listed wherever it is shown, as cited criteria are.
 */
export function inOrderOf(ladder: ReadonlyMap<string, unknown>, ids: readonly string[]): string[] {
  let rank = ranks.get(ladder);
  if (!rank) {
    rank = new Map([...ladder.keys()].map((id, i) => [id, i]));
    ranks.set(ladder, rank);
  }
  const place = (id: string) => rank.get(id) ?? Number.POSITIVE_INFINITY;
  return [...ids].sort((a, b) => place(a) - place(b));
}

/** The shape a built-in framework is written in; storage adds version and timestamps. */
export type BuiltInFramework = Omit<FrameworkInput, 'createdAt' | 'updatedAt' | 'version' | 'frozen' | 'builtIn'>;
