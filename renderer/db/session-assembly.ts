/**
 * The one place a session's rows become what its screens and its decision
 * book show: the session's candidates (in its review order), their coverage
 * rows and the packets the session reviews, votes, decisions and evidence, frozen once
 * finalized (sessionView), and blind while the session is blind (every name
 * replaced, the pseudonyms built from the session's whole candidate set, the
 * names of the cycle's other candidates withheld in free text). The session
 * page (session-hooks.ts) and the book (session-book.ts) read their rows
 * their own way and hand them here, so the two cannot drift apart.
 */
import { blindSession, sessionRedaction } from '../../shared/calibration/blind';
import { isFrozen, sessionView } from '../../shared/calibration/session-record';
import type { Candidate, Cycle, Decision, Evidence, Framework, SessionRow, Vote } from '../../shared/domain';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import { packetHead, reviewedPacketByCandidate, type PacketHead } from '../../shared/rules/current-packet';
import type { SessionData, SessionDecisions } from './session-hooks';
import { groupBy } from '../../shared/util/group-by';
import { oneSpellingPerName, spelledAsIn } from '../../shared/rules/manager-names';

/** Rows as read: the cycle's (any superset of the session's; filtered here), ignored for a frozen session but its candidates. */
export interface SessionRowsRead {
  /** With its optional fields filled in (withSessionDefaults). */
  session: SessionRow;
  cycle: Cycle;
  framework: Framework;
  /** Every candidate of the cycle: the session's, and the others whose names a blind session withholds. */
  cycleCandidates: Candidate[];
  coverage: CriterionCoverageRow[];
  /** Any set of packets or their heads (the stored figures); the one the session reviews of each of its candidates is kept (reviewedPacket). */
  packets: readonly PacketHead[];
  votes: Vote[];
  decisions: Decision[];
  /** Absent when the caller shows no evidence (then the result carries none). */
  evidence?: Evidence[];
}

export type AssembledSession = SessionData & { evidence?: Evidence[] };

export function assembleSession(read: SessionRowsRead): AssembledSession {
  const { session, cycle, framework, cycleCandidates } = read;
  const frozen = isFrozen(session);
  const inSession = new Set(session.candidateIds);
  const mine = <T extends { candidateId: string }>(rows: readonly T[]) => (frozen ? [] : rows.filter((r) => inSession.has(r.candidateId)));
  const view = sessionView(session, {
    candidates: frozen ? [] : cycleCandidates.filter((c) => inSession.has(c.id)),
    coverage: mine(read.coverage),
    packets: [...reviewedPacketByCandidate(mine(read.packets)).values()],
    votes: frozen ? [] : read.votes,
    decisions: frozen ? [] : read.decisions,
    evidence: mine(read.evidence ?? []),
    frameworkVersionId: framework.id,
  });
  // One spelling per manager (shared/rules/manager-names.ts), so "zoë ångström" and "Zoë Ångström" are one manager on
  // every screen; the spelling is the cycle's, a frozen record's too (its committee saw the cycle's spelling).
  const byId = new Map(oneSpellingPerName(view.candidates, cycleCandidates).map((c) => [c.id, c]));
  const data: AssembledSession = {
    session,
    cycle,
    framework,
    candidates: session.candidateIds.map((id) => byId.get(id)).filter((c): c is Candidate => !!c),
    coverage: view.coverage,
    // Heads even from a frozen record's whole packets: no screen takes free text from here unredacted.
    packets: view.packets.map(packetHead),
    votes: view.votes,
    decisions: view.decisions,
    record: view.record,
    ...(read.evidence ? { evidence: view.evidence } : {}),
    redaction: null,
  };
  if (!session.blind) return data;
  const redaction = sessionRedaction(session, data.candidates, cycleCandidates.filter((c) => !inSession.has(c.id)));
  // Heads hold no free text (ids, revision, status); the packet read for the screen is redacted when read (useSessionPacket).
  const { packets, ...named } = data;
  return { ...blindSession(named, redaction), packets, redaction };
}

/**
 * The Decisions page's rows from a cycle's reads: each session with its
 * decisions and candidates (frozen if finalized, blind while blind). One pass
 * per session over the cycle's candidates with the session's ids in a set
 * (`includes` per candidate was quadratic: 3,000 × 1,000 steps a session).
 */
export function cycleDecisionRows(read: { sessions: SessionRow[]; cycle: Cycle | undefined; candidates: Candidate[]; decisions: Decision[]; votes: Vote[]; frameworks: Framework[] }): SessionDecisions[] {
  const { sessions, cycle, candidates } = read;
  const frameworkById = new Map(read.frameworks.map((f) => [f.id, f]));
  const decisionsBySession = groupBy(read.decisions, (d) => d.sessionId);
  const votesBySession = groupBy(read.votes, (v) => v.sessionId);
  // One spelling per manager and team, from the cycle's candidates as on the sessions' own screens (assembleSession).
  const spelled = spelledAsIn(candidates);
  return sessions.map((session) => {
    const inSession = new Set(session.candidateIds);
    const view = sessionView(session, {
      candidates: candidates.filter((c) => inSession.has(c.id)),
      decisions: decisionsBySession.get(session.id) ?? [],
      packets: [],
      evidence: [],
      coverage: [],
      votes: votesBySession.get(session.id) ?? [],
      frameworkVersionId: cycle?.frameworkVersionId ?? '',
    });
    const shown = spelled(view.candidates);
    const rows = { session, framework: frameworkById.get(view.frameworkVersionId) ?? null, candidates: shown, decisions: view.decisions, votes: view.votes };
    // A blind session's rows on the Decisions page and in its CSV: the same pseudonyms and redaction as its screens.
    if (!session.blind) return rows;
    const others = candidates.filter((c) => !inSession.has(c.id));
    return blindSession(rows, sessionRedaction(session, shown, others));
  });
}
