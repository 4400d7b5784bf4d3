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
import { PROFILE_ENTITY_ID } from '../../shared/domain/profile-keys';
import { revisionsWritten, type RevisionWritten } from '../../shared/calibration/session-audit';
import type { TrailHead } from '../../shared/audit/replay';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { blindAuditEntry, blindDecision, blindEvidence, blindPacket, blindSessionRow, blindVote, type SessionRedaction } from '../../shared/calibration/blind';
import { isFrozen, sessionFrameworkVersionId, withSessionDefaults } from '../../shared/calibration/session-record';
import type { AuditEntry, Candidate, Cycle, Decision, Evidence, Framework, Packet, SessionRecord, SessionRow, Vote } from '../../shared/domain';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import type { StoredFigures } from '../../shared/packets/stored-readiness';
import type { PacketHead } from '../../shared/rules/current-packet';
import type { RecordVerification } from './audit';
import { auditFor } from './audit-reads';
import { db as appDb, type LevelsetDatabase } from './database';
import type { SessionConnected } from './connected/session-state';
import { cycleDecisionRows } from './session-assembly';
import { oneSpellingPerName } from '../../shared/rules/manager-names';
import { loadBook } from './session-book';
import { loadSessionBase, takeSessionBase, watchSessionBase, type SessionBase } from './session-reads';
import { readReopenedPackets } from './reviewed-reads';
import { baseKeyOf, loadSessionLive, nominationPackets, storedCurrentPackets, takeSessionLiveRead, type SessionLive } from './session-rows';
import { useWatchedRead } from './watched-read';

export interface SessionData {
  /** With its optional fields filled in (withSessionDefaults). */
  session: SessionRow;
  cycle: Cycle;
  /** The framework version the session is read against (the frozen one once finalized). */
  framework: Framework;
  /** In the session's review order. */
  candidates: Candidate[];
  coverage: CriterionCoverageRow[];
  /**
   * The packet the session reviews of each candidate (reviewedPacket: the newest submitted revision, even when
   * reopened since): its head (id, revision, status), from the stored figures while live (from the packet rows for a
   * reopened one, reviewed-revisions.ts), from the record once frozen. The text of the one on screen: useSessionPacket.
   */
  packets: PacketHead[];
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
  /**
   * Every candidate of the cycle as stored, with each one's current packet
   * (the figures the write path keeps beside them, which the session's read
   * takes anyway), for the fairness view's nomination section. Absent while
   * the session is blind (real names and groups) and once it is frozen (not
   * read then: the section reads them itself, useNominationRows).
   */
  cycleRows?: NominationRows;
  /** Connected mode's state of the session, read with its live rows (null: not connected here; absent: not read, as in the book). */
  connected?: SessionConnected | null;
}

/**
 * What the decision book prints from (session-book.ts): the session's data
 * and the evidence its decisions cite. A live session's book reads no
 * coverage or packet rows (both empty here): its readiness comes from
 * `stored`, the figures the write path keeps beside each candidate.
 */
export interface SessionBookData extends SessionData {
  evidence: Evidence[];
  /** A live session's stored figures per candidate (readiness and the packet it is about); absent when the rows above carry coverage. */
  stored?: Map<string, StoredFigures>;
  /** The audit trail's head when the book is drawn, printed on its cover. */
  trailHead: TrailHead;
  /** Every candidate and packet of the cycle, for the nomination section (as the fairness view reads them); absent for a blind session, whose book does not print it. */
  cycleCandidates?: Candidate[];
  cyclePackets?: Packet[];
  /** A live session's reviewed assessments of the candidates whose decisions cite criteria (book-rows.ts readCitedAssessments). */
  citedAssessments?: ReadonlyMap<string, Packet['assessments']>;
}

/** The session's rows, frozen if finalized, else live; null when the session, its cycle or framework is missing. */
export async function loadSessionData(db: LevelsetDatabase, sessionId: string): Promise<SessionData | null> {
  const live = await loadSessionLive(db, sessionId);
  if (!live.session) return null;
  const data = withLive(await loadSessionBase(db, live.session), live);
  if (!data) return null;
  return data;
}

