/**
 * The candidate form, for creating a candidate in the active cycle or
 * editing one: name, role, team, manager, current and target level (grouped
 * by track; the target may be on another track, and only promotions from the
 * current level are offered), time in level, and the
 * optional group attributes for fairness checks.
 */
import type { Candidate, Cycle, Framework, Packet } from '../../../shared/domain';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { hrefFor, navigateTo } from '../../app/routes';
import { useConfirmDialog } from '../../components/use-confirm-dialog';
import { useCandidatePage } from '../../db/candidate-hooks';
import { submittedCurrentLevelProblem, submittedLevelProblem } from '../../../shared/rules/current-packet';
import { useCycleContext } from '../../db/use-cycle-context';
import { useProfile } from '../../db/profile-read';
import { ownManagerName } from '../../../shared/rules/manager-names';
import { NoCycle } from '../no-cycle';
import { GroupAttributes } from './group-attributes';
import { LevelFields } from './level-fields';
import { PersonFields, TimeInLevelField } from './person-fields';
import { useCandidateForm } from './use-candidate-form';
import './candidates.css';

/** Before a second candidate with a name already in the cycle is added: who that is, and that Add again adds anyway. */
function NamesakeWarning({ name, others }: { name: string; others: Candidate[] }) {
  return (
    <div className="candidate-warning candidate-namesake" role="alert">
      <p>
        {others.length === 1 ? 'A candidate named' : `${others.length} candidates named`} “{name}” {others.length === 1 ? 'is' : 'are'} already in this cycle:
      </p>
      <ul>
        {others.map((c) => (
          <li key={c.id}>
            <a href={hrefFor('candidates', c.id)}>{c.name}</a>
            {c.manager ? `, managed by ${c.manager}` : ''}
            {c.team ? `, ${c.team}` : ''}
            {c.archived ? ' (archived)' : ''}
          </li>
        ))}
      </ul>
      <p>If this is someone else, press Add candidate again to add them.</p>
    </div>
  );
}

function CandidateFormBody({ cycle, framework, candidate, packet, manager }: { cycle: Cycle; framework: Framework | null; candidate: Candidate | null; packet: Packet | null; manager?: string }) {
  const form = useCandidateForm(cycle, framework, candidate, manager);
  const { formId, draft, update, field, error } = form;
  // Said once: as the hint while choosing, or as the refusal after a save (which says the same), not both.
  const submittedLevel =
    candidate !== null && packet?.status === 'submitted' && packet.targetLevelId !== draft.targetLevelId && !form.shows('targetLevelId')
      ? submittedLevelProblem(packet, framework)
      : null;
  const submittedFrom =
    candidate !== null && packet?.status === 'submitted' && candidate.currentLevelId !== draft.currentLevelId && !form.shows('currentLevelId')
      ? submittedCurrentLevelProblem(packet, candidate.currentLevelId, framework)
      : null;
  const cancelHref = candidate ? hrefFor('candidates', candidate.id) : hrefFor('candidates');
  const fields = { formId, draft, field, error, update };

  return (
    <>
      <PageHeader
        title={candidate ? `Edit ${candidate.name}` : 'Add candidate'}
        subtitle={`${cycle.name}${framework ? ` · judged against ${framework.name} v${framework.version}` : ''}`}
      />
      <form className="form-card candidate-form" onSubmit={(e) => void form.submit(e)} noValidate aria-label={candidate ? `Edit ${candidate.name}` : 'Add candidate'}>
        <div className="form-grid">
          <PersonFields cycleId={cycle.id} {...fields} />
          <LevelFields
            formId={formId}
            framework={framework}
            currentLevelId={draft.currentLevelId}
            targetLevelId={draft.targetLevelId}
            field={field}
            error={error}
            submittedLevel={submittedLevel}
            submittedFrom={submittedFrom}
            onCurrent={(v) => update('currentLevelId', v)}
            onTarget={form.chooseTarget}
          />
          <TimeInLevelField {...fields} />
        </div>
        <GroupAttributes rows={draft.groups} onChange={(rows) => update('groups', rows)} problem={form.groupsProblem} problemKey={form.groupsProblemKey} />
        {form.namesakes ? <NamesakeWarning name={draft.name.trim()} others={form.namesakes} /> : null}
        <div className="candidate-form-actions">
          <button type="submit" className="button button-primary" disabled={form.busy} aria-busy={form.busy}>
            {candidate ? 'Save changes' : 'Add candidate'}
          </button>
          <CancelLink href={cancelHref} kept={form.kept} what={candidate ? `Your changes to ${candidate.name}` : 'The candidate you started'} discard={form.discard} />
          {form.kept ? <span className="field-hint">Not saved yet: kept on this computer until you save or cancel.</span> : null}
        </div>
      </form>
    </>
  );
}

/** Cancel: with typing kept, asks first (a trial lost a filled-in form to one click), then drops it and goes back. */
function CancelLink({ href, kept, what, discard }: { href: string; kept: boolean; what: string; discard: () => void }) {
  const { ask, dialog } = useConfirmDialog();
  const leave = () => {
    discard();
    navigateTo(href);
  };
  return (
    <>
      <a
        className="button button-secondary"
        href={href}
        onClick={(e) => {
          e.preventDefault();
          if (!kept) return leave();
          ask({ title: 'Discard what you typed?', body: <p>{`${what} ${what.startsWith('Your') ? 'are' : 'is'} not saved and will be gone.`}</p>, confirmLabel: 'Discard', cancelLabel: 'Keep editing', onConfirm: leave });
        }}
      >
        Cancel
      </a>
      {dialog}
    </>
  );
}

/** `#/candidates/new`: a new candidate in the active cycle. */
export function NewCandidateForm() {
  const context = useCycleContext();
  const profile = useProfile();
  if (context === undefined || profile === undefined) return <Loading what="the form" />;
  if (context === null) return <NoCycle what="candidates" />;
  return <CandidateFormBody cycle={context.cycle} framework={context.framework} candidate={null} packet={null} manager={ownManagerName(profile)} />;
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
