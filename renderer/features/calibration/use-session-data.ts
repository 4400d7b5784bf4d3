/**
 * Everything a calibration view needs about one session, read live: the
 * session, its cycle and pinned framework, the candidates it reviews, their
 * coverage rows, current packets, votes and decisions. Also the names to
 * show: real names, or in blind mode stable pseudonyms built once from the
 * session's whole candidate set (so a candidate has the same pseudonym in
 * every view and after a reload).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { blindNames, type BlindNames } from '../../../shared/calibration/pseudonyms';
import type { Candidate, Cycle, Decision, Evidence, Framework, Packet, Session, Vote } from '../../../shared/domain';
import type { CriterionCoverageRow } from '../../../shared/packets/coverage';
import { currentPacketByCandidate } from '../../../shared/rules/current-packet';
import { db } from '../../db/database';

export interface SessionData {
  session: Session;
  cycle: Cycle;
  framework: Framework;
  /** In the session's review order. */
  candidates: Candidate[];
  coverage: CriterionCoverageRow[];
  /** Current (non-superseded) packet per candidate. */
  packets: Packet[];
  votes: Vote[];
  decisions: Decision[];
}

/** undefined while loading; null when the session, its cycle or framework is missing. */
export function useSessionData(sessionId: string): SessionData | null | undefined {
  return useLiveQuery(async () => {
    const session = await db.sessions.get(sessionId);
    if (!session) return null;
    const cycle = await db.cycles.get(session.cycleId);
    const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
    if (!cycle || !framework) return null;
    const ids = session.candidateIds;
    const [candidates, coverage, packets, votes, decisions] = await Promise.all([
      db.candidates.bulkGet(ids),
      db.coverage.where('candidateId').anyOf(ids).toArray(),
      db.packets.where('candidateId').anyOf(ids).toArray(),
      db.votes.where('sessionId').equals(sessionId).toArray(),
      db.decisions.where('sessionId').equals(sessionId).toArray(),
    ]);
    const current = currentPacketByCandidate(packets);
    return {
      session,
      cycle,
      framework,
      candidates: candidates.filter((c): c is Candidate => !!c),
      coverage,
      packets: [...current.values()],
      votes,
      decisions,
    };
  }, [sessionId]);
}

/** Evidence of some candidates (side by side, presenter mode). */
export function useEvidenceOf(candidateIds: string[]): Map<string, Evidence[]> | undefined {
  const key = candidateIds.join(',');
  return useLiveQuery(async () => {
    const rows = candidateIds.length ? await db.evidence.where('candidateId').anyOf(candidateIds).toArray() : [];
    const map = new Map<string, Evidence[]>();
    for (const e of rows.sort((a, b) => a.date.localeCompare(b.date))) map.set(e.candidateId, [...(map.get(e.candidateId) ?? []), e]);
    return map;
  }, [key]);
}

const REAL_NAMES = (byId: Map<string, Candidate>): BlindNames => ({
  salt: '',
  candidate: (id) => byId.get(id)?.name ?? 'Unknown candidate',
  manager: (name) => name,
  team: (name) => name,
  group: (_attribute, value) => value,
});

/** The names every view shows: real ones, or the session's pseudonyms while it is blind. */
export function useDisplayNames(data: SessionData | null | undefined): BlindNames {
  return useMemo(() => {
    const candidates = data?.candidates ?? [];
    if (!data?.session.blind) return REAL_NAMES(new Map(candidates.map((c) => [c.id, c])));
    const groups: Record<string, string[]> = {};
    for (const c of candidates) for (const [k, v] of Object.entries(c.groups)) groups[k] = [...new Set([...(groups[k] ?? []), v])];
    return blindNames(data.session.id, {
      candidateIds: data.session.candidateIds,
      managers: [...new Set(candidates.map((c) => c.manager))],
      teams: [...new Set(candidates.map((c) => c.team))],
      groups,
    });
  }, [data]);
}
