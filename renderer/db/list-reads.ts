/**
 * The Candidates and Packets lists' first reads, started at route entry
 * (app/route-reads.ts) beside the page's chunk and the profile read, and
 * taken by the lists' live hooks (issue 13: a cold navigation read in
 * series: chunk, profile gate, first render, the active cycle, then the
 * rows). The early read finds the active cycle itself and keys its rows by
 * that cycle; a hook for another cycle reads its own (early-read.ts).
 *
 * Kept live without reading the rows twice: the rows a hook takes were read
 * outside its live query, which then observes the two ranges with a count
 * each (`watchCycleRows`). A count observes its index range and every delete
 * in the table; a put of a row of the cycle (the write path only puts, never
 * `update`s or `modify`s, so Dexie reports the row's index keys) falls in
 * the range. After a write the live query runs again and, nothing early
 * being left, reads the rows inside itself as before.
 */
import { candidateListData, type CandidateListData } from './candidate-list';
import { db as appDb, type LevelsetDatabase } from './database';
import { startEarly, takeEarly } from './early-read';
import { packetListData, type PacketListData } from './packet-list';
import { readActiveCycle } from './repositories';

interface Lists {
  candidates: CandidateListData;
  packets: PacketListData;
}
export type ListName = keyof Lists;

const READ: { [L in ListName]: (db: LevelsetDatabase, cycleId: string) => Promise<Lists[L]> } = {
  candidates: candidateListData,
  packets: packetListData,
};

const keyOf = (list: ListName, cycleId: string) => `${list}-list\u0000${cycleId}`;

/** At route entry: the active cycle, then the list's rows, kept for the list's hook. Resolves once the rows' read has started. */
export async function startListRead<L extends ListName>(list: L, db: LevelsetDatabase = appDb): Promise<void> {
  const cycle = await readActiveCycle(db);
  if (cycle) startEarly(db, keyOf(list, cycle.id), () => READ[list](db, cycle.id));
}

/** Observes the cycle's candidates and their stored figures without reading the rows (see above). */
function watchCycleRows(db: LevelsetDatabase, cycleId: string): Promise<unknown> {
  return db.transaction('r', [db.candidates, db.candidateStats], () =>
    Promise.all([db.candidates.where('cycleId').equals(cycleId).count(), db.candidateStats.where('cycleId').equals(cycleId).count()]),
  );
}

/**
 * The querier of a list's live query: the rows read at route entry if no
 * write came since, else read now (inside the live query, which observes
 * them); either way the ranges are watched, so a later write runs it again.
 */
export async function liveListData<L extends ListName>(db: LevelsetDatabase, list: L, cycleId: string): Promise<Lists[L]> {
  // Taken before the watch starts: a write after this point is one the live query sees.
  const rows = takeEarly(db, keyOf(list, cycleId), () => READ[list](db, cycleId));
  await watchCycleRows(db, cycleId);
  return rows;
}