/** As loadSessionData, with the evidence the book cites (frozen if finalized). */
export function loadSessionBookData(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  // renderer/db/session-book.ts: the book's own read (the cycle's rows once per table, frozen rows from the record).
  return loadBook(db, sessionId);
}

// The loaders live in session-rows.ts (the route's first read, in the startup chunk) and session-reads.ts.
export { loadSessionBase, watchSessionBase, type SessionBase } from './session-reads';
export { baseKeyOf, loadSessionLive, type SessionLive } from './session-rows';

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

/**
 * The session's data: its base with the live row, votes and decisions (a
 * frozen session keeps its record's votes and decisions). Undefined while
 * either is loading; null when the session or its base is missing. While a
 * newer base is being read (the row's base key changed: names revealed,
 * candidates changed), the previous base is shown with the row it was read
 * with, never a blind row over named rows or the reverse.
 */
export function withLive(base: SessionBase | null | undefined, live: SessionLive | undefined): SessionData | null | undefined {
  if (live === undefined) return undefined;
  if (live.session === null || base === null) return null;
  if (base === undefined || base.session.id !== live.session.id) return undefined;
  const { live: isLive, key, ...data } = base;
  const r = data.redaction;
  const current = key === baseKeyOf(live.session);
  // The frozen record (and its blind form) is the base's: the key pins it.
  const session = current ? { ...(r ? blindSessionRow({ ...live.session, record: null }, r) : live.session), record: data.session.record } : data.session;
  if (!isLive) return { ...data, session, connected: live.connected };
  return {
    ...data,
    session,
    connected: live.connected,
    votes: r ? live.votes.map((v) => redactedRow(v, r, blindVote)) : live.votes,
    decisions: r ? live.decisions.map((d) => redactedRow(d, r, blindDecision)) : live.decisions,
  };
}

/**
 * The session's row, votes and decisions: a live query, re-read after each write to them. Until it first answers, the
 * route's read of the same rows when there is one and no write came since it began (takeSessionLiveRead): the live
 * query's own first read waits in the database behind the base's big reads (issue 13: with the base's watch,
 * watched-read.ts, some 150 ms of a 1,000-candidate heatmap's navigation), and whatever a write changes meanwhile, its
 * answer brings.
 */
function useSessionLive(sessionId: string | null): SessionLive | undefined {
  const queried = useLiveQuery(async () => (sessionId ? { sessionId, live: await loadSessionLive(appDb, sessionId) } : undefined), [sessionId]);
  const [early, setEarly] = useState<{ sessionId: string; live: SessionLive }>();
  useEffect(() => {
    if (!sessionId) return;
    let stale = false;
    // A failed read of the route's leaves the live query's.
    takeSessionLiveRead(appDb, sessionId)?.then((live) => !stale && setEarly({ sessionId, live }), () => undefined);
    return () => {
      stale = true;
    };
  }, [sessionId]);
  if (queried?.sessionId === sessionId) return queried.live;
  return early?.sessionId === sessionId ? early.live : undefined;
}

/**
 * undefined while loading; null when the session, its cycle or framework is
 * missing. Two live queries: the session's row, votes and decisions, re-read
 * after each write to them, and a watch on its base rows, which are read with
 * the row and re-read only when they change (another window, an import) or
 * the row's base key does. Pass null to read nothing (a view inside the session page takes the
 * page's data).
 */
export function useSessionData(sessionId: string | null): SessionData | null | undefined {
  // Both parts take the route's read, started before the page mounted (session-rows.ts startSessionRead), when no
  // write came since, without waiting for the live query or the watch that keeps each current (issue 13).
  const live = useSessionLive(sessionId);
  const row = live?.session;
  const key = live === undefined ? null : row ? baseKeyOf(row) : 'missing';
  // Keyed by the base key: a new row with the same key (status, revealed pre-votes) reads nothing here. Watched, not a
  // live query itself (watched-read.ts: a live query records every row's key it read).
  const watched = useWatchedRead(row ? `${sessionId}\u0000${key}` : null, () => watchSessionBase(appDb, row!), () => takeSessionBase(appDb, row!));
  const base = key === 'missing' ? null : watched;
  return useMemo(() => (sessionId ? withLive(base, live) : undefined), [sessionId, base, live]);
}

