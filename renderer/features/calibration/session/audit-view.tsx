/**
 * The session's audit trail: every entry about the session, its votes and
 * its decisions (their ids start with the session id), newest first, with
 * the time in the user's locale, the actor, the action, the candidate (by
 * the names the session shows) and the change as compact text. "Verify
 * audit trail" checks every device's hash chain and replays the whole trail
 * against the stored records.
 */
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { entryCandidates, isSilentPreVote, memberOfEntry } from '../../../../shared/calibration/session-audit';
import { describeVerification } from '../../../../shared/audit/verify-text';
import type { Framework } from '../../../../shared/domain';
import { levelOf } from '../../../../shared/domain/level-lookup';
import { useSessionAudit, verifyTrail, type SessionAuditEntry } from '../../../db/session-hooks';
import { compactValue, longTexts } from './audit-text';
import { formatInstant } from '../../../components/dates';
import { criterionCodes } from './labels';
import type { SessionData } from '../use-session-data';
import { StatusAction } from '../../../components/status-action';

export function AuditTable({
  entries,
  data,
  names,
  caption,
  showCandidate = true,
}: {
  entries: readonly SessionAuditEntry[];
  data: SessionData;
  names: BlindNames;
  caption: string;
  showCandidate?: boolean;
}) {
  const codes = criterionCodes(data.framework);
  const candidateOf = entryCandidates(data.session);
  return (
    <table className="data-table compact session-audit">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          {showCandidate ? <th scope="col">Candidate</th> : null}
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const candidateId = candidateOf(e.entityId);
          const member = memberOfEntry(data.session, e, candidateId);
          return (
            <tr key={e.id}>
              {/* Words wrap between words only ("Comm|ittee chair" and "3:39:2|9 AM" broke inside them at 1024 px). */}
              <td className="words">
                <time dateTime={e.at}>{formatInstant(e.at, { seconds: true })}</time>
                <span className="muted session-audit-seq"> #{e.seq}</span>
              </td>
              <td className="words">{e.actor}</td>
              <td className="words">
                {e.action}
                {member ? <span className="muted"> · {member}</span> : null}
              </td>
              {showCandidate ? (
                <td className="words">
                  {candidateId ? names.candidate(candidateId) : e.revisions ? [...new Set(e.revisions.map((r) => names.candidate(r.candidateId)))].join(', ') : <span className="muted">{e.entityType === 'profile' ? 'Signing name' : 'Session'}</span>}
                </td>
              ) : null}
              <td className="session-audit-change">
                {e.revisions ? <RevisionsLine revisions={e.revisions} framework={data.framework} named={e.revisions.length > 1 ? names.candidate : null} /> : null}
                {isSilentPreVote(data.session, e, candidateId) ? (
                  <span className="muted">Hidden until the pre-votes are revealed</span>
                ) : e.before === null || e.before === undefined ? null : (
                  <>
                    <span>{compactValue(e.before, data.framework, codes)}</span>
                    <span aria-label="changed to"> → </span>
                  </>
                )}
                {isSilentPreVote(data.session, e, candidateId) ? null : (
                  <>
                    <span>{compactValue(e.after, data.framework, codes)}</span>
                    <FullText before={e.before} after={e.after} />
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What a submission or an import since the session began changed for the committee: the revision it reviews from then on. */
function RevisionsLine({ revisions, framework, named }: { revisions: NonNullable<SessionAuditEntry['revisions']>; framework: Pick<Framework, 'levels'>; named: ((candidateId: string) => string) | null }) {
  const level = (id: string | null) => levelOf(framework, id);
  const text = revisions
    .map((r) => {
      const l = level(r.targetLevelId);
      return `${named ? `${named(r.candidateId)}: ` : ''}revision ${r.revision} submitted${l ? `, for ${l.code} ${l.title}` : ''}`;
    })
    .join('; ');
  return <span className="session-audit-revision">{`${text[0]!.toUpperCase()}${text.slice(1)}. `}</span>;
}

/** The free text the change shortened, whole, behind "Full text" (closed by default). */
function FullText({ before, after }: { before: unknown; after: unknown }) {
  const parts = [...longTexts(before).map((t) => ({ ...t, when: 'Before' })), ...longTexts(after).map((t) => ({ ...t, when: 'After' }))];
  if (parts.length === 0) return null;
  return (
    <details className="session-audit-full">
      <summary>Full text</summary>
      <dl>
        {parts.map((p) => (
          <div key={`${p.when} ${p.field}`}>
            <dt>
              {p.when}, {p.field}
            </dt>
            <dd className="decision-prose">{p.text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Verify, in the session's Audit tab as on the About page: one control (StatusAction), its outcome in words. */
export function VerifyAuditButton() {
  return <StatusAction label="Verify audit trail" busyLabel="Verifying…" run={async () => describeVerification(await verifyTrail())} align="end" />;
}

export function AuditView({ data, names }: { data: SessionData; names: BlindNames }) {
  const entries = useSessionAudit(data);
  return (
    <section className="session-audit-view" aria-labelledby="session-audit-title">
      <div className="session-audit-head">
        <div>
          <h2 id="session-audit-title">Audit trail</h2>
          <p className="muted">
            Every change to this session, its votes and its decisions, newest first; since it began, each submission or import that brought a new revision of a candidate’s packet, and any change to the name entries are signed with. Entries are hash-chained per device: editing or removing one breaks the chain.
          </p>
        </div>
        <VerifyAuditButton />
      </div>
      {entries === undefined ? (
        <p className="loading">Loading the audit trail…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No entries yet.</p>
      ) : (
        <AuditTable entries={entries} data={data} names={names} caption={`Audit trail of ${data.session.name}, newest first`} />
      )}
    </section>
  );
}
