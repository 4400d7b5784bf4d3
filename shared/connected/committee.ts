/**
 * The people on a cycle's committees, once each: whom a connected app can
 * act as (the Connected mode panel's "You are").
 *
 * A session's member ids are its own: the new-session form draws fresh ones,
 * so one person on two sessions of the cycle usually has two ids. Within a
 * session names are unique (sessionProblems compares them with nameKey), and
 * votes and the audit trail name members, so the name says who a member is;
 * one id is one person as well. The entry kept for a person is the one in
 * the newest session still open (a finalized session is not opened on the
 * stream, so acting as its id reaches nothing), its id and its role.
 */
import type { CommitteeMember, Session } from '../domain';
import { nameKey } from '../rules/record-name';

export function cycleCommittee(sessions: readonly Pick<Session, 'members' | 'status' | 'createdAt'>[]): CommitteeMember[] {
  const rank = (s: Pick<Session, 'status'>) => (s.status === 'finalized' ? 1 : 0);
  const preferred = [...sessions].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
  const ids = new Set<string>();
  const names = new Set<string>();
  const people: CommitteeMember[] = [];
  for (const s of preferred)
    for (const m of s.members) {
      const name = nameKey(m.name);
      if (ids.has(m.id) || names.has(name)) continue;
      ids.add(m.id);
      names.add(name);
      people.push(m);
    }
  return people;
}
