/**
 * The frozen record of a finalized session, and the one choice every view of
 * a session makes: a finalized session is shown (on screen, in the decision
 * book, in the CSV) from what it decided on, frozen at finalization; a
 * planned or live session from the live records. Views never choose
 * themselves: they read `sessionView`.
 *
 * A session finalized before records were frozen has no record; it is shown
 * live, and `sessionView` says so (`frozen: false`).
 */
import type { Candidate, CommitteeMember, Cycle, Decision, Evidence, Framework, Packet, Session, SessionEvent, SessionRecord, SessionRow, Vote } from '../domain';
import { packetCoverageRows, type CriterionCoverageRow } from '../packets/coverage';
import { citedEvidence, takeSnapshot } from '../packets/snapshot';
import { asReviewed, reviewedPacketByCandidate, type PacketHead } from '../rules/current-packet';
import { someoneElse } from '../rules/record-name';

/** The rows a session is shown from. */
export interface SessionRows {
  /** The reviewed candidates (any order; views order them by the session). */
  candidates: Candidate[];
  /** The packet the session reviews of each candidate (reviewedPacket): whole in a frozen record, its head while live (session-hooks.ts). */
  packets: PacketHead[];
  /** Evidence of the reviewed candidates: all of it while live, what their packets cite once frozen. */
  evidence: Evidence[];
  coverage: CriterionCoverageRow[];
  votes: Vote[];
  decisions: Decision[];
}

export interface SessionView extends SessionRows {
  /** The frozen record the rows come from, or null when they are live. */
  record: SessionRecord | null;
  /** The framework version the rows are to be read against. */
  frameworkVersionId: string;
}

/** Rows stored before a field existed lack it; these are the schema's defaults. */
export function withSessionDefaults(session: Session): SessionRow {
  return { ...session, revealedPreVotes: session.revealedPreVotes ?? [], record: session.record ?? null, history: session.history ?? [] };
}

/** Whether a session is shown from its frozen record. */
export function isFrozen(session: Pick<Session, 'status' | 'record'>): session is Pick<Session, 'status'> & { record: SessionRecord } {
  return session.status === 'finalized' && !!session.record;
}

/** The framework version to read a session against: the frozen one once finalized, else the cycle's. */
export function sessionFrameworkVersionId(session: Pick<Session, 'status' | 'record'>, cycle: Pick<Cycle, 'frameworkVersionId'>): string {
  return isFrozen(session) ? session.record.frameworkVersionId : cycle.frameworkVersionId;
}

/** The one selection: frozen if finalized (with a record), else live. */
export function sessionView(session: Pick<Session, 'status' | 'record'>, live: SessionRows & { frameworkVersionId: string }): SessionView {
  const record = isFrozen(session) ? session.record : null;
  if (!record) return { ...live, record: null };
  return {
    record,
    frameworkVersionId: record.frameworkVersionId,
    candidates: record.candidates,
    packets: record.packets,
    evidence: record.evidence,
    coverage: record.coverage,
    votes: record.votes,
    decisions: record.decisions,
  };
}

export interface RecordInput {
  session: Pick<Session, 'id' | 'candidateIds'>;
  framework: Framework;
  cycle: Pick<Cycle, 'evidenceFrom' | 'evidenceTo'>;
  candidates: readonly Candidate[];
  /** Every packet of the reviewed candidates (the one the session reviews is chosen here, by the shared rule). */
  packets: readonly Packet[];
  /** The live evidence of the reviewed candidates. */
  evidence: readonly Evidence[];
  votes: readonly Vote[];
  decisions: readonly Decision[];
  at: string;
  by: string;
}

/**
 * The revision a record freezes of each candidate: the one their decision was made on (Decision.packet), else the one
 * the session reviews (reviewedPacket). A session reopened after its finalization reviews a revision submitted since;
 * a decision left as it was rests on the revision before, and finalizing again froze the later one (a trial's book
 * showed ratings the committee never decided on, beside "the decision was made on revision 1").
 */
function decidedOnOrReviewed(packets: readonly Packet[], decisions: readonly Pick<Decision, 'candidateId' | 'packet'>[]): Map<string, Packet> {
  const chosen = reviewedPacketByCandidate(packets);
  const byId = new Map(packets.map((p) => [p.id, p]));
  for (const d of decisions) {
    const on = d.packet ? byId.get(d.packet.id) : undefined;
    if (on && on.candidateId === d.candidateId) chosen.set(d.candidateId, on);
  }
  return chosen;
}