/**
 * A live query of rows shown under one view of the session (its frozen
 * record, its redaction): the result only when it was read under the view
 * shown now, else undefined (still being read). A live query keeps its last
 * result while it reads again, so just after "Hide names" the rows read
 * with names would otherwise be shown for a frame under the pseudonyms.
 */
function useViewQuery<T>(record: unknown, redaction: unknown, read: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const result = useLiveQuery(async () => ({ record, redaction, value: await read() }), [...deps, record, redaction]);
  return result && result.record === record && result.redaction === redaction ? result.value : undefined;
}

/** A packet head's version: the same key, the same stored packet. */
const headKey = (head: PacketHead) => `${head.id}\u0000${head.revision}\u0000${head.status}`;

/**
 * The whole packet the session reviews (summary, assessments, snapshot) of the one
 * candidate whose head is `head`, for the screen showing it: from the
 * frozen record once finalized (already blind while the session is), else
 * read by id and redacted while the session is blind. Undefined while it is
 * read, and never another candidate's packet, nor an older revision. Null:
 * no such row. The packets of `nearby` heads (the previous and next
 * candidates) are read with it, so moving to one shows its text at once
 * (a live query keeps its last result while the next one is read).
 */
export function useSessionPacket(data: Pick<SessionData, 'record' | 'redaction'>, head: PacketHead | undefined, nearby: ReadonlyArray<PacketHead | undefined> = []): Packet | null | undefined {
  const record = data.record;
  const redaction = data.redaction;
  const heads = [head, ...nearby].filter((h): h is PacketHead => h !== undefined);
  const byHead = useViewQuery(record, redaction, async () => {
    const rows = record ? heads.map((h) => record.packets.find((p) => p.id === h.id)) : await appDb.packets.bulkGet(heads.map((h) => h.id));
    return new Map(heads.map((h, i) => {
      const row = rows[i];
      return [headKey(h), row ? (redaction && !record ? blindPacket(row, redaction) : row) : null];
    }));
  }, [heads.map(headKey).join('\u0001')]);
  if (!head) return null;
  return byHead?.get(headKey(head));
}

/**
 * The revision before the one the session reviews of a candidate (its
 * parent), for "What changed since revision N" in the review: read by id
 * when shown, redacted while the session is blind. Null for a first
 * revision, a parent this computer never had, or a finalized session (its
 * record keeps the revisions it decided on, not their parents); undefined
 * while it is read.
 */
export function useEarlierRevision(data: Pick<SessionData, 'record' | 'redaction'>, reviewed: Pick<Packet, 'parentId'> | null | undefined): Packet | null | undefined {
  const record = data.record;
  const redaction = data.redaction;
  const parentId = record || !reviewed ? null : reviewed.parentId;
  return useViewQuery(record, redaction, async () => {
    if (!parentId) return null;
    const row = await appDb.packets.get(parentId);
    return row ? (redaction ? blindPacket(row, redaction) : row) : null;
  }, [parentId]);
}

/**
 * Evidence of some of the session's candidates, oldest first (side by side,
 * presenter), as the packet the session reviews has it: a submitted
 * revision's snapshot (evidence added or edited after the submission is not
 * what the committee was given, and the frozen record keeps the snapshot
 * too), the live log for a draft or a candidate without a packet. Frozen
 * once finalized, blind while the session is. Every candidate read has an
 * entry (empty when it has no evidence); one without is still being read (a
 * live query keeps its last result while the next is read), so a view says
 * "Loading", never "No evidence", for it.
 */
