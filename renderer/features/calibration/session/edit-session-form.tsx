/**
 * The chair's edit of a live session's details (`#/calibration/<id>/edit`):
 * its name, its committee and its timebox, for a misspelt name, a member
 * who joins or cannot come, a longer discussion. The candidates and their
 * order stay as they are (a candidate decided elsewhere is taken out from
 * the review). Saved through editSessionDetails: checked like a new
 * session's (sessionProblems), audited as a session change. Not offered
 * once finalized. In a connected session only the chair's app offers it,
 * for the name and timebox (the committee stays as connected; the chair's
 * app sends the change to every member). A blind session's name is shown as
 * its page shows it, names withheld; left as shown, the stored name is kept.
 */
import { useId, useState, type FormEvent } from 'react';
import type { CommitteeMember } from '../../../../shared/domain';
import { connectedEditRefusal, withCycleMemberIds } from '../../../../shared/connected/committee';
import { andList } from '../../../../shared/util/plural';
import { couldNot } from '../../../../shared/util/error-message';
import { hrefFor, navigateTo } from '../../../app/routes';
import { PageHeader } from '../../../components/page-header';
import { commands } from '../../../db/app-commands';
import { useCycleSessions, type SessionSummary } from '../../../db/cycle-hooks';
import { sessionProblems } from '../../../db/session-input';
import { useUiStore } from '../../../state/ui-store';
import { useSessionData, type SessionData } from '../use-session-data';
import { SessionGate } from '../views/session-gate';
import { CommitteeFields, CommitteeFixed } from './committee-fields';
import { fieldProblems, focusFirstProblem } from './session-form-fields';
import './session.css';

export function EditSessionPage({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const sessions = useCycleSessions(data?.cycle.id);
  if (!data || !sessions) return <SessionGate data={data === null ? null : undefined} what="the session" />;
  const back = hrefFor('calibration', sessionId);
  const notHere = connectedEditRefusal(data.connected?.connection.identity, data.session.members);
  if (data.session.status === 'finalized' || notHere) {
    return (
      <>
        <PageHeader title={data.session.name} />
        <p>{notHere ?? 'A finalized session cannot be changed. Reopen it first (the reopening is recorded with its reason).'}</p>
        <a className="button button-secondary" href={back}>
          Back to the session
        </a>
      </>
    );
  }
  return <EditSessionForm key={data.session.id} data={data} others={sessions.filter((s) => s.id !== sessionId)} />;
}

function EditSessionForm({ data, others }: { data: SessionData; others: SessionSummary[] }) {
  const { session } = data;
  const formId = useId();
  const announce = useUiStore((s) => s.announce);
  const [name, setName] = useState(session.name);
  const [members, setMembers] = useState<CommitteeMember[]>(session.members);
  const [timebox, setTimebox] = useState(String(session.timeboxMinutes));
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const back = hrefFor('calibration', session.id);

  const input = {
    cycleId: session.cycleId,
    name,
    // A member added here who sits on another of the cycle's committees takes their id there: one person, one member,
    // across its sessions. Members of this session keep theirs, even taken off and added back (their votes here are under it).
    // A connected session's committee is sent as stored (connectedEditRefusal compares it with the stored one).
    members: data.connected ? session.members : withCycleMemberIds(members.map((m) => ({ ...m, name: m.name.trim() })), others, session.members),
    candidateIds: session.candidateIds,
    orderMode: session.orderMode,
    timeboxMinutes: timebox.trim() === '' ? Number.NaN : Number(timebox),
    blind: session.blind,
  };
  const problems = sessionProblems(input, others.map((s) => s.name));
  const fields = fieldProblems(formId, problems, showErrors);
  const { fieldId, field, error } = fields;
  // Members taken off keep their votes in storage, left out of the tally until they are added back (updateSession).
  const votedOff = session.members.filter((m) => !members.some((x) => x.id === m.id) && data.votes.some((v) => v.memberId === m.id)).map((m) => m.name);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      setShowErrors(true);
      focusFirstProblem(problems, ['name', 'members', 'timeboxMinutes'], input.members, fields);
      return;
    }
    setBusy(true);
    try {
      // A blind session's name as shown (names withheld) and left so: the stored name stays.
      const kept = session.blind && name.trim() === session.name.trim() ? null : name;
      await commands.editSessionDetails(session.id, { name: kept, members: input.members, timeboxMinutes: input.timeboxMinutes }, new Date().toISOString());
      announce(`Saved the details of ${kept === null ? session.name : name.trim()}.`);
      navigateTo(back);
    } catch (e) {
      announce(couldNot('save the session’s details', e), 'error');
      setBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <a href={back}>← {session.name}</a>
      </p>
      <PageHeader title="Edit session details" subtitle={`${session.name} · ${data.cycle.name}`} />
      <form className="form-card session-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`}>Session</h2>
        <div className="form-grid">
          <label htmlFor={fieldId('name')}>Name</label>
          <div>
            <input type="text" {...field('name', session.blind ? `${fieldId('name')}-hint` : undefined)} value={name} onChange={(e) => setName(e.target.value)} />
            {session.blind ? (
              <span className="field-hint" id={`${fieldId('name')}-hint`}>
                Shown as the blind session shows it. Left as it is, the name is kept as it was saved.
              </span>
            ) : null}
            {error('name')}
          </div>
        </div>

        {data.connected ? <CommitteeFixed members={session.members} /> : <CommitteeFields members={members} setMembers={setMembers} fields={fields} />}
        {votedOff.length > 0 ? (
          <p className="field-hint session-voted-off" role="note">
            {andList(votedOff)} {votedOff.length === 1 ? 'has' : 'have'} recorded votes in this session. Taken off the committee, those votes are left out of the tally; they count again if
            added back.
          </p>
        ) : null}

        <div className="form-grid">
          <label htmlFor={fieldId('timeboxMinutes')}>Timebox (minutes)</label>
          <div>
            <input type="number" className="session-number" min={1} max={240} step={1} {...field('timeboxMinutes')} value={timebox} onChange={(e) => setTimebox(e.target.value)} />
            {error('timeboxMinutes')}
          </div>
        </div>

        <div className="detail-actions">
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Saving…' : 'Save details'}
          </button>
          <a className="button button-secondary" href={back}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
