/**
 * The decision book's live read (the print view). The rows are those the
 * print route started reading before the view mounted (book-rows.ts), when
 * no write came since, else read now; a cheap live query watches the
 * tables they come from (a count of each), and after a write to any of them
 * the book is read again (watched-read.ts). The rows themselves are read
 * outside the live query, in one read-only transaction: inside a live query
 * Dexie keeps each query's result in its cache and hands out deep copies,
 * and notes the key of every row read (issue 13's profiles of the print
 * view at 1,000 candidates).
 */
import { takeBookRows, watchBookTables } from './book-rows';
import { db as appDb, type LevelsetDatabase } from './database';
import { bookFromRows } from './session-book';
import type { SessionBookData } from './session-hooks';
import { useWatchedRead } from './watched-read';

/** The book's data, taking the print route's read when there is one. */
export async function takeBookData(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  return bookFromRows(await takeBookRows(db, sessionId));
}

/** undefined while loading; null when the session, its cycle or framework is missing. */
export function useDecisionBookData(sessionId: string): SessionBookData | null | undefined {
  return useWatchedRead(sessionId, () => watchBookTables(appDb), () => takeBookData(appDb, sessionId));
}