/**
 * Freezes what a session decides on. Of each candidate, the packet revision
 * their decision was made on, else the one the session reviews
 * (reviewedPacket: the newest submitted revision, even when the packet was
 * reopened since), is kept as it is, with its snapshot (decidedOnOrReviewed); a draft
 * (a session that takes drafts) gets a
 * snapshot taken now (its status stays draft, so the record says what the
 * committee saw). The evidence kept is what those snapshots cite; a
 * candidate without a packet keeps the evidence cited against their target
 * level. Coverage is computed from the frozen packets, so it is what the
 * committee saw.
 */
export function takeSessionRecord(input: RecordInput): SessionRecord {
  const reviewed = new Set(input.session.candidateIds);
  const reviewedOf = decidedOnOrReviewed(input.packets.filter((p) => reviewed.has(p.candidateId)), input.decisions.filter((d) => d.sessionId === input.session.id));
  // Against the level of the packet reviewed (a target chosen after a reopen is the draft's, not the record's).
  const candidates = input.candidates.filter((c) => reviewed.has(c.id)).map((c) => asReviewed(c, reviewedOf.get(c.id)));
  const window = { from: input.cycle.evidenceFrom, to: input.cycle.evidenceTo };
  const packets: Packet[] = [];
  const evidence = new Map<string, Evidence>();
  const coverage: CriterionCoverageRow[] = [];
  for (const candidate of candidates) {
    const live = input.evidence.filter((e) => e.candidateId === candidate.id);
    const packet = reviewedOf.get(candidate.id);
    if (!packet) {
      for (const e of citedEvidence(input.framework, candidate.targetLevelId, live)) evidence.set(e.id, structuredClone(e));
      continue;
    }
    const frozen: Packet = packet.snapshot ? structuredClone(packet) : { ...structuredClone(packet), snapshot: takeSnapshot(packet, input.framework, live, input.at) };
    const cited = frozen.snapshot?.evidence ?? [];
    packets.push(frozen);
    for (const e of cited) evidence.set(e.id, e);
    coverage.push(...packetCoverageRows(input.framework, frozen, candidate, cited, window));
  }
  return {
    finalizedAt: input.at,
    finalizedBy: input.by,
    frameworkVersionId: input.framework.id,
    candidates: structuredClone(candidates),
    packets,
    evidence: [...evidence.values()],
    coverage,
    votes: structuredClone(input.votes.filter((v) => v.sessionId === input.session.id)),
    decisions: structuredClone(input.decisions.filter((d) => d.sessionId === input.session.id)),
  };
}

/** The finalization a finalized session shows: when and by whom (the record's, else the history's, else the bare date). */
export function finalizedBy(session: Session): { at: string; by: string | null } | null {
  if (session.status !== 'finalized') return null;
  if (session.record) return { at: session.record.finalizedAt, by: session.record.finalizedBy };
  const last = [...(session.history ?? [])].reverse().find((e) => e.action === 'finalized');
  if (last) return { at: last.at, by: last.by };
  return session.finalizedAt ? { at: session.finalizedAt, by: null } : null;
}

/** The reopens of a session, oldest first, with who and why. */
export function reopenHistory(session: Pick<Session, 'history'>): SessionEvent[] {
  return (session.history ?? []).filter((e) => e.action === 'reopened');
}

/**
 * The session's chair when the person recording is someone else, else null
 * (no chair named, or the chair records). The committee's rule is that the
 * chair reveals names, finalizes and reopens, but the app records whoever's
 * profile is open on this machine: the dialogs say so before that person
 * acts, so the audit trail's "by" is not a surprise. Names compare as names
 * do elsewhere (spaces and case aside).
 */
export function chairWhenNotRecorder(members: readonly Pick<CommitteeMember, 'name' | 'role'>[], recorderName: string | null | undefined): string | null {
  return someoneElse(recorderName, members.find((m) => m.role === 'chair')?.name);
}

/**
 * chairWhenNotRecorder for an actor as the audit trail writes one, "name (role)" (run-command.ts currentActor): the
 * chair is the recorder when either the whole actor or the actor without its role is the chair's name.
 */
export function chairWhenNotActor(members: readonly Pick<CommitteeMember, 'name' | 'role'>[], actor: string | null | undefined): string | null {
  const chair = chairWhenNotRecorder(members, actor);
  return chair && actor && chairWhenNotRecorder(members, actor.replace(/\s*\([^()]*\)\s*$/, '')) === null ? null : chair;
}