export function useEvidenceOf(data: Pick<SessionData, 'record' | 'redaction' | 'packets'> | null | undefined, candidateIds: readonly string[]): Map<string, Evidence[]> | undefined {
  const record = data?.record ?? null;
  const redaction = data?.redaction ?? null;
  const headOf = new Map((data?.packets ?? []).map((p) => [p.candidateId, p]));
  // A submitted head's evidence is its snapshot's; a head that changes (a reopen, a submission) is read again.
  const submitted = record ? [] : candidateIds.map((id) => headOf.get(id)).filter((h): h is PacketHead => h !== undefined && h.status !== 'draft');
  const key = [candidateIds.join(','), ...submitted.map(headKey)].join('\u0001');
  return useViewQuery(record, redaction, async () => {
    // A blind record is already redacted; live rows are redacted here.
    // One indexed getAll per candidate (the review shows one, side by side a few), not an anyOf cursor stepping row by row.
    const rows = record ? record.evidence.filter((e) => candidateIds.includes(e.candidateId)) : await reviewedEvidence(candidateIds, submitted);
    const shown = redaction && !record ? rows.map((e) => blindEvidence(e, redaction)) : rows;
    const map = new Map<string, Evidence[]>(candidateIds.map((id) => [id, []]));
    for (const e of [...shown].sort((a, b) => a.date.localeCompare(b.date))) map.get(e.candidateId)?.push(e);
    return map;
  }, [key]);
}

/** The live evidence of these candidates, but a submitted packet's snapshot evidence for those whose reviewed packet was submitted. */
async function reviewedEvidence(candidateIds: readonly string[], submitted: readonly PacketHead[]): Promise<Evidence[]> {
  const packets = submitted.length ? await appDb.packets.bulkGet(submitted.map((h) => h.id)) : [];
  const frozen = new Map(packets.filter((p): p is Packet => !!p?.snapshot).map((p) => [p.candidateId, p.snapshot!.evidence]));
  const live = await Promise.all(candidateIds.filter((id) => !frozen.has(id)).map((id) => appDb.evidence.where('candidateId').equals(id).toArray()));
  return [...[...frozen.values()].flat(), ...live.flat()];
}

/** Newest first; entries of one device by their sequence when they share a time. */
function newestFirst<T extends AuditEntry>(entries: T[]): T[] {
  return entries.sort((a, b) => b.at.localeCompare(a.at) || (a.deviceId === b.deviceId ? b.seq - a.seq : 0));
}

/**
 * The session's audit entries (the session, its votes and decisions), newest
 * first, redacted while the session is blind; undefined while loading. The
 * whole session's trail: for the audit tab only, which is the one view that
 * lists it (the review reads one candidate's, useCandidateAudit).
 */
export function useSessionAudit(data: Pick<SessionData, 'session' | 'redaction'>): SessionAuditEntry[] | undefined {
  const { id, createdAt, cycleId, candidateIds } = data.session;
  const redaction = data.redaction;
  return useLiveQuery(async () => {
    const entries = await loadSessionAudit(appDb, { id, createdAt, cycleId, candidateIds });
    return redaction ? entries.map((e) => blindAuditEntry(e, redaction)) : entries;
  }, [id, redaction, createdAt, cycleId, candidateIds.join(',')]);
}

/** An entry of a session's audit tab; `revisions`: the session candidates' submitted revisions it wrote (revisionsWritten). */
export type SessionAuditEntry = AuditEntry & { revisions?: RevisionWritten[] };

/**
 * A session's audit tab, newest first: its own entries, its votes' and decisions' (ids `session:…`), each change
 * since it began to the name or role entries are signed with (without those the trail went from one name to another
 * with nothing between, renderer/db/profile.ts), and each submission or import since it began that brought a
 * revision of one of its candidates' packets (revisionsWritten: the revision the committee reviews changed, and the
 * tab did not say when or by whom). Those are found among the entries since the session began, on the `at` index:
 * the cycle's first import, usually the largest entry, comes before the session and is not read.
 */
