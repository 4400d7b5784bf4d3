/**
 * The active cycle together with its pinned framework version, which every
 * cycle view needs to name levels and criteria.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Cycle, Framework, Level } from '../../shared/domain';
import { db } from './database';
import { repos } from './hooks';
import { readActiveCycle } from './repositories';

export interface CycleContext {
  cycle: Cycle;
  framework: Framework | null;
  levelById: Map<string, Level>;
}

/** undefined while loading, null when there is no cycle yet. */
export function useCycleContext(): CycleContext | null | undefined {
  return useLiveQuery(async () => {
    const cycle = await readActiveCycle(db);
    if (!cycle) return null;
    const framework = (await repos.frameworks.get(cycle.frameworkVersionId)) ?? null;
    return { cycle, framework, levelById: new Map((framework?.levels ?? []).map((l) => [l.id, l])) };
  }, []);
}

export function levelLabel(levelById: Map<string, Level>, id: string | null | undefined): string {
  if (!id) return '—';
  const level = levelById.get(id);
  return level ? `${level.code} ${level.title}` : 'Unknown level';
}
