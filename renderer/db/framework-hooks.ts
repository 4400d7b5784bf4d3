/**
 * Live reads of frameworks for the framework views: the list, one version,
 * two versions to compare, a lineage with the cycles that pin it, and
 * whether the editor has an edit to undo. Each re-renders its view when the
 * rows it reads change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Framework } from '../../shared/domain';
import { db } from './database';
import { canUndo } from './framework-edits';
import { cyclesOfLineage } from './framework-versions';
import { repos } from './hooks';

/** Every framework version. undefined while loading. */
export function useFrameworks(): Framework[] | undefined {
  return useLiveQuery(() => repos.frameworks.all(), []);
}

/** The newest version of each lineage, by name. undefined while loading. */
export function useLatestFrameworks(): Framework[] | undefined {
  return useLiveQuery(() => repos.frameworks.latest(), []);
}

/** One framework version: undefined while loading, null when there is none with that id. */
export function useFramework(id: string): Framework | null | undefined {
  return useLiveQuery(() => repos.frameworks.get(id).then((f) => f ?? null), [id]);
}

/** Two framework versions read together (either may be missing). undefined while loading. */
export function useFrameworkPair(id: string, otherId: string): readonly [Framework | undefined, Framework | undefined] | undefined {
  return useLiveQuery(() => Promise.all([repos.frameworks.get(id), repos.frameworks.get(otherId)] as const), [id, otherId]);
}

/** Every version of a lineage and the cycles that pin one of them. undefined while loading. */
export function useLineage(lineageId: string) {
  return useLiveQuery(() => cyclesOfLineage(db, lineageId), [lineageId]);
}

/** Whether the editor has a stored edit to undo; false while loading. */
export function useCanUndo(frameworkId: string): boolean {
  return useLiveQuery(() => canUndo(db, frameworkId), [frameworkId]) ?? false;
}
