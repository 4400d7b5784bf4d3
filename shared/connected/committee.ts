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

type SessionMembers = Pick<Session, 'members' | 'status' | 'createdAt'>;

/** The sessions, the newest still open first: whose entry stands for a person. */
function preferred(sessions: readonly SessionMembers[]): SessionMembers[] {
  const rank = (s: Pick<Session, 'status'>) => (s.status === 'finalized' ? 1 : 0);
  return [...sessions].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * A new session's members with the id each already has on the cycle's other
 * sessions (the same name, as nameKey compares them), so one person is one
 * member across the cycle: acting as them in connected mode reaches every
 * session they sit on. A member new to the cycle keeps the id drawn for them.
 * Editing a session, `own` is its committee as stored: a member on it keeps
 * their id, and one taken off and added back by name gets it back, since
 * their votes in that session are recorded under it (a swapped id left them
 * out of its tally).
 */
export function withCycleMemberIds<M extends CommitteeMember>(members: readonly M[], sessions: readonly SessionMembers[], own: readonly CommitteeMember[] = []): M[] {
  const ownIds = new Set(own.map((m) => m.id));
  const idOf = new Map<string, string>();
  for (const s of [{ members: own }, ...preferred(sessions)]) for (const m of s.members) if (!idOf.has(nameKey(m.name))) idOf.set(nameKey(m.name), m.id);
  const used = new Set<string>(members.filter((m) => ownIds.has(m.id)).map((m) => m.id));
  return members.map((m) => {
    if (ownIds.has(m.id)) return m;
    const id = idOf.get(nameKey(m.name));
    const chosen = id !== undefined && !used.has(id) && m.name.trim() !== '' ? id : m.id;
    used.add(chosen);
    return chosen === m.id ? m : { ...m, id: chosen };
  });
}

export function cycleCommittee(sessions: readonly SessionMembers[]): CommitteeMember[] {
  const ids = new Set<string>();
  const names = new Set<string>();
  const people: CommitteeMember[] = [];
  for (const s of preferred(sessions))
    for (const m of s.members) {
      const name = nameKey(m.name);
      if (ids.has(m.id) || names.has(name)) continue;
      ids.add(m.id);
      names.add(name);
      people.push(m);
    }
  return people;
}

/**
 * Whom a connected app acts as, in words: the name its user gave, else the
 * name the cycle's committees give that member id (a member who joined gave
 * only the id; the chair's copy of the cycle names them), else the id.
 */
export function actingAsName(identity: { memberId: string; name: string }, committee: readonly Pick<CommitteeMember, 'id' | 'name'>[] | undefined): string {
  if (identity.name.trim() !== '' && identity.name !== identity.memberId) return identity.name;
  return committee?.find((m) => m.id === identity.memberId)?.name ?? identity.memberId;
}

/** Why a connected session's committee is not changed from Edit details (the form shows it beside the committee). */
export const CONNECTED_COMMITTEE_FIXED =
  'In a connected session the committee stays as the cycle connected it: each member’s app signs their votes as one of these members. The name and the timebox can change; your app sends them to every member.';

/** Why this app does not change a connected session's details: it is not the app of that session's chair. */
export const CONNECTED_CHAIR_ONLY = 'In a connected session only the chair’s app changes the session’s details; this app follows the chair’s.';

/**
 * Edit details in a connected cycle (null identity: not connected). Only the
 * app of the session's own chair changes it, since only that app sends the
 * change to the members (session.update, renderer/db/connected/local.ts
 * chairOpenSessions); and only its name and timebox, the committee as
 * stored. Null when the change may go ahead; `next` omitted asks only
 * whether this app may edit at all.
 */
export function connectedEditRefusal(identity: { role: string; memberId: string } | null | undefined, stored: readonly CommitteeMember[], next: readonly CommitteeMember[] = stored): string | null {
  if (!identity) return null;
  if (identity.role !== 'chair' || !stored.some((m) => m.id === identity.memberId && m.role === 'chair')) return CONNECTED_CHAIR_ONLY;
  const same = stored.length === next.length && stored.every((m, i) => m.id === next[i]?.id && m.name === next[i]?.name && m.role === next[i]?.role);
  return same ? null : CONNECTED_COMMITTEE_FIXED;
}
