/**
 * The names a candidate went by before an edit (Candidate.formerly), kept on
 * every save of the candidate (renderer/db/candidates.ts saveCandidate): text
 * written before a rename still names the candidate, the manager or the team
 * as they were, and a blind session must withhold those names too. A blind
 * committee saw "[name withheld] Quist" and another candidate's pseudonym for
 * a renamed manager's first name (a new-user trial, session 29).
 */
import { CANDIDATE_LIMITS, type Candidate, type FormerNames } from '../domain/candidate';
import { nameKey } from './record-name';

const KINDS = ['name', 'manager', 'team'] as const;

/**
 * `next` with `formerly` carrying every earlier value of its name, manager
 * and team: those of `previous` (the stored row it replaces), and the value
 * `previous` held if the edit changed it. The current value is never listed,
 * case and spacing aside; the newest are kept when the list is full.
 */
export function withFormerNames<T extends Pick<Candidate, 'name' | 'manager' | 'team' | 'formerly'>>(next: T, previous: Pick<Candidate, 'name' | 'manager' | 'team' | 'formerly'> | undefined): T {
  const formerly: FormerNames = { name: [], manager: [], team: [] };
  for (const kind of KINDS) {
    const seen = new Set([nameKey(next[kind])]);
    const earlier = [...(previous?.formerly?.[kind] ?? []), ...(next.formerly?.[kind] ?? []), ...(previous ? [previous[kind]] : [])];
    for (const value of earlier) {
      if (value.trim() === '' || seen.has(nameKey(value))) continue;
      seen.add(nameKey(value));
      formerly[kind].push(value);
    }
    formerly[kind] = formerly[kind].slice(-CANDIDATE_LIMITS.formerNames);
  }
  const { formerly: _dropped, ...rest } = next;
  return KINDS.some((k) => formerly[k].length > 0) ? ({ ...rest, formerly } as T) : (rest as T);
}
