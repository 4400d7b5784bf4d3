/**
 * The criteria a candidate's evidence can link to, named the way the views
 * show them: a short code made of the level code and the criterion's
 * position in its level ("IC2.3"), beside the criterion's own text.
 */
import type { Candidate, Criterion, Framework, Level } from '../../../shared/domain';
import { criteriaOfLevel, criterionCode } from '../../../shared/domain/framework';
import { levelOf } from '../../../shared/domain/level-lookup';

export interface NamedCriterion {
  id: string;
  code: string;
  text: string;
  level: Level;
  criterion: Criterion;
  /**
   * Set when the cycle's framework version no longer has the criterion (a cycle moved to a version that dropped it):
   * the newest earlier version that has it, whose code and text these are.
   */
  version?: number;
}

export interface CriterionGroup {
  /** "Target level (IC2)". */
  label: string;
  role: 'target' | 'current';
  level: Level;
  criteria: NamedCriterion[];
}

export function namedCriteriaOfLevel(framework: Framework, level: Level): NamedCriterion[] {
  return criteriaOfLevel(framework, level.id).map((criterion, i) => ({
    id: criterion.id,
    code: criterionCode(level.code, i),
    text: criterion.text,
    level,
    criterion,
  }));
}

/** Target level first (what the packet is judged against), then the current level. */
export function criterionGroups(framework: Framework | null, candidate: Pick<Candidate, 'currentLevelId' | 'targetLevelId'>): CriterionGroup[] {
  if (!framework) return [];
  const groups: CriterionGroup[] = [];
  const target = levelOf(framework, candidate.targetLevelId);
  const current = levelOf(framework, candidate.currentLevelId);
  if (target) groups.push({ label: `Target level (${target.code})`, role: 'target', level: target, criteria: namedCriteriaOfLevel(framework, target) });
  if (current && current.id !== target?.id) {
    groups.push({ label: `Current level (${current.code})`, role: 'current', level: current, criteria: namedCriteriaOfLevel(framework, current) });
  }
  return groups;
}

/**
 * Every criterion of the framework by id, so links to any level (after a target change) still get a name; then those
 * of `earlier` versions of its lineage that it dropped, newest version first, marked with their version: an item
 * linked to one showed only "A criterion no longer in the framework", and the criterion's text was nowhere.
 */
export function criterionIndex(framework: Framework | null, earlier: readonly Framework[] = []): Map<string, NamedCriterion> {
  const index = new Map<string, NamedCriterion>();
  if (!framework) return index;
  // In ladder order (levels by their order): evidence lists its criteria in this order (inOrderOf).
  const add = (f: Framework, version?: number) => {
    for (const level of [...f.levels].sort((x, y) => x.order - y.order)) {
      for (const named of namedCriteriaOfLevel(f, level)) if (!index.has(named.id)) index.set(named.id, version === undefined ? named : { ...named, version });
    }
  };
  add(framework);
  for (const f of [...earlier].filter((v) => v.id !== framework.id && v.lineageId === framework.lineageId).sort((a, b) => b.version - a.version)) add(f, f.version);
  return index;
}

export function shortText(text: string, max = 70): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}
