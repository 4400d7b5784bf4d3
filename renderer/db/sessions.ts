/**
 * Calibration sessions, votes and decisions in storage. Every write is a
 * command (write/run-command.ts) that checks the session's state (a
 * finalized session is read-only until reopened with a reason); the command
 * layer appends the audit entry in the same transaction.
 */
import { type CommitteeMember, type Decision, type Outcome, type Session, type Vote } from '../../shared/domain';
import { newId } from '../../shared/domain/ids';
import { validateDecision } from '../../shared/calibration/decision-helpers';
import type { LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';

export interface NewSession {
  cycleId: string;
  name: string;
  members: CommitteeMember[];
  candidateIds: string[];
  orderMode: Session['orderMode'];
  timeboxMinutes: number;
  blind: boolean;
}

export function sessionProblems(input: NewSession): Partial<Record<'name' | 'members' | 'candidateIds' | 'timeboxMinutes', string>> {
  const problems: Partial<Record<'name' | 'members' | 'candidateIds' | 'timeboxMinutes', string>> = {};
  if (!input.name.trim()) problems.name = 'Give the session a name.';
  if (input.members.some((m) => !m.name.trim())) problems.members = 'Every committee member needs a name.';
  else if (!input.members.some((m) => m.role === 'chair')) problems.members = 'Name a chair: the chair reveals names in blind mode and finalizes.';
  if (input.candidateIds.length === 0) problems.candidateIds = 'Choose at least one candidate to review.';
  if (!Number.isInteger(input.timeboxMinutes) || input.timeboxMinutes < 1 || input.timeboxMinutes > 240) problems.timeboxMinutes = 'A timebox is 1 to 240 minutes.';
  return problems;
}

function readOnlyError(session: Session): Error | null {
  return session.status === 'finalized' ? new Error(`${session.name} is finalized: its votes and decisions are read-only. Reopen it with a reason to change them.`) : null;
}

async function liveSession(db: LevelsetDatabase, sessionId: string): Promise<Session> {
  const session = await db.sessions.get(sessionId);
  if (!session) throw new Error('That session no longer exists.');
  const error = readOnlyError(session);
  if (error) throw error;
  return session;
}

export async function createSession(db: LevelsetDatabase, input: NewSession, at: string): Promise<Session> {
  return runCommand(db, { name: 'create session', at }, async (ctx) => {
    const session = await ctx.put('sessions', { ...input, name: input.name.trim(), id: newId(), status: 'planned', finalizedAt: null, reopenReason: '', createdAt: at, updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: session.id, action: 'create session', after: { name: session.name, candidates: session.candidateIds.length, blind: session.blind } });
    return session;
  });
}

/** Blind mode on or off; turning it off is the chair's reveal, and is audited as such. */
export async function setBlind(db: LevelsetDatabase, sessionId: string, blind: boolean, at: string): Promise<void> {
  await runCommand(db, { name: blind ? 'hide names (blind mode)' : 'reveal names', at }, async (ctx) => {
    const session = await liveSession(db, sessionId);
    if (session.blind === blind) return;
    await ctx.put('sessions', { ...session, blind, updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: sessionId, action: blind ? 'hide names (blind mode)' : 'reveal names', before: { blind: session.blind }, after: { blind } });
  });
}

export function voteId(sessionId: string, candidateId: string, memberId: string, phase: Vote['phase']): string {
  return `${sessionId}:${candidateId}:${memberId}:${phase}`;
}

export async function recordVote(
  db: LevelsetDatabase,
  input: { sessionId: string; candidateId: string; memberId: string; phase: Vote['phase']; outcome: Outcome; levelId?: string | null },
  at: string,
): Promise<Vote> {
  return runCommand(db, { name: input.phase === 'pre' ? 'pre-vote' : 'final vote', at }, async (ctx) => {
    const session = await liveSession(db, input.sessionId);
    if (!session.members.some((m) => m.id === input.memberId)) throw new Error('That member is not on this committee.');
    if (!session.candidateIds.includes(input.candidateId)) throw new Error('That candidate is not reviewed in this session.');
    const id = voteId(input.sessionId, input.candidateId, input.memberId, input.phase);
    const before = await db.votes.get(id);
    const vote = await ctx.put('votes', { ...input, levelId: input.levelId ?? null, id, createdAt: before?.createdAt ?? at, updatedAt: at });
    if (session.status === 'planned') await ctx.put('sessions', { ...session, status: 'live', updatedAt: at });
    ctx.describe({
      entityType: 'vote',
      entityId: id,
      action: input.phase === 'pre' ? 'pre-vote' : 'final vote',
      before: before ? { outcome: before.outcome, levelId: before.levelId } : null,
      after: { outcome: vote.outcome, levelId: vote.levelId },
    });
    return vote;
  });
}

export function decisionId(sessionId: string, candidateId: string): string {
  return `${sessionId}:${candidateId}`;
}

export interface DecisionDraft {
  sessionId: string;
  candidateId: string;
  outcome: Outcome;
  newLevelId: string | null;
  rationale: string;
  citedCriterionIds: string[];
  nextSteps: string[];
  dissent: string;
}

/** Records or changes a decision; refuses invalid input (rationale required, a level for promote-other) with the reasons. */
export async function saveDecision(db: LevelsetDatabase, draft: DecisionDraft, at: string): Promise<Decision> {
  return runCommand(db, { name: 'decide', at }, async (ctx) => {
    const session = await liveSession(db, draft.sessionId);
    const candidate = await db.candidates.get(draft.candidateId);
    if (!candidate || !session.candidateIds.includes(candidate.id)) throw new Error('That candidate is not reviewed in this session.');
    const cycle = await db.cycles.get(session.cycleId);
    const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
    if (!framework) throw new Error('The framework version of this cycle is missing.');
    const check = validateDecision({ framework, targetLevelId: candidate.targetLevelId, ...draft });
    if (!check.ok) throw new Error(check.errors.map((e) => e.message).join(' '));
    const id = decisionId(draft.sessionId, draft.candidateId);
    const before = await db.decisions.get(id);
    const newLevelId = draft.outcome === 'promote' ? candidate.targetLevelId : draft.outcome === 'promote-other' ? draft.newLevelId : null;
    const decision = await ctx.put('decisions', {
      ...draft,
      rationale: draft.rationale.trim(),
      newLevelId,
      id,
      locked: false,
      decidedAt: at,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    });
    const view = (d: Decision) => ({ outcome: d.outcome, newLevelId: d.newLevelId, rationale: d.rationale, citedCriterionIds: d.citedCriterionIds, nextSteps: d.nextSteps, dissent: d.dissent });
    ctx.describe({ entityType: 'decision', entityId: id, action: before ? 'change decision' : 'decide', before: before ? view(before) : null, after: view(decision) });
    return decision;
  });
}

/** Finalizes: every decision is locked and the session becomes read-only. */
export async function finalizeSession(db: LevelsetDatabase, sessionId: string, at: string): Promise<void> {
  await runCommand(db, { name: 'finalize', at }, async (ctx) => {
    const session = await liveSession(db, sessionId);
    const decisions = await db.decisions.where('sessionId').equals(sessionId).toArray();
    const undecided = session.candidateIds.filter((id) => !decisions.some((d) => d.candidateId === id));
    if (undecided.length > 0) throw new Error(`${undecided.length} candidate(s) have no decision yet. Decide every candidate (Defer is a decision) before finalizing.`);
    await ctx.bulkPut('decisions', decisions.map((d) => ({ ...d, locked: true, updatedAt: at })));
    await ctx.put('sessions', { ...session, status: 'finalized', finalizedAt: at, updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: sessionId, action: 'finalize', before: { status: session.status }, after: { status: 'finalized', decisions: decisions.length } });
  });
}

/** Reopens a finalized session; the reason is required and audited. */
export async function reopenSession(db: LevelsetDatabase, sessionId: string, reason: string, at: string): Promise<void> {
  if (!reason.trim()) throw new Error('Say why the session is reopened; the reason is kept in the audit trail.');
  await runCommand(db, { name: 'reopen', at }, async (ctx) => {
    const session = await db.sessions.get(sessionId);
    if (!session) throw new Error('That session no longer exists.');
    if (session.status !== 'finalized') throw new Error('Only a finalized session can be reopened.');
    const decisions = await db.decisions.where('sessionId').equals(sessionId).toArray();
    await ctx.bulkPut('decisions', decisions.map((d) => ({ ...d, locked: false, updatedAt: at })));
    await ctx.put('sessions', { ...session, status: 'live', finalizedAt: null, reopenReason: reason.trim(), updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: sessionId, action: 'reopen', before: { status: 'finalized' }, after: { status: 'live', reason: reason.trim() } });
  });
}
