/**
 * The candidate form's fields about the person: name, role, team and manager
 * (the last two suggesting the cycle's existing values), and time in level.
 */
import { CANDIDATE_LIMITS } from '../../../shared/domain';
import { CharCount } from '../../components/char-count';
import { useCandidateSuggestions } from '../../db/candidate-hooks';
import type { Draft } from './candidate-draft';
import type { CandidateFields } from './use-candidate-form';

interface Props {
  formId: string;
  cycleId: string;
  draft: Draft;
  field: CandidateFields['field'];
  error: CandidateFields['error'];
  update: (key: 'name' | 'role' | 'team' | 'manager' | 'timeInLevel', value: string) => void;
}

export function PersonFields({ formId, cycleId, draft, field, error, update }: Props) {
  const suggestions = useCandidateSuggestions(cycleId);
  return (
    <>
      <label htmlFor={`${formId}-name`}>Name</label>
      <div>
        <input type="text" {...field('name')} value={draft.name} onChange={(e) => update('name', e.target.value)} autoComplete="off" autoFocus />
        <CharCount length={draft.name.trim().length} max={CANDIDATE_LIMITS.name} problemShown={error('name') !== null} />
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
    </>
  );
}

/** Months in the current level: context for the committee, not a criterion. */
export function TimeInLevelField({ formId, draft, field, error, update }: Omit<Props, 'cycleId'>) {
  return (
    <>
      <label htmlFor={`${formId}-timeInLevel`}>Time in level</label>
      <div>
        <span className="months-input">
          {/* Text, not type="number": a number field hands over '' for "about 14", which saved as "Not given" without a word. */}
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
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
    </>
  );
}