export async function loadSessionAudit(db: LevelsetDatabase, session: Pick<SessionRow, 'id' | 'createdAt' | 'cycleId' | 'candidateIds'>): Promise<SessionAuditEntry[]> {
  const since = Date.parse(session.createdAt);
  const [own, children, renames, revised] = await Promise.all([
    auditFor(db, [session.id]),
    db.audit.where('entityId').startsWith(`${session.id}:`).toArray(),
    db.audit.where('entityId').equals(PROFILE_ENTITY_ID).toArray(),
    db.audit
      .where('at')
      .aboveOrEqual(session.createdAt)
      .filter((e) => e.entityType === 'packet' || (e.entityType === 'cycle' && e.entityId === session.cycleId))
      .toArray(),
  ]);
  const revisions = revised
    .filter((e) => Date.parse(e.at) >= since)
    .map((e): SessionAuditEntry => ({ ...e, revisions: revisionsWritten(e, session) }))
    .filter((e) => e.revisions!.length > 0);
  return newestFirst([...own, ...children, ...renames.filter((e) => e.entityType === 'profile' && Date.parse(e.at) >= since), ...revisions]);
}

/**
 * One candidate's entries in a session (its votes, decision and pre-vote
 * reveal: entity ids `session:candidate` and `session:candidate:…`), newest
 * first, redacted while blind. Two indexed ranges of that candidate's keys,
 * so a write about another candidate does not re-run it and its size is the
 * candidate's entries, not the session's.
 */
export async function loadCandidateAudit(db: LevelsetDatabase, sessionId: string, candidateId: string): Promise<AuditEntry[]> {
  const id = `${sessionId}:${candidateId}`;
  const [own, children] = await Promise.all([db.audit.where('entityId').equals(id).toArray(), db.audit.where('entityId').startsWith(`${id}:`).toArray()]);
  return newestFirst([...own, ...children]);
}

/** The entries of some candidates in a session, by candidate (each read has an entry), redacted while blind. */
function useAuditOf(sessionId: string, redaction: SessionData['redaction'], candidateIds: readonly string[]): Map<string, AuditEntry[]> | undefined {
  return useViewQuery(null, redaction, async () => {
    const lists = await Promise.all(candidateIds.map((id) => loadCandidateAudit(appDb, sessionId, id)));
    return new Map(candidateIds.map((id, i) => [`${sessionId}:${id}`, redaction ? lists[i]!.map((e) => blindAuditEntry(e, redaction)) : lists[i]!]));
  }, [sessionId, candidateIds.join(',')]);
}

/**
 * useCandidateAudit: the entries of the candidate on screen. Those of the
 * `nearby` candidates (the previous and the next) are read ahead in a query
 * of their own, so moving to one shows its entries at once while a write
 * about the one on screen re-reads that candidate's alone. A live query keeps
 * its last result while the next is read: a candidate neither query has read
 * is undefined, never another candidate's entries.
 */
export function useCandidateAudit(data: Pick<SessionData, 'session' | 'redaction'>, candidateId: string | null, nearby: readonly string[] = []): AuditEntry[] | undefined {
  const sessionId = data.session.id;
  const shown = useAuditOf(sessionId, data.redaction, candidateId ? [candidateId] : []);
  const ahead = useAuditOf(sessionId, data.redaction, nearby);
  if (!candidateId) return [];
  const key = `${sessionId}:${candidateId}`;
  return shown?.get(key) ?? ahead?.get(key);
}

/** Verifies the app's audit trail (chains and replay); the checks load when asked for, not with the session's screens. */
export async function verifyTrail(): Promise<RecordVerification> {
  return (await import('./audit')).verifyAudit(appDb);
}

/** One session on the Decisions page: its decisions and candidate rows (frozen if finalized) and the framework they read against. */
export interface SessionDecisions {
  session: SessionRow;
  framework: Framework | null;
  candidates: Candidate[];
  decisions: Decision[];
  /** Its votes (frozen if finalized): the page flags a decision against its final votes, and the CSV counts them. */
  votes: Vote[];
}

