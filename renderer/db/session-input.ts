/**
 * A new session as the form fills it in, and what is wrong with it: apart
 * from the session commands (sessions.ts) so the new-session form checks its
 * input without loading the write path.
 */
import type { CommitteeMember, Session } from '../../shared/domain';
import { nameKey, oneSpaced } from '../../shared/rules/record-name';

export interface NewSession {
  cycleId: string;
  name: string;
  members: CommitteeMember[];
  candidateIds: string[];
  orderMode: Session['orderMode'];
  timeboxMinutes: number;
  blind: boolean;
}


/**
 * `otherNames`: the names of the cycle's other sessions. A second session of
 * one name made the Decisions page, the CSV file names and "already decided
 * in <session>" ambiguous, so names are unique within a cycle.
 */
export function sessionProblems(input: NewSession, otherNames: readonly string[] = []): Partial<Record<'name' | 'members' | 'candidateIds' | 'timeboxMinutes', string>> {
  const problems: Partial<Record<'name' | 'members' | 'candidateIds' | 'timeboxMinutes', string>> = {};
  if (!input.name.trim()) problems.name = 'Give the session a name.';
  else if (otherNames.some((n) => nameKey(n) === nameKey(input.name))) problems.name = `This cycle already has a session named “${oneSpaced(input.name)}”. Give this one a name of its own (for example with the week or the level).`;
  if (input.members.some((m) => !m.name.trim())) problems.members = 'Every committee member needs a name.';
  else if (!input.members.some((m) => m.role === 'chair')) problems.members = 'Name a chair: the chair reveals names in blind mode and finalizes.';
  else if (input.members.filter((m) => m.role === 'chair').length > 1) problems.members = 'Name one chair: the chair reveals names in blind mode and finalizes, and the session names that one person.';
  else {
    // Votes, "How votes moved" and the audit trail name members: two of one name cannot be told apart there.
    const seen = new Map<string, string>();
    let twice: string | undefined;
    for (const m of input.members) {
      const name = oneSpaced(m.name);
      const key = name.toLocaleLowerCase();
      if (seen.has(key)) twice ??= seen.get(key);
      else seen.set(key, name);
    }
    if (twice) problems.members = `${twice} is on the committee twice. Each member once: votes and the audit trail name members, and two of one name cannot be told apart.`;
  }
  if (input.candidateIds.length === 0) problems.candidateIds = 'Choose at least one candidate to review.';
  if (!Number.isInteger(input.timeboxMinutes) || input.timeboxMinutes < 1 || input.timeboxMinutes > 240) problems.timeboxMinutes = 'A timebox is 1 to 240 minutes.';
  return problems;
}
