/**
 * Reads for the candidate views, shaped for each view (useLiveQuery inside);
 * views never hold the database object and write through commands.ts.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { candidatePageData, candidateSuggestions, type CandidatePageData } from './candidates';
import { db } from './database';

/** One candidate with their cycle, framework, current packet and evidence; null when not stored, undefined while loading. */
export function useCandidatePage(id: string): CandidatePageData | null | undefined {
  return useLiveQuery(() => candidatePageData(db, id), [id]);
}

/** Managers and teams already named in the cycle, to suggest in the form. */
export function useCandidateSuggestions(cycleId: string) {
  return useLiveQuery(() => candidateSuggestions(db, cycleId), [cycleId]);
}
