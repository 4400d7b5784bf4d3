/**
 * Reads for the calibration screens, the decision book and the Decisions
 * page. Each read is shaped for its view: one indexed bulk read per table,
 * in parallel. A finalized session is read through `sessionView`
 * (shared/calibration/session-record.ts): its frozen record, not the live
 * tables, so nothing changed after finalization reaches a screen, the book
 * or the CSV. A blind session is returned in its blind form
 * (shared/calibration/blind.ts): every name replaced, in the rows and in
 * their free text, so no screen, print or export of it can show a real name.
 * The loaders take a database (tests use their own); the hooks bind them to
 * the app's with useLiveQuery.
 */
import type { TrailHead } from '../../shared/audit/replay';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { blindAuditEntry, blindDecision, blindEvidence, blindSession, blindVote, sessionRedaction, type SessionRedaction } from '../../shared/calibration/blind';
import { isFrozen, sessionFrameworkVersionId, sessionView, withSessionDefaults } from '../../shared/calibration/session-record';
import type { AuditEntry, Candidate, Cycle, Decision, Evidence, Framework, Packet, SessionRecord, SessionRow, Vote } from '../../shared/domain';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import { currentPacketByCandidate } from '../../shared/rules/current-packet';
import { auditFor, verifyAudit, type RecordVerification } from './audit';
import { db as appDb, type LevelsetDatabase } from './database';
import { loadBook } from './session-book';

export interface SessionData {
  /** With its optional fields filled in (withSessionDefaults). */
  session: SessionRow;
  cycle: Cycle;
  /** The framework version the session is read against (the frozen one once finalized). */
  framework: Framework;
  /** In the session's review order. */
  candidates: Candidate[];
  coverage: CriterionCoverageRow[];
  /** Current (non-superseded) packet per candidate. */
  packets: Packet[];
  votes: Vote[];
  decisions: Decision[];
  /** The frozen record the rows come from, or null when they are live. */
  record: SessionRecord | null;
  /**
   * While the session is blind: its pseudonyms and the redactor of free text,
   * already applied to every row above; rows read later (evidence, audit
   * entries) go through it too. Null when names are shown.
   */
  redaction: SessionRedaction | null;
}

/** What the decision book prints from: the session's data and the evidence of its candidates. */
export interface SessionBookData extends SessionData {
  evidence: Evidence[];
  /** The audit trail's head when the book is drawn, printed on its cover. */
  trailHead: TrailHead;
  /** Every candidate and packet of the cycle, for the nomination section (as the fairness view reads them); absent for a blind session, whose book does not print it. */
  cycleCandidates?: Candidate[];
  cyclePackets?: Packet[];
}

/** The session's rows, frozen if finalized, else live; null when the session, its cycle or framework is missing. */
export async function loadSessionData(db: LevelsetDatabase, sessionId: string): Promise<SessionData | null> {
  const [base, live] = await Promise.all([loadSessionBase(db, sessionId), loadSessionVotes(db, sessionId)]);
  const data = withVotes(base, live);
  if (!data) return null;
  const { live: _live, ...rest } = data;
  return rest;
}

/** As loadSessionData, with the evidence the book cites (frozen if finalized). */
export function loadSessionBookData(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  // renderer/db/session-book.ts: the book's own read (the cycle's rows once per table, frozen rows from the record).
  return loadBook(db, sessionId);
}

/**
 * A session's data without its live votes and decisions: what changes only
 * when the session, its candidates or their packets do. The session page
 * keeps it while votes and decisions, the rows a committee writes every
 * minute, are read on their own (loadSessionVotes), so saving one re-reads
 * two small indexed ranges instead of the whole session.
 */
export type SessionBase = SessionData & { live: boolean };

export async function loadSessionBase(db: LevelsetDatabase, sessionId: string): Promise<SessionBase | null> {
  return load(db, sessionId);
}

export interface SessionVotes {
  votes: Vote[];
  decisions: Decision[];
}

/** The session's live votes and decisions: two indexed reads. */
export async function loadSessionVotes(db: LevelsetDatabase, sessionId: string): Promise<SessionVotes> {
  const [votes, decisions] = await Promise.all([db.votes.where('sessionId').equals(sessionId).toArray(), db.decisions.where('sessionId').equals(sessionId).toArray()]);
  return { votes, decisions };
}

/** Rows already redacted, per redaction, by id and version: a vote saved re-redacts one row, not the session's. */
const redactedRows = new WeakMap<SessionRedaction, Map<string, Vote | Decision>>();

