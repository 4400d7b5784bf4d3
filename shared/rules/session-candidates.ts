/**
 * Which candidates a calibration session may review, and in what order. The
 * single home of both rules; the new-session form and the sample cycle call
 * them.
 *
 * Eligible: not archived, with a target level (there is nothing to judge
 * against otherwise), and a submitted packet (the one a session reviews,
 * reviewedPacket: a revision reopened since still counts, and the session
 * reviews it as submitted) — a draft is still the manager's work in
 * progress — unless the chair chose to include drafts (then a candidate
 * without any packet is eligible too, so the committee can see the gap).
 *
 * Review order (`Session.orderMode`):
 * - by-level: target level's track in framework order (tracks the framework
 *   does not list after the known ones), then the level's order on the
 *   track, then name (locale-independent, see compareNames), then id, so the
 *   order is the same on every machine. A blind session compares the
 *   pseudonyms it shows instead of the names: ordered by real name, the
 *   position of "Cobalt Heron" among the IC3 candidates told anyone who knew
 *   who was up for IC3 which of them it was, on every screen and export that
 *   follows the review order (the decision book, the CSV);
 * - shuffled: the by-level order shuffled with a seeded generator, so one
 *   seed gives one order (the order is stored with the session);
 * - manual: the order given, unchanged.
 */
import { compareNames } from '../calibration/common';
import { blindNames } from '../calibration/pseudonyms';
import type { Candidate } from '../domain/candidate';
import type { Framework } from '../domain/framework';
import type { Packet } from '../domain/packet';
import type { Decision, Session } from '../domain/session';
import { createRandom } from '../util/random';
import { asReviewed, reviewedPacketByCandidate, wasSubmitted, type PacketOrderRef } from './current-packet';

export type SessionCandidateRef = Pick<Candidate, 'id' | 'name' | 'targetLevelId' | 'archived'>;
export type OrderMode = Session['orderMode'];

export interface EligibilityOptions {
  /** Also take candidates whose packet was never submitted, or who have none yet. */
  includeDrafts: boolean;
}

/**
 * The eligibility rule as the import preview and the export panel say it of a draft
 * (shared/exchange/merge-summary.ts, renderer/features/packets/bundle-panels.tsx): one wording, the rule above.
 */
export const DRAFTS_IN_SESSIONS = 'a new session takes submitted packets only, unless its chair also includes those not submitted yet, and the committee then reviews work in progress';

/** Whether one candidate may be reviewed, given the packet a session would review of them (see the module comment). */
export function isEligible(candidate: Pick<Candidate, 'archived' | 'targetLevelId'>, reviewed: Parameters<typeof wasSubmitted>[0] | undefined, options: EligibilityOptions): boolean {
  if (candidate.archived || candidate.targetLevelId === null) return false;
  return options.includeDrafts || (reviewed !== undefined && wasSubmitted(reviewed));
}

/**
 * The eligible candidates, in the order given; `packets` may hold every revision of every candidate. Each comes as
 * the session will review them (asReviewed): at the level of their reviewed submission, so the new-session form
 * counts, filters, orders and labels a candidate reopened since under the level the session reviews, not a target
 * chosen after the submission.
 */
export function eligibleCandidates<C extends Pick<Candidate, 'id' | 'archived' | 'targetLevelId'>>(
  candidates: readonly C[],
  packets: readonly (PacketOrderRef & Pick<Packet, 'candidateId' | 'targetLevelId'>)[],
  options: EligibilityOptions,
): C[] {
  const reviewed = reviewedPacketByCandidate(packets);
  return candidates.filter((c) => isEligible(c, reviewed.get(c.id), options)).map((c) => asReviewed(c, reviewed.get(c.id)));
}

