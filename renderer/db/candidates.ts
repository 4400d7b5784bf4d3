/**
 * Candidates in storage: create, edit, archive and restore.
 *
 * Every write is a command (write/run-command.ts), which also rebuilds the
 * candidate's coverage rows and appends the audit entry, so the committee's
 * aggregate never disagrees with the candidate it summarises. Creating a candidate
 * starts their empty draft packet in the same transaction, and changing the
 * target level moves the draft with it: a packet is always judged against
 * the level the candidate is going for. A submitted packet is read-only and
 * keeps its level until it is reopened.
 *
 * Archiving is reversible: it only hides the candidate from lists.
 */
import { CANDIDATE_LIMITS, CandidateSchema, PacketSchema, withoutDirectionControls, type Candidate, type Cycle, type Evidence, type Framework, type Packet } from '../../shared/domain';
import { newId } from '../../shared/domain/ids';
import { currentPacket, submittedCurrentLevelProblem, submittedLevelProblem } from '../../shared/rules/current-packet';
import { promotionLevelProblem } from '../../shared/rules/promotion-levels';
import { changedFields } from '../../shared/audit/changed-fields';
import { withFormerNames } from '../../shared/rules/candidate-names';
import type { LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';
import { sameName } from '../../shared/util/search';
import { distinctNames } from '../../shared/rules/manager-names';

/** What the candidate form edits. */
export interface CandidateInput {
  name: string;
  role: string;
  team: string;
  manager: string;
  currentLevelId: string;
  targetLevelId: string;
  /** Null when the manager did not give it. */
  timeInLevelMonths: number | null;
  /** Optional group attributes (e.g. gender, location), for aggregate fairness checks only. */
  groups: Record<string, string>;
}

export type CandidateProblems = Partial<Record<keyof CandidateInput, string>>;

/** Thrown by `saveCandidate` when the input does not pass `candidateProblems`; nothing is written. */
export class CandidateInvalidError extends Error {
  constructor(readonly problems: CandidateProblems) {
    super(Object.values(problems).join(' '));
    this.name = 'CandidateInvalidError';
  }
}

/**
 * Field messages for the candidate form, judged against the cycle's pinned
 * framework. The target must be a promotion from the current level (the
 * shared rule in shared/rules/promotion-levels.ts, which decisions follow too).
 */
export function candidateProblems(input: CandidateInput, framework: Pick<Framework, 'tracks' | 'levels' | 'equivalences'> | null | undefined): CandidateProblems {
  const problems: CandidateProblems = {};
  const levelIds = new Set((framework?.levels ?? []).map((l) => l.id));
  if (!input.name.trim()) problems.name = 'Give the candidate a name.';
  else if (input.name.trim().length > CANDIDATE_LIMITS.name) problems.name = `Keep the name under ${CANDIDATE_LIMITS.name} characters.`;
  if (!input.manager.trim()) problems.manager = 'Name the candidate’s manager.';
  if (!framework) problems.currentLevelId = 'This cycle’s framework is missing, so no level can be chosen.';
  else if (!input.currentLevelId) problems.currentLevelId = 'Choose the candidate’s current level.';
  else if (!levelIds.has(input.currentLevelId)) problems.currentLevelId = 'That level is not in this cycle’s framework; choose another.';
  if (framework) {
    if (!input.targetLevelId) problems.targetLevelId = 'Choose the level the candidate is going for.';
    else if (!levelIds.has(input.targetLevelId)) problems.targetLevelId = 'That level is not in this cycle’s framework; choose another.';
    else if (input.targetLevelId === input.currentLevelId) problems.targetLevelId = 'The target level must differ from the current level.';
    else if (levelIds.has(input.currentLevelId)) {
      const problem = promotionLevelProblem(framework, input.currentLevelId, input.targetLevelId, 'The target level');
      if (problem) problems.targetLevelId = problem;
    }
  }
  const months = input.timeInLevelMonths;
  if (months !== null && (!Number.isInteger(months) || months < 0 || months > CANDIDATE_LIMITS.monthsInLevel)) {
    problems.timeInLevelMonths = `Enter whole months, from 0 to ${CANDIDATE_LIMITS.monthsInLevel}, or leave it empty if you do not know.`;
  }
  for (const [key, value] of Object.entries(input.groups)) {
    if (!key.trim()) problems.groups = 'Each group attribute needs a name.';
    else if (key.length > CANDIDATE_LIMITS.groupName || value.length > CANDIDATE_LIMITS.groupValue)
      problems.groups = `Keep attribute names under ${CANDIDATE_LIMITS.groupName} characters and values under ${CANDIDATE_LIMITS.groupValue}.`;
  }
  return problems;
}

/** Only the form's fields, trimmed; anything else on the object (an id, a cycle) is left behind. */
function tidy(input: CandidateInput): CandidateInput {
  // As stored (shared/domain/label-text.ts), so a name of only direction controls reads as empty, and is refused as such.
  const label = (text: string) => withoutDirectionControls(text).trim();
  const groups: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.groups)) {
    // A row left without a value says nothing about the person: leave it out.
    const [name, held] = [label(key), label(value)];
    if (name && held) groups[name] = held;
  }
  return {
    name: label(input.name),
    role: label(input.role),
    team: label(input.team),
    manager: label(input.manager),
    currentLevelId: input.currentLevelId,
    targetLevelId: input.targetLevelId,
    timeInLevelMonths: input.timeInLevelMonths,
    groups,
  };
}