function redactedRow<T extends Vote | Decision>(row: T, redaction: SessionRedaction, blind: (row: T, r: SessionRedaction) => T): T {
  let cache = redactedRows.get(redaction);
  if (!cache) redactedRows.set(redaction, (cache = new Map()));
  const key = `${'phase' in row ? 'v' : 'd'}:${row.id}:${row.updatedAt}`;
  const known = cache.get(key) as T | undefined;
  if (known) return known;
  const shown = blind(row, redaction);
  cache.set(key, shown);
  return shown;
}

/** The session's data with its live votes and decisions (a frozen session keeps its record's); undefined while either is loading. */
export function withVotes<B extends SessionBase>(base: B | null | undefined, live: SessionVotes | undefined): B | null | undefined {
  if (base === null) return null;
  if (base === undefined) return undefined;
  if (!base.live) return base;
  if (!live) return undefined;
  const r = base.redaction;
  const { votes, decisions } = live;
  return {
    ...base,
    votes: r ? votes.map((v) => redactedRow(v, r, blindVote)) : votes,
    decisions: r ? decisions.map((d) => redactedRow(d, r, blindDecision)) : decisions,
  };
}

/**
 * One read per table, in parallel, each an indexed range: the cycle's
 * candidates, packets and coverage rows, kept in memory to the session's
 * (a session is a subset of its cycle; `anyOf` over its ids walked an index
 * cursor key by key, some 5,800 requests for 600 candidates).
 */
