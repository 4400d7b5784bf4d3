/**
 * The candidate form, for creating a candidate in the active cycle or
 * editing one: name, role, team, manager, current and target level (grouped
 * by track; the target may be on another track, and only promotions from the
 * current level are offered), time in level, and the
 * optional group attributes for fairness checks.
 */
import { CharCount } from '../../components/char-count';
import { useId, useState, type FormEvent } from 'react';
import { CANDIDATE_LIMITS, type Candidate, type Cycle, type Framework, type Packet } from '../../../shared/domain';
import { levelsOfTrack } from '../../../shared/domain/framework';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { hrefFor, navigateTo } from '../../app/routes';
import { useCandidatePage, useCandidateSuggestions } from '../../db/candidate-hooks';
import { CandidateInvalidError, candidateProblems, type CandidateInput, type CandidateProblems } from '../../db/candidates';
import { commands } from '../../db/commands';
import { useCycleContext } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { NoCycle } from '../no-cycle';
import { GroupAttributes, groupsFromRows, rowsFromGroups, type GroupRow } from './group-attributes';
import { LevelFields } from './level-fields';
import './candidates.css';

interface Draft {
  name: string;
  role: string;
  team: string;
  manager: string;
  currentLevelId: string;
  targetLevelId: string;
  timeInLevel: string;
  groups: GroupRow[];
}

function draftOf(candidate: Candidate | null): Draft {
  return {
    name: candidate?.name ?? '',
    role: candidate?.role ?? '',
    team: candidate?.team ?? '',
    manager: candidate?.manager ?? '',
    currentLevelId: candidate?.currentLevelId ?? '',
    targetLevelId: candidate?.targetLevelId ?? '',
    timeInLevel: candidate ? String(candidate.timeInLevelMonths) : '',
    groups: candidate ? rowsFromGroups(candidate.groups) : [],
  };
}

function toInput(draft: Draft): CandidateInput {
  return {
    name: draft.name,
    role: draft.role,
    team: draft.team,
    manager: draft.manager,
    currentLevelId: draft.currentLevelId,
    targetLevelId: draft.targetLevelId,
    timeInLevelMonths: draft.timeInLevel.trim() === '' ? 0 : Number(draft.timeInLevel),
    groups: groupsFromRows(draft.groups).groups,
  };
}

/** The next level up on the same track, the usual target; null at the top. */
function nextLevel(framework: Framework | null, levelId: string): string | null {
  const level = framework?.levels.find((l) => l.id === levelId);
  if (!framework || !level) return null;
  return levelsOfTrack(framework, level.trackId).find((l) => l.order > level.order && !l.optional)?.id ?? null;
}

const ORDER: Array<keyof Draft> = ['name', 'role', 'team', 'manager', 'currentLevelId', 'targetLevelId', 'timeInLevel'];

