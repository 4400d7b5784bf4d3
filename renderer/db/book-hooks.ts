/**
 * The decision book's live read (the print view). The rows come from the
 * session's one loading function (session-hooks.ts loadSessionBookData),
 * read here inside ONE explicit read-only transaction: inside a live query
 * Dexie otherwise keeps every query's result in its cache and hands the view
 * a deep copy, which for a 1,000-candidate book is the cycle's packets,
 * coverage and evidence copied object by object (issue 13's profile: about
 * as long as reading them, plus the garbage collection after). Reads in an
 * explicit transaction are not cached, so nothing is copied; the live query
 * still answers again after a write.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { LevelsetDatabase } from './database';
import { db as appDb } from './database';
import { loadSessionBookData, type SessionBookData } from './session-hooks';

export function readBookData(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  return db.transaction('r', db.tables, () => loadSessionBookData(db, sessionId));
}

export function useDecisionBookData(sessionId: string): SessionBookData | null | undefined {
  return useLiveQuery(() => readBookData(appDb, sessionId), [sessionId]);
}
