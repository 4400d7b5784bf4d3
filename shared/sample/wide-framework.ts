/**
 * A framework as wide as the public progression-framework files: every level
 * carries `perLevel` criteria (40 in the benchmark). It is a copy of a
 * built-in with its own id and lineage, so it sits beside the built-ins
 * rather than replacing one; the built-in criteria are kept and numbered
 * criteria are added after them (serials continue, as define.ts asks).
 */
import type { BuiltInFramework } from '../domain';

const TOPICS = ['testing', 'code review', 'on-call', 'documentation', 'estimation', 'security', 'observability', 'hiring', 'mentoring', 'roadmaps'];

export function withCriteriaPerLevel(definition: BuiltInFramework, perLevel: number): BuiltInFramework {
  const criteria: BuiltInFramework['criteria'] = [];
  for (const level of definition.levels) {
    const own = definition.criteria.filter((c) => c.levelId === level.id);
    criteria.push(...own.slice(0, perLevel));
    for (let n = own.length + 1; n <= perLevel; n++) {
      const topic = TOPICS[n % TOPICS.length] as string;
      criteria.push({
        id: `${level.id}-c${String(n).padStart(2, '0')}`,
        levelId: level.id,
        competencyId: own[n % Math.max(1, own.length)]?.competencyId ?? null,
        text: `Shows ${level.code}-level judgement in ${topic} (criterion ${n} of ${perLevel}).`,
        examples: [],
      });
    }
  }
  return {
    ...definition,
    id: `${definition.id}-wide${perLevel}`,
    lineageId: `${definition.lineageId}-wide${perLevel}`,
    name: `${definition.name}, ${perLevel} criteria per level`,
    criteria,
  };
}