async function load(db: LevelsetDatabase, sessionId: string): Promise<SessionBase | null> {
  const row = await db.sessions.get(sessionId);
  if (!row) return null;
  const session = withSessionDefaults(row);
  const cycleId = session.cycleId;
  const frozen = isFrozen(session);
  const cycleRange = (table: 'coverage') => db[table].where('[cycleId+targetLevelId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]);
  const [cycle, cycleCandidates, coverageRows, packetRows] = await Promise.all([
    db.cycles.get(cycleId),
    db.candidates.where('cycleId').equals(cycleId).toArray(),
    frozen ? [] : cycleRange('coverage').toArray(),
    db.packets.where('cycleId').equals(cycleId).toArray(),
  ]);
  if (!cycle) return null;
  const framework = await db.frameworks.get(sessionFrameworkVersionId(session, cycle));
  if (!framework) return null;
  const ids = new Set(frozen ? [] : session.candidateIds);
  const view = sessionView(session, {
    candidates: cycleCandidates.filter((c) => ids.has(c.id)),
    coverage: coverageRows.filter((c) => ids.has(c.candidateId)),
    packets: [...currentPacketByCandidate(packetRows.filter((p) => ids.has(p.candidateId))).values()],
    votes: [],
    decisions: [],
    evidence: [],
    frameworkVersionId: framework.id,
  });
  const byId = new Map(view.candidates.map((c) => [c.id, c]));
  const data: SessionBase = {
    session,
    cycle,
    framework,
    candidates: session.candidateIds.map((id) => byId.get(id)).filter((c): c is Candidate => !!c),
    coverage: view.coverage,
    packets: view.packets,
    votes: view.votes,
    decisions: view.decisions,
    record: view.record,
    redaction: null,
    live: !frozen,
  };
  if (!session.blind) return data;
  // Built from the real candidates of the whole session, so every view and export shows the same pseudonyms;
  // names of the cycle's other candidates, their managers and teams are withheld in free text.
  const inSession = new Set(session.candidateIds);
  const redaction = sessionRedaction(session, data.candidates, cycleCandidates.filter((c) => !inSession.has(c.id)));
  return { ...blindSession(data, redaction), redaction };
}

/**
 * undefined while loading; null when the session, its cycle or framework is
 * missing. Two live queries: the session's base rows, re-read only when
 * they change (another window, an import, the session row), and its votes
 * and decisions, re-read after each vote or decision. Pass null to read
 * nothing (a view inside the session page takes the page's data).
 */
export function useSessionData(sessionId: string | null): SessionData | null | undefined {
  const base = useLiveQuery(() => (sessionId ? loadSessionBase(appDb, sessionId) : null), [sessionId]);
  const live = useLiveQuery(() => (sessionId ? loadSessionVotes(appDb, sessionId) : undefined), [sessionId]);
  return useMemo(() => (sessionId ? withVotes(base, live) : undefined), [sessionId, base, live]);
}

export function useSessionBookData(sessionId: string): SessionBookData | null | undefined {
  return useLiveQuery(() => loadSessionBookData(appDb, sessionId), [sessionId]);
}

/** Evidence of some of the session's candidates, oldest first (side by side, presenter): frozen once finalized, blind while the session is. */
export function useEvidenceOf(data: Pick<SessionData, 'record' | 'redaction'> | null | undefined, candidateIds: string[]): Map<string, Evidence[]> | undefined {
  const key = candidateIds.join(',');
  const record = data?.record ?? null;
  const redaction = data?.redaction ?? null;
  return useLiveQuery(async () => {
    // A blind record is already redacted; live rows are redacted here.
    // One indexed getAll per candidate (the review shows one, side by side a few), not an anyOf cursor stepping row by row.
    const rows = record ? record.evidence.filter((e) => candidateIds.includes(e.candidateId)) : (await Promise.all(candidateIds.map((id) => appDb.evidence.where('candidateId').equals(id).toArray()))).flat();
    const shown = redaction && !record ? rows.map((e) => blindEvidence(e, redaction)) : rows;
    const map = new Map<string, Evidence[]>();
    for (const e of [...shown].sort((a, b) => a.date.localeCompare(b.date))) map.set(e.candidateId, [...(map.get(e.candidateId) ?? []), e]);
    return map;
  }, [key, record, redaction]);
}

/** The session's audit entries (the session, its votes and decisions), newest first, redacted while the session is blind; undefined while loading. */
export function useSessionAudit(data: Pick<SessionData, 'session' | 'redaction'>): AuditEntry[] | undefined {
  const sessionId = data.session.id;
  const redaction = data.redaction;
  return useLiveQuery(async () => {
    const [own, children] = await Promise.all([auditFor(appDb, [sessionId]), appDb.audit.where('entityId').startsWith(`${sessionId}:`).toArray()]);
    const entries = [...own, ...children].sort((a, b) => b.at.localeCompare(a.at) || (a.deviceId === b.deviceId ? b.seq - a.seq : 0));
    return redaction ? entries.map((e) => blindAuditEntry(e, redaction)) : entries;
  }, [sessionId, redaction]);
}

/** Verifies the app's audit trail (chains and replay). */
export function verifyTrail(): Promise<RecordVerification> {
  return verifyAudit(appDb);
}

/** One session on the Decisions page: its decisions and candidate rows (frozen if finalized) and the framework they read against. */
export interface SessionDecisions {
  session: SessionRow;
  framework: Framework | null;
  candidates: Candidate[];
  decisions: Decision[];
}

/** Every session of a cycle with its decisions, for the Decisions page and the CSV. */
export async function loadCycleDecisions(db: LevelsetDatabase, cycleId: string): Promise<SessionDecisions[]> {
  const [rows, cycle, candidates] = await Promise.all([db.sessions.where('cycleId').equals(cycleId).toArray(), db.cycles.get(cycleId), db.candidates.where('cycleId').equals(cycleId).toArray()]);
  const sessions = rows.map(withSessionDefaults);
  const live = sessions.filter((s) => !isFrozen(s)).map((s) => s.id);
  const frameworkIds = [...new Set(sessions.map((s) => (cycle ? sessionFrameworkVersionId(s, cycle) : s.record?.frameworkVersionId)).filter((id): id is string => !!id))];
  const [decisions, frameworks] = await Promise.all([live.length ? db.decisions.where('sessionId').anyOf(live).toArray() : [], db.frameworks.bulkGet(frameworkIds)]);
  const frameworkById = new Map(frameworks.filter((f): f is Framework => !!f).map((f) => [f.id, f]));
  return sessions.map((session) => {
    const view = sessionView(session, {
      candidates: candidates.filter((c) => session.candidateIds.includes(c.id)),
      decisions: decisions.filter((d) => d.sessionId === session.id),
      packets: [],
      evidence: [],
      coverage: [],
      votes: [],
      frameworkVersionId: cycle?.frameworkVersionId ?? '',
    });
    const rows = { session, framework: frameworkById.get(view.frameworkVersionId) ?? null, candidates: view.candidates, decisions: view.decisions };
    // A blind session's rows on the Decisions page and in its CSV: the same pseudonyms and redaction as its screens.
    if (!session.blind) return rows;
    const others = candidates.filter((c) => !session.candidateIds.includes(c.id));
    return blindSession(rows, sessionRedaction(session, view.candidates, others));
  });
}

export function useCycleDecisions(cycleId: string | undefined): SessionDecisions[] | null | undefined {
  return useLiveQuery(async () => (cycleId ? loadCycleDecisions(appDb, cycleId) : null), [cycleId]);
}


/** The candidates of a cycle and their packets, read in parallel: what the new-session form chooses from. */
export function useSessionCandidates(cycleId: string | undefined) {
  return useLiveQuery(async () => {
    if (!cycleId) return null;
    const [candidates, packets] = await Promise.all([appDb.candidates.where('cycleId').equals(cycleId).toArray(), appDb.packets.where('cycleId').equals(cycleId).toArray()]);
    return { candidates, packets };
  }, [cycleId]);
}
