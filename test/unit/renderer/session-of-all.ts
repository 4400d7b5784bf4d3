/**
 * A session of every candidate of a sample cycle already loaded, chaired by
 * Morgan Ellis alone, read as the session page reads it: what the tests of
 * the review's packet reads start from (session-packet, presenter-revision-changes).
 */
import type { SampleCycle } from '../../../shared/sample/sample-cycle';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db as appDb } from '../../../renderer/db/database';
import { loadSessionData, type SessionData } from '../../../renderer/db/session-hooks';

export async function sessionOfAll(sample: Pick<SampleCycle, 'cycle' | 'candidates'>, blind: boolean, at = '2026-11-20T10:00:00.000Z'): Promise<SessionData> {
  const created = await commands.createSession(
    appDb,
    { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind },
    at,
  );
  return (await loadSessionData(appDb, created.id))!;
}
