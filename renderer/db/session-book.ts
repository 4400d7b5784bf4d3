/**
 * The decision book's read: a constant number of IndexedDB requests whatever
 * the session's size. The session row first (it names the cycle and, once
 * finalized, holds the frozen record), then every other table in parallel
 * with one indexed read each, by cycle or by session, filtered in memory to
 * the session's candidates. `bulkGet` and `anyOf` over 600 candidate ids
 * cost a request (or a cursor step) per key; reading the cycle's rows is one.
 */
import Dexie from 'dexie';
import { blindSession, sessionRedaction } from '../../shared/calibration/blind';
import { isFrozen, sessionFrameworkVersionId, sessionView, withSessionDefaults } from '../../shared/calibration/session-record';
import type { Candidate, Framework, Packet } from '../../shared/domain';
import { currentPacketByCandidate } from '../../shared/rules/current-packet';
import { currentTrailHead } from './audit';
import type { LevelsetDatabase } from './database';
import type { SessionBookData } from './session-hooks';

export async function loadBook(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  const row = await db.sessions.get(sessionId);
  if (!row) return null;
  const session = withSessionDefaults(row);
  const { cycleId } = session;
  const frozen = isFrozen(session);
  const inSession = new Set(session.candidateIds);
  // The nomination section reads the whole cycle (a finalized, named session only).
  const wantsCycle = !session.blind && session.status === 'finalized';
  const none = Promise.resolve([]);
  const cycleRead = db.cycles.get(cycleId);
  const [cycle, framework, cycleCandidates, cyclePackets, coverage, votes, decisions, evidence, head] = await Promise.all([
    cycleRead,
    cycleRead.then((c): Promise<Framework | undefined> | undefined => (c ? db.frameworks.get(sessionFrameworkVersionId(session, c)) : undefined)),
    db.candidates.where('cycleId').equals(cycleId).toArray(),
    !frozen || wantsCycle ? db.packets.where('cycleId').equals(cycleId).toArray() : none,
    frozen ? none : db.coverage.where('[cycleId+criterionId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray(),
    frozen ? none : db.votes.where('sessionId').equals(sessionId).toArray(),
    frozen ? none : db.decisions.where('sessionId').equals(sessionId).toArray(),
    frozen ? none : db.evidence.where('cycleId').equals(cycleId).toArray(),
    currentTrailHead(db),
  ]);
  if (!cycle || !framework) return null;
  const mine = <T extends { candidateId: string }>(rows: T[]) => (frozen ? [] : rows.filter((r) => inSession.has(r.candidateId)));
  const view = sessionView(session, {
    candidates: frozen ? [] : cycleCandidates.filter((c) => inSession.has(c.id)),
    coverage: mine(coverage),
    packets: [...currentPacketByCandidate(mine(cyclePackets as Packet[])).values()],
    votes,
    decisions,
    evidence: mine(evidence),
    frameworkVersionId: framework.id,
  });
  const byId = new Map(view.candidates.map((c) => [c.id, c]));
  const data: SessionBookData = {
    session,
    cycle,
    framework,
    candidates: session.candidateIds.map((id) => byId.get(id)).filter((c): c is Candidate => !!c),
    coverage: view.coverage,
    packets: view.packets,
    votes: view.votes,
    decisions: view.decisions,
    record: view.record,
    evidence: view.evidence,
    trailHead: head,
    redaction: null,
  };
  if (!session.blind) return wantsCycle ? { ...data, cycleCandidates, cyclePackets: cyclePackets as Packet[] } : data;
  // Built from the real candidates of the whole session, so every view and export shows the same pseudonyms;
  // names of the cycle's other candidates, their managers and teams are withheld in free text.
  const redaction = sessionRedaction(session, data.candidates, cycleCandidates.filter((c) => !inSession.has(c.id)));
  return { ...blindSession(data, redaction), redaction };
}
