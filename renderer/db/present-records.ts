/**
 * Which records exist now, by id, for deciding whether kept text
 * (state/kept-text.ts) still has a record to belong to. Keys only, except the
 * sessions (few), whose status and candidates say whether a decision there
 * can still change.
 */
import type { PresentRecords } from '../state/kept-text';
import { db, type LevelsetDatabase } from './database';
import { DataLockedError, encryptionState } from './encryption';

/** Refuses while the data is locked: its keys alone would say records are gone that are only unreadable. */
export async function readPresentRecords(target: LevelsetDatabase = db): Promise<PresentRecords> {
  const state = encryptionState(target);
  if (state.mode === 'locked') throw new DataLockedError(state.reason);
  const [cycleIds, candidateIds, packetIds, frameworkIds, sessions] = await Promise.all([
    target.cycles.toCollection().primaryKeys(),
    target.candidates.toCollection().primaryKeys(),
    target.packets.toCollection().primaryKeys(),
    target.frameworks.toCollection().primaryKeys(),
    target.sessions.toArray(),
  ]);
  return {
    cycleIds: new Set(cycleIds),
    candidateIds: new Set(candidateIds),
    packetIds: new Set(packetIds),
    frameworkIds: new Set(frameworkIds),
    openSessions: new Map(sessions.filter((s) => s.status !== 'finalized').map((s) => [s.id, new Set(s.candidateIds)])),
  };
}