/** Every session of a cycle with its decisions and votes, for the Decisions page and the CSV. */
export async function loadCycleDecisions(db: LevelsetDatabase, cycleId: string): Promise<SessionDecisions[]> {
  const [rows, cycle, candidates] = await Promise.all([db.sessions.where('cycleId').equals(cycleId).toArray(), db.cycles.get(cycleId), db.candidates.where('cycleId').equals(cycleId).toArray()]);
  const sessions = rows.map(withSessionDefaults);
  const live = sessions.filter((s) => !isFrozen(s)).map((s) => s.id);
  const frameworkIds = [...new Set(sessions.map((s) => (cycle ? sessionFrameworkVersionId(s, cycle) : s.record?.frameworkVersionId)).filter((id): id is string => !!id))];
  const [decisions, votes, frameworks] = await Promise.all([
    live.length ? db.decisions.where('sessionId').anyOf(live).toArray() : [],
    live.length ? db.votes.where('sessionId').anyOf(live).toArray() : [],
    db.frameworks.bulkGet(frameworkIds),
  ]);
  return cycleDecisionRows({ sessions, cycle, candidates, decisions, votes, frameworks: frameworks.filter((f): f is Framework => !!f) });
}

export function useCycleDecisions(cycleId: string | undefined): SessionDecisions[] | null | undefined {
  return useLiveQuery(async () => (cycleId ? loadCycleDecisions(appDb, cycleId) : null), [cycleId]);
}


/** A cycle's candidates and each one's current packet, with every revision of the reopened ones: what the nomination section counts. */
export interface NominationRows {
  candidates: Candidate[];
  packets: PacketHead[];
}

/**
 * The cycle's candidates and the current packets stored beside them (no packet row: their assessments and snapshots
 * are most of their bytes), and the packets of the candidates whose packet was reopened (nominationPackets).
 */
export function useNominationRows(cycleId: string | undefined): NominationRows | null | undefined {
  return useLiveQuery(async () => {
    if (!cycleId) return null;
    // In one read-only transaction: outside one, a live query's results are deep-cloned by Dexie's cache.
    return appDb.transaction('r', [appDb.candidates, appDb.candidateStats, appDb.packets], async () => {
      const [candidates, stats] = await Promise.all([appDb.candidates.where('cycleId').equals(cycleId).toArray(), appDb.candidateStats.where('cycleId').equals(cycleId).toArray()]);
      const reopened = await readReopenedPackets(appDb, [], stats, { wholeCycle: true });
      return { candidates, packets: nominationPackets(storedCurrentPackets(stats), reopened) };
    });
  }, [cycleId]);
}

/** The candidates of a cycle and their packets, read in parallel: what the new-session form chooses from, and the whole cycle's fairness scope. */
export function useSessionCandidates(cycleId: string | undefined) {
  return useLiveQuery(async () => (cycleId ? loadSessionCandidates(appDb, cycleId) : null), [cycleId]);
}

/**
 * What the New session form chooses from: the cycle's candidates (each manager in one spelling, as the session's
 * screens will show them: its Manager filter listed "alex morgan" beside "Alex Morgan"), packets, sessions, and the
 * sessions' decisions (who a new session leaves out: takenCandidates).
 */
export function loadSessionCandidates(db: LevelsetDatabase, cycleId: string) {
  // In one read-only transaction, as loadSessionBase: outside one, a live query's results are deep-cloned by Dexie's cache (some 230 ms of the fairness tab at 1,000 candidates).
  return db.transaction('r', [db.candidates, db.packets, db.sessions, db.decisions], async () => {
    const [candidates, packets, sessions] = await Promise.all([
      db.candidates.where('cycleId').equals(cycleId).toArray(),
      db.packets.where('cycleId').equals(cycleId).toArray(),
      db.sessions.where('cycleId').equals(cycleId).toArray(),
    ]);
    const decisions = sessions.length ? await db.decisions.where('sessionId').anyOf(sessions.map((s) => s.id)).toArray() : [];
    return { candidates: oneSpellingPerName(candidates), packets, sessions, decisions };
  });
}
