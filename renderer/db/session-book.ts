/**
 * The decision book's data: its rows (book-rows.ts, the read the print
 * route starts before the view mounts) made into what the book prints, by
 * the same assembly (frozen, blind) as the session's screens. A constant
 * number of IndexedDB requests whatever the session's size (issue 13's
 * profile of the print view at 1,000 candidates: reading and deserialising
 * the cycle's 40,000 coverage rows, 10,000 evidence items and 1,000 packets
 * were most of the time to ready; book-rows.ts says what is read instead).
 */
import type { StoredFigures } from '../../shared/packets/stored-readiness';
import { readBookRows, type BookRows } from './book-rows';
import type { LevelsetDatabase } from './database';
import { assembleSession } from './session-assembly';
import type { SessionBookData } from './session-hooks';

/** The book's data from its rows; null when the session, its cycle or framework is missing. */
export function bookFromRows(rows: BookRows | null): SessionBookData | null {
  if (!rows) return null;
  const { session, cycle, framework, cycleCandidates, stats, cyclePackets, coverage, votes, decisions, evidence, head, citedAssessments } = rows;
  if (!cycle || !framework) return null;
  const { evidence: shown = [], ...data } = assembleSession({ session, cycle, framework, cycleCandidates, coverage, packets: cyclePackets, votes, decisions, evidence });
  const book: SessionBookData = { ...data, evidence: shown, trailHead: head, ...(citedAssessments.size > 0 ? { citedAssessments } : {}) };
  if (stats) book.stored = new Map(stats.map((s): [string, StoredFigures] => [s.id, { readiness: s.readiness, packet: s.packet ?? null }]));
  // The nomination section's rows: a finalized, named session's (the only ones read).
  const nominations = !session.blind && session.status === 'finalized';
  return nominations ? { ...book, cycleCandidates, cyclePackets } : book;
}

export async function loadBook(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  return bookFromRows(await readBookRows(db, sessionId));
}
