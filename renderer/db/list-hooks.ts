/**
 * The Candidates and Packets lists' live reads, in a module of their own so
 * a list's chunk carries only what the list needs (issue 13: through
 * candidate-hooks.ts and packet-hooks.ts the lists' chunks imported the
 * write path, the bundle code and every command, all downloaded and run
 * before the first row could show). The rows come from the read started at
 * route entry when there is one (list-reads.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CandidateListData } from './candidate-list';
import { db } from './database';
import { liveListData } from './list-reads';
import type { PacketListData } from './packet-list';

/** The candidates of a cycle, by name, with their evidence counts; null without a cycle, undefined while loading. */
export function useCandidateList(cycleId: string | undefined): CandidateListData | null | undefined {
  return useLiveQuery(() => (cycleId ? liveListData(db, 'candidates', cycleId) : null), [cycleId]);
}

/** The packets list of a cycle: its packets, candidates and stored readiness (packet-list.ts); null without a cycle. */
export function usePacketsList(cycleId: string | undefined): PacketListData | null | undefined {
  return useLiveQuery(() => (cycleId ? liveListData(db, 'packets', cycleId) : null), [cycleId]);
}
