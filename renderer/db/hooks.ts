/**
 * Live reads for components: thin useLiveQuery wrappers over the
 * repositories, so views re-render when the rows they show change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { candidatesRepo, cyclesRepo, evidenceRepo, frameworksRepo, metaRepo, packetsRepo, readActiveCycle, sessionsRepo } from './repositories';
import { db } from './database';

export const repos = {
  frameworks: frameworksRepo(db),
  cycles: cyclesRepo(db),
  candidates: candidatesRepo(db),
  evidence: evidenceRepo(db),
  packets: packetsRepo(db),
  sessions: sessionsRepo(db),
  meta: metaRepo(db),
};

/** The cycle the user works in: the stored choice, else the newest cycle; null when there is none. undefined while loading. */
export function useActiveCycle() {
  return useLiveQuery(async () => (await readActiveCycle(db)) ?? null, []);
}

export function useCycles() {
  return useLiveQuery(() => repos.cycles.all(), []);
}
