/**
 * A new calibration session: its name, the committee (at least one chair),
 * which candidates it reviews (target levels by track, narrowed by track,
 * manager and team; submitted packets only unless drafts are included), the
 * review order (by level, or shuffled with a seeded shuffle whose result is
 * stored as the order), the timebox and blind mode. Eligibility and order are
 * the shared rules in shared/rules/session-candidates.ts. Problems come from
 * sessionProblems and sit beside the field they are about.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { compareNames } from '../../../../shared/calibration/common';
import type { Candidate, CommitteeMember } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain/ids';
import { currentPacketByCandidate } from '../../../../shared/rules/current-packet';
import { eligibleCandidates, reviewOrder } from '../../../../shared/rules/session-candidates';
import { hrefFor } from '../../../app/routes';
import { PageHeader } from '../../../components/page-header';
import { Loading } from '../../../components/loading';
import { commands } from '../../../db/commands';
import { useSessionCandidates } from '../../../db/session-hooks';
import { sessionProblems, type NewSession } from '../../../db/sessions';
import { useCycleContext } from '../../../db/use-cycle-context';
import { useUiStore } from '../../../state/ui-store';
import { NoCycle } from '../../no-cycle';
import { ROLE_LABEL, levelsByTrack, plural } from './labels';
import './session.css';

type OrderChoice = 'by-level' | 'shuffled';
type ProblemKey = keyof ReturnType<typeof sessionProblems>;

interface Filters {
  levelIds: string[];
  trackId: string;
  manager: string;
  team: string;
  includeDrafts: boolean;
}

function matches(c: Candidate, f: Filters, trackOf: Map<string, string>): boolean {
  if (f.levelIds.length > 0 && !f.levelIds.includes(c.targetLevelId ?? '')) return false;
  if (f.trackId && trackOf.get(c.targetLevelId ?? '') !== f.trackId) return false;
  if (f.manager && c.manager !== f.manager) return false;
  if (f.team && c.team !== f.team) return false;
  return true;
}

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
  const [filters, setFilters] = useState<Filters>({ levelIds: [], trackId: '', manager: '', team: '', includeDrafts: false });
  const [order, setOrder] = useState<OrderChoice>('by-level');
  // The shuffle's seed: the time the form opened, re-drawn by "Shuffle again". The resulting order is what is stored.
  const [seed, setSeed] = useState(() => Date.now() >>> 0);
  const [timebox, setTimebox] = useState('10');
  const [blind, setBlind] = useState(true);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);

  const framework = context?.framework ?? null;
  const packets = useMemo(() => currentPacketByCandidate(rows?.packets ?? []), [rows]);
  const trackOf = useMemo(() => new Map((framework?.levels ?? []).map((l) => [l.id, l.trackId])), [framework]);
  const pool = useMemo(() => eligibleCandidates(rows?.candidates ?? [], rows?.packets ?? [], { includeDrafts: filters.includeDrafts }), [rows, filters.includeDrafts]);
  const chosen = useMemo(
    () => (framework ? reviewOrder(framework, pool.filter((c) => matches(c, filters, trackOf)), order, seed) : []),
    [framework, pool, filters, trackOf, order, seed],
  );

  if (context === undefined || (context && rows === undefined)) return <Loading what="the new session form" />;
  if (context === null || !rows) return <NoCycle what="calibration sessions" />;
  if (!framework) return <p className="field-error">The framework version of {context.cycle.name} is missing.</p>;

  const input: NewSession = {
    cycleId: context.cycle.id,
    name,
    members: members.map((m) => ({ ...m, name: m.name.trim() })),
    candidateIds: chosen.map((c) => c.id),
    orderMode: order,
    timeboxMinutes: timebox.trim() === '' ? Number.NaN : Number(timebox),
    blind,
  };
  const problems = sessionProblems(input);
  const managers = [...new Set(pool.map((c) => c.manager))].sort(compareNames);
  const teams = [...new Set(pool.map((c) => c.team).filter(Boolean))].sort(compareNames);
  const countByLevel = new Map<string, number>();
  for (const c of pool) countByLevel.set(c.targetLevelId ?? '', (countByLevel.get(c.targetLevelId ?? '') ?? 0) + 1);

  const fieldId = (key: string) => `${formId}-${key}`;
  const invalid = (key: ProblemKey) => (showErrors && problems[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(key)}-error` } : {});
  const describedBy = (key: ProblemKey) => (showErrors && problems[key] ? { 'aria-describedby': `${fieldId(key)}-error`, className: 'session-fieldset session-fieldset-invalid' } : { className: 'session-fieldset' });
  const error = (key: ProblemKey) =>
    showErrors && problems[key] ? (
      <span className="field-error" id={`${fieldId(key)}-error`}>
        {problems[key]}
      </span>
    ) : null;

  function setMember(id: string, patch: Partial<CommitteeMember>) {
    setMembers((all) => all.map((m) => (m.id === id ? { ...m, ...patch } : m)));
  }

  function toggleLevel(levelId: string, on: boolean) {
    setFilters((f) => ({ ...f, levelIds: on ? [...f.levelIds, levelId] : f.levelIds.filter((id) => id !== levelId) }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      setShowErrors(true);
      const first = (['name', 'members', 'candidateIds', 'timeboxMinutes'] as const).find((k) => problems[k]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await commands.createSession(input, new Date().toISOString());
      announce(`Created ${session.name}: ${plural(session.candidateIds.length, 'candidate')} to review.`);
      window.location.hash = hrefFor('calibration', session.id);
    } catch (e) {
      announce(`Could not create the session: ${e instanceof Error ? e.message : String(e)}`, 'error');
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
            <input type="text" id={fieldId('name')} {...invalid('name')} value={name} onChange={(e) => setName(e.target.value)} placeholder="Engineering calibration, week 1" />
            {error('name')}
          </div>
        </div>

        <fieldset id={fieldId('members')} tabIndex={-1} {...describedBy('members')}>
          <legend>Committee</legend>
          <p className="field-hint">The chair reveals names in blind mode and finalizes the session. Every member gets a pre-vote and a final vote.</p>
          <table className="session-members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m, i) => (
                <tr key={m.id}>
                  <td>
                    <input
                      type="text"
                      aria-label={`Member ${i + 1} name`}
                      aria-invalid={showErrors && problems.members && !m.name.trim() ? true : undefined}
                      value={m.name} onChange={(e) => setMember(m.id, { name: e.target.value })} />
                  </td>
                  <td>
                    <select aria-label={`Member ${i + 1} role`} value={m.role} onChange={(e) => setMember(m.id, { role: e.target.value as CommitteeMember['role'] })}>
                      {(Object.keys(ROLE_LABEL) as CommitteeMember['role'][]).map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small button-quiet-danger"
                      aria-label={`Remove member ${i + 1}${m.name.trim() ? ` (${m.name.trim()})` : ''}`}
                      disabled={members.length === 1}
                      onClick={() => setMembers((all) => all.filter((x) => x.id !== m.id))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button button-small" onClick={() => setMembers((all) => [...all, { id: newId(), name: '', role: 'member' }])}>
            Add member
          </button>
          {error('members')}
        </fieldset>

        <fieldset id={fieldId('candidateIds')} tabIndex={-1} {...describedBy('candidateIds')}>
          <legend>Candidates to review</legend>
          <p className="field-hint">Choose target levels; leave them all unticked to review every level. Narrow by track, manager or team.</p>
          <div className="session-levels">
            {levelsByTrack(framework).map((t) => (
              <fieldset key={t.trackId} className="session-level-group">
                <legend>{t.trackName}</legend>
                {t.levels.map((l) => (
                  <label key={l.id} className="checkbox">
                    <input type="checkbox" checked={filters.levelIds.includes(l.id)} onChange={(e) => toggleLevel(l.id, e.target.checked)} />
                    {l.code} {l.title} <span className="muted">({countByLevel.get(l.id) ?? 0})</span>
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
          <div className="session-filters">
            <label>
              Track
              <select value={filters.trackId} onChange={(e) => setFilters((f) => ({ ...f, trackId: e.target.value }))}>
                <option value="">Any track</option>
                {framework.tracks.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Manager
              <select value={filters.manager} onChange={(e) => setFilters((f) => ({ ...f, manager: e.target.value }))}>
                <option value="">Any manager</option>
                {managers.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Team
              <select value={filters.team} onChange={(e) => setFilters((f) => ({ ...f, team: e.target.value }))}>
                <option value="">Any team</option>
                {teams.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={filters.includeDrafts} onChange={(e) => setFilters((f) => ({ ...f, includeDrafts: e.target.checked }))} />
            Also include candidates whose packet is not submitted yet
          </label>
          <p className="session-count" role="status">
            <strong>{plural(chosen.length, 'candidate')}</strong> will be reviewed{filters.includeDrafts ? '' : ' (submitted packets only)'}.
          </p>
          {chosen.length > 0 ? (
            <details className="session-chosen">
              <summary>Show the review order</summary>
              {blind ? <p className="field-hint">Blind session: names are hidden here too; each candidate gets a pseudonym when the session is created.</p> : null}
              <ol>
                {chosen.map((c, i) => (
                  <li key={c.id}>
                    {blind ? `Candidate ${i + 1}` : c.name} <span className="muted">· {framework.levels.find((l) => l.id === c.targetLevelId)?.code ?? '—'}</span>
                    {packets.get(c.id)?.status === 'submitted' ? null : <span className="tag">{packets.get(c.id) ? 'Draft packet' : 'No packet'}</span>}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {error('candidateIds')}
        </fieldset>

        <fieldset className="session-fieldset">
          <legend>Order</legend>
          <label className="checkbox">
            <input type="radio" name={`${formId}-order`} checked={order === 'by-level'} onChange={() => setOrder('by-level')} />
            By level (track, then level, then name)
          </label>
          <label className="checkbox">
            <input type="radio" name={`${formId}-order`} checked={order === 'shuffled'} onChange={() => setOrder('shuffled')} />
            Shuffled, so no one is always discussed first or last
          </label>
          {order === 'shuffled' ? (
            <p className="field-hint">
              The shuffled order is stored with the session and stays the same after a reload.{' '}
              <button type="button" className="button button-small" onClick={() => setSeed((s) => (s + 0x9e3779b9) >>> 0)}>
                Shuffle again
              </button>
            </p>
          ) : null}
        </fieldset>

        <div className="form-grid">
          <label htmlFor={fieldId('timeboxMinutes')}>Timebox (minutes)</label>
          <div>
            <input
              type="number"
              className="session-number"
              id={fieldId('timeboxMinutes')}
              min={1}
              max={240}
              step={1}
              {...invalid('timeboxMinutes')}
              value={timebox}
              onChange={(e) => setTimebox(e.target.value)}
            />
            <span className="field-hint">Per candidate. The presenter shows the time spent; it only turns into a warning once the timebox is over.</span>
            {error('timeboxMinutes')}
          </div>
        </div>

        <label className="checkbox">
          <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} aria-describedby={`${fieldId('blind')}-hint`} />
          Blind mode
        </label>
        <p className="field-hint session-blind-hint" id={`${fieldId('blind')}-hint`}>
          Candidates appear under stable pseudonyms (“Cobalt Heron”) everywhere, the window title included, and managers and group attributes are not shown, so the committee judges the
          evidence rather than the person or their advocate. The chair can reveal names later; the reveal is recorded in the audit trail.
        </p>

        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Creating…' : 'Create session'}
        </button>
      </form>
    </>
  );
}