export interface SaveCandidate extends CandidateInput {
  /** Absent when creating. */
  id?: string;
  cycleId: string;
}


function draftPacket(candidate: Candidate, at: string): Packet {
  return PacketSchema.parse({
    id: newId(),
    candidateId: candidate.id,
    cycleId: candidate.cycleId,
    targetLevelId: candidate.targetLevelId,
    revision: 1,
    parentId: null,
    status: 'draft',
    assessments: {},
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * Creates (no id) or updates a candidate. Throws CandidateInvalidError with
 * field messages when the input is not valid for the cycle's framework.
 */
export async function saveCandidate(db: LevelsetDatabase, input: SaveCandidate, at: string): Promise<Candidate> {
  const clean = tidy(input);
  // One transaction: the candidate, their packet and their coverage rows change together or not at all.
  return runCommand(db, { name: 'save candidate', at }, async (ctx) => {
    const cycle = await db.cycles.get(input.cycleId);
    if (!cycle) throw new Error('The cycle no longer exists.');
    const framework = await db.frameworks.get(cycle.frameworkVersionId);
    const problems = candidateProblems(clean, framework);
    if (Object.keys(problems).length > 0) throw new CandidateInvalidError(problems);

    const existing = input.id ? await db.candidates.get(input.id) : undefined;
    if (input.id && !existing) throw new Error('The candidate no longer exists.');
    if (existing && existing.cycleId !== cycle.id) throw new Error('A candidate cannot move to another cycle.');
    // A session reviews a candidate against their target level, with their submitted packet: the two must agree, so
    // the target of a candidate whose packet is submitted changes only once the packet is reopened (a draft follows below).
    const packets = existing ? await db.packets.where('candidateId').equals(existing.id).toArray() : [];
    const packet = currentPacket(packets);
    // Likewise its current level: the submitted case is a promotion from it. Both said at once.
    if (packet?.status === 'submitted' && existing) {
      const locked: CandidateProblems = {
        ...(existing.currentLevelId !== clean.currentLevelId ? { currentLevelId: submittedCurrentLevelProblem(packet, existing.currentLevelId, framework) } : {}),
        ...(packet.targetLevelId !== clean.targetLevelId ? { targetLevelId: submittedLevelProblem(packet, framework) } : {}),
      };
      if (Object.keys(locked).length > 0) throw new CandidateInvalidError(locked);
    }
    const candidate = await ctx.put(
      'candidates',
      CandidateSchema.parse(
        // The names it went by before this edit stay on the row, for blind sessions to withhold (candidate-names.ts).
        withFormerNames({ ...(existing ?? { id: newId(), archived: false, createdAt: at }), ...clean, cycleId: cycle.id, updatedAt: at }, existing),
      ),
    );

    if (!packet) {
      await ctx.put('packets', draftPacket(candidate, at));
    } else if (packet.status === 'draft' && packet.targetLevelId !== candidate.targetLevelId) {
      // Assessments are keyed by criterion and belong to the old level's criteria; they stay
      // in the record but no longer count (coverage reads the new level's criteria only).
      await ctx.put('packets', { ...packet, targetLevelId: candidate.targetLevelId, updatedAt: at });
    }
    ctx.describe({
      entityType: 'candidate',
      entityId: candidate.id,
      action: existing ? 'edit candidate' : 'add candidate',
      before: existing ? changedFields(existing, candidate).before : null,
      after: existing ? changedFields(existing, candidate).after : { name: candidate.name, targetLevelId: candidate.targetLevelId },
    });
    return candidate;
  });
}


async function setArchived(db: LevelsetDatabase, id: string, archived: boolean, at: string): Promise<Candidate> {
  return runCommand(db, { name: archived ? 'archive candidate' : 'restore candidate', at }, async (ctx) => {
    const candidate = await db.candidates.get(id);
    if (!candidate) throw new Error('The candidate no longer exists.');
    const next = await ctx.put('candidates', { ...candidate, archived, updatedAt: at });
    ctx.describe({ entityType: 'candidate', entityId: id, action: archived ? 'archive candidate' : 'restore candidate', before: { archived: candidate.archived }, after: { archived } });
    return next;
  });
}

/** Hides the candidate from lists. Reversible with restoreCandidate; nothing is deleted. */
export function archiveCandidate(db: LevelsetDatabase, id: string, at: string): Promise<Candidate> {
  return setArchived(db, id, true, at);
}

/** Shows an archived candidate in lists again. */
export function restoreCandidate(db: LevelsetDatabase, id: string, at: string): Promise<Candidate> {
  return setArchived(db, id, false, at);
}

export interface CandidatePageData {
  candidate: Candidate;
  cycle: Cycle | null;
  framework: Framework | null;
  /** The packet the work goes into now (newest revision that is not superseded). */
  packet: Packet | null;
  /** Oldest first. */
  evidence: Evidence[];
}

/** Everything the candidate page shows, read in one transaction so it is one consistent snapshot. */
export async function candidatePageData(db: LevelsetDatabase, id: string): Promise<CandidatePageData | null> {
  return db.transaction('r', [db.candidates, db.cycles, db.frameworks, db.packets, db.evidence], async () => {
    const candidate = await db.candidates.get(id);
    if (!candidate) return null;
    const cycle = (await db.cycles.get(candidate.cycleId)) ?? null;
    const framework = cycle ? ((await db.frameworks.get(cycle.frameworkVersionId)) ?? null) : null;
    const packet = currentPacket(await db.packets.where('candidateId').equals(id).toArray()) ?? null;
    const evidence = await db.evidence.where('candidateId').equals(id).sortBy('date');
    return { candidate, cycle, framework, packet, evidence };
  });
}

/** Names already used in the cycle, to offer as suggestions (managers, teams). */
/** The candidates of a cycle whose name reads as `name` (shared/util/search.ts sameName), for the form's warning before a second one is added. */
export async function namesakes(db: LevelsetDatabase, cycleId: string, name: string): Promise<Candidate[]> {
  if (!name.trim()) return [];
  return (await db.candidates.where('cycleId').equals(cycleId).toArray()).filter((c) => sameName(c.name, name));
}

export async function candidateSuggestions(db: LevelsetDatabase, cycleId: string): Promise<{ managers: string[]; teams: string[] }> {
  const rows = await db.candidates.where('cycleId').equals(cycleId).toArray();
  // One suggestion per name as nameKey compares them, so the list does not offer "zoë ångström" beside "Zoë Ångström".
  return { managers: distinctNames(rows.map((r) => r.manager)), teams: distinctNames(rows.map((r) => r.team)) };
}
