/**
 * What the fairness view last showed, per session and scope: the decisions
 * its figures counted and when they were taken (shared/calibration/
 * fairness-refresh.ts). Kept in `meta`, not in the UI store, so a reload
 * shows the same figures rather than the live ones (which would let the room
 * watch a group's count move as each candidate is decided). A view mark, not
 * a record: written through the write path with ctx.putMeta, so it is not
 * audited and never touches the records.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { countedDecisions, FairnessShownSchema, type CountedDecision, type FairnessShown } from '../../shared/calibration/fairness-refresh';
import { db as appDb, type LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';

export type FairnessScope = 'session' | 'cycle';

export function fairnessShownKey(sessionId: string, scope: FairnessScope): string {
  return `fairness-shown:${sessionId}:${scope}`;
}

/** Remembers that the view showed figures counting these decisions, taken at `takenAt`. */
export async function markFairnessShown(db: LevelsetDatabase, sessionId: string, scope: FairnessScope, decisions: readonly CountedDecision[], takenAt: string): Promise<void> {
  const value: FairnessShown = FairnessShownSchema.parse({ takenAt, decisions: countedDecisions(decisions) });
  await runCommand(db, { name: 'mark fairness shown' }, (ctx) => ctx.putMeta(fairnessShownKey(sessionId, scope), value));
}

/** The stored mark, or null when there is none (or it is unreadable: the view then takes new figures). */
export async function loadFairnessShown(db: LevelsetDatabase, sessionId: string, scope: FairnessScope): Promise<FairnessShown | null> {
  const parsed = FairnessShownSchema.safeParse((await db.meta.get(fairnessShownKey(sessionId, scope)))?.value);
  return parsed.success ? parsed.data : null;
}

/** Undefined while loading. */
export function useFairnessShown(sessionId: string, scope: FairnessScope): FairnessShown | null | undefined {
  return useLiveQuery(() => loadFairnessShown(appDb, sessionId, scope), [sessionId, scope]);
}
