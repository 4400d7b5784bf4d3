/**
 * A new session as the form fills it in, and what is wrong with it: apart
 * from the session commands (sessions.ts) so the new-session form checks its
 * input without loading the write path.
 */
import type { CommitteeMember, Session } from '../../shared/domain';

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