function CandidateFormBody({ cycle, framework, candidate, packet }: { cycle: Cycle; framework: Framework | null; candidate: Candidate | null; packet: Packet | null }) {
  const formId = useId();
  const announce = useUiStore((s) => s.announce);
  const [draft, setDraft] = useState<Draft>(() => draftOf(candidate));
  const [targetTouched, setTargetTouched] = useState(candidate !== null);
  const [showErrors, setShowErrors] = useState(false);
  const [serverProblems, setServerProblems] = useState<CandidateProblems>({});
  const [busy, setBusy] = useState(false);
  const suggestions = useCandidateSuggestions(cycle.id);

  const input = toInput(draft);
  const groupCheck = groupsFromRows(draft.groups);
  const found: CandidateProblems = { ...candidateProblems(input, framework), ...serverProblems };
  const problems: Partial<Record<keyof Draft, string>> = {
    name: found.name,
    manager: found.manager,
    currentLevelId: found.currentLevelId,
    targetLevelId: found.targetLevelId,
    timeInLevel: found.timeInLevelMonths,
    groups: groupCheck.problem ?? found.groups,
  };
  // A target that is not a promotion from the current level is said at once (changing the current level can make it so).
  const shown = (key: keyof Draft) => (showErrors || (key === 'targetLevelId' && draft.targetLevelId && draft.currentLevelId) ? problems[key] : undefined);

  function update<K extends keyof Draft>(key: K, value: Draft[K]) {
    setServerProblems({});
    setDraft((d) => {
      const next = { ...d, [key]: value };
      // The target follows the current level (one up, same track) until the user picks it.
      if (key === 'currentLevelId' && !targetTouched) next.targetLevelId = nextLevel(framework, String(value)) ?? '';
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const blocking = ORDER.filter((k) => problems[k]);
    if (blocking.length > 0 || problems.groups) {
      setShowErrors(true);
      const first = blocking[0];
      (first ? document.getElementById(`${formId}-${first}`) : document.querySelector<HTMLElement>('.group-attributes input'))?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await commands.saveCandidate({ ...input, id: candidate?.id, cycleId: cycle.id }, new Date().toISOString());
      announce(candidate ? `Saved ${saved.name}.` : `Added ${saved.name}. Their draft packet is started; log their evidence below.`);
      navigateTo(hrefFor('candidates', saved.id));
    } catch (error) {
      if (error instanceof CandidateInvalidError) {
        setServerProblems(error.problems);
        setShowErrors(true);
      } else {
        announce(`Could not save the candidate: ${error instanceof Error ? error.message : String(error)}`, 'error');
      }
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Draft, hintId?: string) => ({
    id: `${formId}-${key}`,
    'aria-invalid': shown(key) ? true : undefined,
    'aria-describedby': [hintId, shown(key) ? `${formId}-${key}-error` : undefined].filter(Boolean).join(' ') || undefined,
  });
  const error = (key: keyof Draft) =>
    shown(key) ? (
      <span className="field-error" id={`${formId}-${key}-error`}>
        {shown(key)}
      </span>
    ) : null;

  const submittedKeepsLevel = candidate && packet?.status === 'submitted' && packet.targetLevelId !== draft.targetLevelId;
  const cancelHref = candidate ? hrefFor('candidates', candidate.id) : hrefFor('candidates');

  return (
    <>
      <PageHeader
        title={candidate ? `Edit ${candidate.name}` : 'Add candidate'}
        subtitle={`${cycle.name}${framework ? ` · judged against ${framework.name} v${framework.version}` : ''}`}
      />
      <form className="form-card candidate-form" onSubmit={(e) => void submit(e)} noValidate aria-label={candidate ? `Edit ${candidate.name}` : 'Add candidate'}>
        <div className="form-grid">
          <label htmlFor={`${formId}-name`}>Name</label>
          <div>
            <input type="text" {...field('name')} value={draft.name} onChange={(e) => update('name', e.target.value)} autoComplete="off" autoFocus />
            <CharCount length={draft.name.trim().length} max={CANDIDATE_LIMITS.name} />
            {error('name')}
          </div>
          <label htmlFor={`${formId}-role`}>Role</label>
          <div>
            <input type="text" {...field('role', `${formId}-role-hint`)} value={draft.role} onChange={(e) => update('role', e.target.value)} placeholder="Backend engineer" />
            <span className="field-hint" id={`${formId}-role-hint`}>
              Optional. What they do day to day, for example a team lead role held on top of the level.
            </span>
          </div>
          <label htmlFor={`${formId}-team`}>Team</label>
          <div>
            <input type="text" {...field('team')} value={draft.team} onChange={(e) => update('team', e.target.value)} list={`${formId}-teams`} />
            <datalist id={`${formId}-teams`}>
              {(suggestions?.teams ?? []).map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </div>
          <label htmlFor={`${formId}-manager`}>Manager</label>
          <div>
            <input type="text" {...field('manager')} value={draft.manager} onChange={(e) => update('manager', e.target.value)} list={`${formId}-managers`} />
            <datalist id={`${formId}-managers`}>
              {(suggestions?.managers ?? []).map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
            {error('manager')}
          </div>
          <LevelFields
            formId={formId}
            framework={framework}
            currentLevelId={draft.currentLevelId}
            targetLevelId={draft.targetLevelId}
            field={field}
            error={error}
            submittedKeepsLevel={!!submittedKeepsLevel}
            onCurrent={(v) => update('currentLevelId', v)}
            onTarget={(v) => {
              setTargetTouched(true);
              update('targetLevelId', v);
            }}
          />
          <label htmlFor={`${formId}-timeInLevel`}>Time in level</label>
          <div>
            <span className="months-input">
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={600}
                step={1}
                {...field('timeInLevel', `${formId}-time-hint`)}
                value={draft.timeInLevel}
                onChange={(e) => update('timeInLevel', e.target.value)}
              />
              <span>months</span>
            </span>
            <span className="field-hint" id={`${formId}-time-hint`}>
              Context for the committee only: time in level is not a promotion criterion.
            </span>
            {error('timeInLevel')}
          </div>
        </div>
        <GroupAttributes rows={draft.groups} onChange={(rows) => update('groups', rows)} problem={showErrors ? (problems.groups ?? null) : null} />
        <div className="candidate-form-actions">
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            {candidate ? 'Save changes' : 'Add candidate'}
          </button>
          <a className="button button-secondary" href={cancelHref}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}

/** `#/candidates/new`: a new candidate in the active cycle. */
export function NewCandidateForm() {
  const context = useCycleContext();
  if (context === undefined) return <Loading what="the form" />;
  if (context === null) return <NoCycle what="candidates" />;
  return <CandidateFormBody cycle={context.cycle} framework={context.framework} candidate={null} packet={null} />;
}

/** `#/candidates/<id>/edit`: edits the candidate against their own cycle's framework. */
export function EditCandidateForm({ id }: { id: string }) {
  // The form keeps its own draft (read once when it mounts), so a live update elsewhere never overwrites typing.
  const data = useCandidatePage(id);
  if (data === undefined) return <Loading what="the candidate" />;
  if (data === null || !data.cycle) {
    return (
      <>
        <PageHeader title="Candidate not found" />
        <p>
          This candidate is not in the database. <a href={hrefFor('candidates')}>Back to candidates</a>
        </p>
      </>
    );
  }
  return <CandidateFormBody key={id} cycle={data.cycle} framework={data.framework} candidate={data.candidate} packet={data.packet} />;
}
