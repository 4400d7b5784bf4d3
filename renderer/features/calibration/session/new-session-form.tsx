/**
 * A new calibration session: its name, the committee (at least one chair),
 * which candidates it reviews (target levels by track, narrowed by track,
 * manager and team; submitted packets only unless drafts are included), the
 * review order (by level, or shuffled with a seeded shuffle whose result is
 * stored as the order; a blind session's by pseudonym within a level, never
 * by name), the timebox and blind mode. Eligibility and order are
 * the shared rules in shared/rules/session-candidates.ts. Problems come from
 * sessionProblems and sit beside the field they are about.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { CommitteeMember } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain/ids';
import { withCycleMemberIds } from '../../../../shared/connected/committee';
import { shownSessionName } from '../../../../shared/calibration/blind';
import { reviewedPacketByCandidate } from '../../../../shared/rules/current-packet';
import { eligibleCandidates, reviewOrder, takenCandidates } from '../../../../shared/rules/session-candidates';
import { hrefFor, navigateTo } from '../../../app/routes';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/loading';
import { commands } from '../../../db/app-commands';
import { useSessionCandidates } from '../../../db/session-hooks';
import { useProfile } from '../../../db/profile-read';
import { sessionProblems, type NewSession } from '../../../db/session-input';
import { useCycleContext } from '../../../db/use-cycle-context';
import { useUiStore } from '../../../state/ui-store';
import { NoCycle } from '../../no-cycle';
import { CandidatePicker, NO_FILTERS, matchesFilters, type CandidateFilters } from './candidate-picker';
import { CommitteeFields } from './committee-fields';
import { plural } from './labels';
import { OrderFields, type OrderChoice } from './order-fields';
import { fieldProblems, focusFirstProblem } from './session-form-fields';
import './session.css';
import { couldNot } from '../../../../shared/util/error-message';

function blankMembers(): CommitteeMember[] {
  return [
    { id: newId(), name: '', role: 'chair' },
    { id: newId(), name: '', role: 'member' },
  ];
}

export function NewSessionForm() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const rows = useSessionCandidates(cycleId);
  const announce = useUiStore((s) => s.announce);
  const formId = useId();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<CommitteeMember[]>(blankMembers);
  // The chair's name starts as the profile's (the one who sets up a session usually chairs it), once the profile is read,
  // unless a name was typed already. A chair's trial typed their own name into every new session.
  const profile = useProfile();
  const [prefilled, setPrefilled] = useState(false);
  if (!prefilled && profile) {
    setPrefilled(true);
    setMembers((ms) => (ms[0]?.role === 'chair' && ms[0].name === '' ? [{ ...ms[0], name: profile.name }, ...ms.slice(1)] : ms));
  }
  const [filters, setFilters] = useState<CandidateFilters>(NO_FILTERS);
  const [order, setOrder] = useState<OrderChoice>('by-level');
  // The shuffle's seed: the time the form opened, re-drawn by "Shuffle again". The resulting order is what is stored.
  const [seed, setSeed] = useState(() => Date.now() >>> 0);
  const [timebox, setTimebox] = useState('10');
  const [blind, setBlind] = useState(true);
  // The session's id, chosen now: a blind session's review order follows the pseudonyms it will show, which derive from it.
  const [sessionId] = useState(newId);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);

  const framework = context?.framework ?? null;
  const packets = useMemo(() => reviewedPacketByCandidate(rows?.packets ?? []), [rows]);
  const trackOf = useMemo(() => new Map((framework?.levels ?? []).map((l) => [l.id, l.trackId])), [framework]);
  // Named as each session's page names it: a blind session's name with the names in it replaced.
  const taken = useMemo(() => takenCandidates((rows?.sessions ?? []).map((s) => ({ ...s, name: shownSessionName(s, rows?.candidates ?? []) })), rows?.decisions ?? []), [rows]);
  const pool = useMemo(
    // Left out: decided in a finalized session. One on another open session's list is offered (the chair may move
    // them), and the note says so: whichever session decides them first, the other cannot decide them again.
    () => eligibleCandidates(rows?.candidates ?? [], rows?.packets ?? [], { includeDrafts: filters.includeDrafts }).filter((c) => taken.get(c.id)?.reason !== 'decided'),
    [rows, filters.includeDrafts, taken],
  );
  const chosen = useMemo(
    () => (framework ? reviewOrder(framework, pool.filter((c) => matchesFilters(c, filters, trackOf)), order, seed, blind ? sessionId : undefined) : []),
    [framework, pool, filters, trackOf, order, seed, blind, sessionId],
  );

  if (context === undefined || (context && rows === undefined)) return <Loading what="the new session form" />;
  if (context === null || !rows) return <NoCycle what="calibration sessions" />;
  if (!framework) return <p className="field-error">The framework version of {context.cycle.name} is missing.</p>;

  const input: NewSession = {
    cycleId: context.cycle.id,
    name,
    // Someone already on one of the cycle's committees keeps their id: one person, one member, across its sessions.
    members: withCycleMemberIds(members.map((m) => ({ ...m, name: m.name.trim() })), rows.sessions),
    candidateIds: chosen.map((c) => c.id),
    orderMode: order,
    timeboxMinutes: timebox.trim() === '' ? Number.NaN : Number(timebox),
    blind,
  };
  const problems = sessionProblems(input, rows.sessions.map((s) => s.name));
  const fields = fieldProblems(formId, problems, showErrors);
  const { fieldId, field, error } = fields;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      setShowErrors(true);
      focusFirstProblem(problems, ['name', 'members', 'candidateIds', 'timeboxMinutes'], input.members, fields);
      return;
    }
    setBusy(true);
    try {
      const session = await commands.createSession(input, new Date().toISOString(), sessionId);
      // A blind session is named as its page names it: a name typed into its name is not shown to the room.
      announce(`Created ${shownSessionName(session, rows?.candidates ?? [])}: ${plural(session.candidateIds.length, 'candidate')} to review.`);
      navigateTo(hrefFor('calibration', session.id));
    } catch (e) {
      announce(couldNot('create the session', e), 'error');
      setBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <a href={hrefFor('calibration')}>← All sessions</a>
      </p>
      <PageHeader title="New calibration session" subtitle={`${context.cycle.name} · ${framework.name} v${framework.version}`} />
      <form className="form-card session-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`}>Session</h2>
        <div className="form-grid">
          <label htmlFor={fieldId('name')}>Name</label>
          <div>
            <input type="text" {...field('name')} value={name} onChange={(e) => setName(e.target.value)} placeholder="Engineering calibration, week 1" />
            {error('name')}
          </div>
        </div>

        <CommitteeFields members={members} setMembers={setMembers} fields={fields} />

        <CandidatePicker framework={framework} inCycle={rows.candidates.filter((c) => !c.archived).length} pool={pool} chosen={chosen} packets={packets} taken={taken} filters={filters} setFilters={setFilters} blind={blind} fields={fields} />

        <OrderFields order={order} setOrder={setOrder} reshuffle={() => setSeed((s) => (s + 0x9e3779b9) >>> 0)} blind={blind} />

        <div className="form-grid">
          <label htmlFor={fieldId('timeboxMinutes')}>Timebox (minutes)</label>
          <div>
            <input
              type="number"
              className="session-number"
              min={1}
              max={240}
              step={1}
              {...field('timeboxMinutes', `${fieldId('timeboxMinutes')}-hint`)}
              value={timebox}
              onChange={(e) => setTimebox(e.target.value)}
            />
            <span className="field-hint" id={`${fieldId('timeboxMinutes')}-hint`}>
              Per candidate. The presenter shows the time spent; it only turns into a warning once the timebox is over.
            </span>
            {error('timeboxMinutes')}
          </div>
        </div>

        <label className="checkbox">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} aria-describedby={`${fieldId('blind')}-hint`} />
          Blind mode
        </label>
        <p className="field-hint session-blind-hint" id={`${fieldId('blind')}-hint`}>
          Candidates, their managers, teams and groups appear under stable pseudonyms (“Cobalt Heron”, “Manager Yew”, “Team Calcite”, “Gender 42”) everywhere, the window title,
          the book and the CSV included, and names inside written text are replaced too, so the committee judges the evidence rather than the person or their advocate. Committee
          members keep their names. The chair can reveal names later; the reveal is recorded in the audit trail.
        </p>

        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Creating…' : 'Create session'}
        </button>
      </form>
    </>
  );
}