/** Track, then level on the track, then name (`nameOf`: the candidate's name unless given), then id. */
export function orderByLevel<C extends SessionCandidateRef>(framework: Pick<Framework, 'tracks' | 'levels'>, candidates: readonly C[], nameOf: (c: C) => string = (c) => c.name): C[] {
  const trackIndex = new Map(framework.tracks.map((t, i) => [t.id, i]));
  const rank = new Map<string, [number, number]>();
  for (const l of framework.levels) rank.set(l.id, [trackIndex.get(l.trackId) ?? framework.tracks.length, l.order]);
  const unknown: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  return [...candidates].sort((a, b) => {
    const [ta, la] = rank.get(a.targetLevelId ?? '') ?? unknown;
    const [tb, lb] = rank.get(b.targetLevelId ?? '') ?? unknown;
    return ta - tb || la - lb || compareNames(nameOf(a), nameOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/**
 * The review order for a mode; `seed` is required for shuffled.
 * `blindSessionId`: the id of the blind session these candidates make up;
 * candidates are then compared by the pseudonyms that session shows (built
 * as it builds them, from its id and its candidates), never by their names.
 */
export function reviewOrder<C extends SessionCandidateRef>(framework: Pick<Framework, 'tracks' | 'levels'>, candidates: readonly C[], mode: OrderMode, seed?: number, blindSessionId?: string): C[] {
  let nameOf: ((c: C) => string) | undefined;
  if (blindSessionId !== undefined) {
    const names = blindNames(blindSessionId, { candidateIds: candidates.map((c) => c.id) });
    nameOf = (c) => names.candidate(c.id);
  }
  switch (mode) {
    case 'manual':
      return [...candidates];
    case 'by-level':
      return orderByLevel(framework, candidates, nameOf);
    case 'shuffled':
      if (seed === undefined) throw new Error('A shuffled order needs a seed.');
      return createRandom(seed).shuffle(orderByLevel(framework, candidates, nameOf));
  }
}

/** Why a candidate is not offered to a new session of the cycle. */
export interface TakenCandidate {
  /** `decided`: a finalized session decided them (Defer aside, a decision to come back to); `listed`: another session not yet finalized reviews them. */
  reason: 'decided' | 'listed';
  sessionName: string;
}

/** Whether a decision is the one a candidate gets per cycle: Defer asks for a later session, so it is not. */
export function decidesCandidate(decision: Pick<Decision, 'outcome'>): boolean {
  return decision.outcome !== 'defer';
}

/** The decision another session of the cycle made of a candidate: the one decision per cycle, which this session cannot make again. */
export interface DecidedElsewhere<S> {
  session: S;
  outcome: Decision['outcome'];
}

/**
 * Of a candidate's decisions (any session's), the one another session of the same cycle made (Defer aside), with
 * that session; null when there is none. `sessions` are the sessions of those decisions, in any order (missing ones
 * undefined). The write path refuses a second decision with it; the review says it in place of the form.
 */
export function decidedElsewhere<S extends Pick<Session, 'id' | 'cycleId'>>(
  session: Pick<Session, 'id' | 'cycleId'>,
  decisions: readonly Pick<Decision, 'sessionId' | 'outcome'>[],
  sessions: readonly (S | undefined)[],
): DecidedElsewhere<S> | null {
  const byId = new Map(sessions.filter((s): s is S => s !== undefined).map((s) => [s.id, s]));
  for (const d of decisions) {
    const other = d.sessionId === session.id || !decidesCandidate(d) ? undefined : byId.get(d.sessionId);
    if (other?.cycleId === session.cycleId) return { session: other, outcome: d.outcome };
  }
  return null;
}

/** A Defer another session of the cycle recorded of a candidate: a decision to come back to, with what was asked of them. */
export interface DeferredElsewhere<S> {
  session: S;
  decidedAt: string;
  nextSteps: readonly string[];
}

/**
 * Of a candidate's decisions (any session's), the latest Defer another session of the same cycle recorded, with
 * that session; null when there is none. A chair's trial reviewed a candidate the pilot had deferred, and nothing
 * in the review, the book or the CSV said so: the committee could not check the next steps it had asked for.
 */
export function deferredElsewhere<S extends Pick<Session, 'id' | 'cycleId'>>(
  session: Pick<Session, 'id' | 'cycleId'>,
  decisions: readonly Pick<Decision, 'sessionId' | 'outcome' | 'decidedAt' | 'nextSteps'>[],
  sessions: readonly (S | undefined)[],
): DeferredElsewhere<S> | null {
  const byId = new Map(sessions.filter((s): s is S => s !== undefined).map((s) => [s.id, s]));
  let latest: DeferredElsewhere<S> | null = null;
  for (const d of decisions) {
    const other = d.sessionId === session.id || d.outcome !== 'defer' ? undefined : byId.get(d.sessionId);
    if (other?.cycleId === session.cycleId && (latest === null || d.decidedAt > latest.decidedAt)) latest = { session: other, decidedAt: d.decidedAt, nextSteps: d.nextSteps };
  }
  return latest;
}

/**
 * The candidates one cycle's sessions decided more than once (each with the
 * sessions that did, in the order of the decisions given). The write path
 * refuses a second decision (renderer/db/sessions.ts); these were recorded
 * before it did, and the Decisions page marks them so nobody exports two
 * answers for one candidate unawares.
 */
export function decidedInSeveralSessions(decisions: readonly Pick<Decision, 'sessionId' | 'candidateId' | 'outcome'>[]): Map<string, string[]> {
  const sessionsOf = new Map<string, string[]>();
  for (const d of decisions) {
    if (!decidesCandidate(d)) continue;
    const list = sessionsOf.get(d.candidateId);
    if (!list) sessionsOf.set(d.candidateId, [d.sessionId]);
    else if (!list.includes(d.sessionId)) list.push(d.sessionId);
  }
  for (const [id, list] of sessionsOf) if (list.length < 2) sessionsOf.delete(id);
  return sessionsOf;
}

/**
 * The candidates a new session of the cycle leaves out, so nobody gets two
 * decisions in one cycle: those a session decided, finalized or not (except
 * Defer, which asks for a later session; a re-test was offered candidates
 * decided in a live session, and each review showed an empty decision form
 * that refused only once written), and those on another session's list that
 * is not finalized yet. A decision wins over a listing, and a later session
 * over an earlier one in what is said (sessions in the order given).
 */
export function takenCandidates(
  sessions: readonly Pick<Session, 'id' | 'name' | 'status' | 'candidateIds'>[],
  decisions: readonly Pick<Decision, 'sessionId' | 'candidateId' | 'outcome'>[],
): Map<string, TakenCandidate> {
  const taken = new Map<string, TakenCandidate>();
  const byId = new Map(sessions.map((s) => [s.id, s]));
  for (const s of sessions) if (s.status !== 'finalized') for (const id of s.candidateIds) taken.set(id, { reason: 'listed', sessionName: s.name });
  for (const d of decisions) {
    const session = byId.get(d.sessionId);
    if (session && decidesCandidate(d)) taken.set(d.candidateId, { reason: 'decided', sessionName: session.name });
  }
  return taken;
}
