/**
 * The candidate form's draft (candidate-form.tsx): what the fields hold, the
 * candidate it makes, the target level it suggests, and the problems it shows.
 */
import type { Candidate, Framework } from '../../../shared/domain';
import { levelsOfTrack } from '../../../shared/domain/framework';
import { levelOf } from '../../../shared/domain/level-lookup';
import { candidateProblems, type CandidateInput, type CandidateProblems } from '../../db/candidates';
import { z } from 'zod';
import { restoredBy } from '../../state/kept-draft';
import { groupsFromRows, rowsFromGroups, type GroupRow } from './group-attributes';

/** The candidate's input as the fields hold it: time in level as typed, group attributes as rows. */
export type Draft = Omit<CandidateInput, 'timeInLevelMonths' | 'groups'> & { timeInLevel: string; groups: GroupRow[] };

/** A candidate's fields, or a new one's: empty but for `manager` (ownManagerName: the user, when they manage people). */
export function draftOf(candidate: Candidate | null, manager = ''): Draft {
  return {
    name: candidate?.name ?? '',
    role: candidate?.role ?? '',
    team: candidate?.team ?? '',
    manager: candidate?.manager ?? manager,
    currentLevelId: candidate?.currentLevelId ?? '',
    targetLevelId: candidate?.targetLevelId ?? '',
    timeInLevel: candidate?.timeInLevelMonths == null ? '' : String(candidate.timeInLevelMonths),
    groups: candidate ? rowsFromGroups(candidate.groups) : [],
  };
}

/** A kept draft (state/kept-draft.ts) as it comes back from storage, checked before the form shows it. */
const DraftSchema = z.object({
  name: z.string(),
  role: z.string(),
  team: z.string(),
  manager: z.string(),
  currentLevelId: z.string(),
  targetLevelId: z.string(),
  timeInLevel: z.string(),
  groups: z.array(z.object({ key: z.number(), name: z.string(), value: z.string() })),
}) satisfies z.ZodType<Draft>;

/** The kept draft, or null when what was kept is not one (another build's, or edited by hand). */
export const restoreCandidateDraft = restoredBy<Draft>(DraftSchema);

/** Where the form's draft is kept: a new candidate per cycle, a change per candidate (swept with its record). */
export function candidateDraftKey(cycleId: string, candidate: Pick<Candidate, 'id'> | null): string {
  return candidate ? `candidate-edit:${candidate.id}` : `candidate-new:${cycleId}`;
}

export function toInput(draft: Draft): CandidateInput {
  return {
    name: draft.name,
    role: draft.role,
    team: draft.team,
    manager: draft.manager,
    currentLevelId: draft.currentLevelId,
    targetLevelId: draft.targetLevelId,
    timeInLevelMonths: monthsOf(draft.timeInLevel),
    groups: groupsFromRows(draft.groups).groups,
  };
}

/** Months as typed: empty is not given; anything but digits is NaN, which the candidate's rules refuse with their message. */
function monthsOf(typed: string): number | null {
  const text = typed.trim();
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The next level up on the same track, the usual target; null at the top. */
export function nextLevel(framework: Framework | null, levelId: string): string | null {
  const level = framework ? levelOf(framework, levelId) : undefined;
  if (!framework || !level) return null;
  return levelsOfTrack(framework, level.trackId).find((l) => l.order > level.order && !l.optional)?.id ?? null;
}

/** The fields in the order they are shown: the first with a problem takes focus. */
export const ORDER: Array<keyof Draft> = ['name', 'role', 'team', 'manager', 'currentLevelId', 'targetLevelId', 'timeInLevel'];


/** Each field's problem (the schema's, then what the save refused), keyed by the draft's fields. */
export function draftProblems(draft: Draft, framework: Framework | null, refused: CandidateProblems): Partial<Record<keyof Draft, string>> {
  const found: CandidateProblems = { ...candidateProblems(toInput(draft), framework), ...refused };
  return {
    name: found.name,
    manager: found.manager,
    currentLevelId: found.currentLevelId,
    targetLevelId: found.targetLevelId,
    timeInLevel: found.timeInLevelMonths,
    groups: groupsFromRows(draft.groups).problem ?? found.groups,
  };
}
