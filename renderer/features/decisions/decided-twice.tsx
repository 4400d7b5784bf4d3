/**
 * Candidates a cycle's sessions decided more than once
 * (shared/rules/session-candidates.ts decidedInSeveralSessions): recorded
 * before a second decision was refused. The Decisions page says how many
 * over its tables, and marks each such row with the other session, so the
 * chair and HR do not export two answers for one candidate unawares. A blind
 * session is not named beside another session's row: the pair would tie a
 * pseudonym to a name.
 */
import type { Session } from '../../../shared/domain';
import { plural } from '../../../shared/util/plural';

export function DecidedTwiceNotice({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <div className="decided-twice-notice" role="note">
      <p>
        <strong>{plural(count, 'candidate')} decided in more than one session of this cycle</strong>, which allows one decision per candidate. Each
        such row is marked below; each session's CSV and decision book still gives its own decision.
      </p>
      <p>They were recorded before Levelset refused a second decision. To keep one, reopen the other session and change its decision to Defer.</p>
    </div>
  );
}

/** The words beside a row decided in another session too, or null. */
export function alsoDecidedIn(twice: ReadonlyMap<string, readonly string[]>, sessions: ReadonlyMap<string, Pick<Session, 'name' | 'blind'>>, candidateId: string, session: Pick<Session, 'id' | 'blind'>): string | null {
  const others = (twice.get(candidateId) ?? []).filter((id) => id !== session.id);
  if (others.length === 0) return null;
  if (session.blind) return 'Also decided in another session';
  const names = others.map((id) => sessions.get(id)).map((s) => (s && !s.blind ? s.name : 'another session'));
  return `Also decided in ${[...new Set(names)].join(', ')}`;
}

export function DecidedTwiceTag({ text }: { text: string | null }) {
  return text === null ? null : <span className="decided-twice">{text}</span>;
}
