/**
 * Live reads of frameworks for the framework views: the list, one version,
 * two versions to compare, a lineage with the cycles that pin it, and
 * whether the editor has an edit to undo. Each re-renders its view when the
 * rows it reads change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Framework } from '../../shared/domain';
import { db } from './database';
import { nextUndo, type UndoLabel } from './framework-edits';
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

/** What the editor's next undo takes back ("removing level IC3"); null when nothing, and while loading. */
export function useNextUndo(frameworkId: string): UndoLabel {
  return useLiveQuery(() => nextUndo(db, frameworkId), [frameworkId]) ?? null;
}
