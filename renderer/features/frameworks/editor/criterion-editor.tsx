/** One criterion of a level: its text, competency and examples, with the checker's warnings beside it. */
import type { Competency, Criterion } from '../../../../shared/domain/framework';
import type { CriterionFinding } from '../../../../shared/frameworks/criteria-checker';
import { FieldMessages, ListField, SelectField, TextField, SrSuffix } from './fields';
import { focusAfterMove } from './editor-behaviour';
import { fieldId, useEditor } from './editor-context';

const KIND_LABEL: Record<CriterionFinding['kind'], string> = {
  vague: 'Vague wording',
  tenure: 'Rewards time served',
  'too-short': 'Too short',
};

const SHOWN_FIELDS = ['text', 'competencyId', 'examples'];

export function CriterionEditor({
  criterion,
  position,
  count,
  levelName,
  competencies,
  onRemoved,
}: {
  criterion: Criterion;
  /** 1-based position among the level's criteria. */
  position: number;
  count: number;
  levelName: string;
  competencies: readonly Competency[];
  onRemoved: () => void;
}) {
  const { submit, findings, issues, focusWhenReady } = useEditor();
  const name = `criterion ${position} of ${levelName}`;
  const textId = fieldId('criterion', criterion.id, 'text');
  const checks = findings.get(criterion.id) ?? [];
  const checksId = `${textId}-checks`;
  const rest = issues.rest('criterion', criterion.id, SHOWN_FIELDS);
  const upId = `move-up-${criterion.id}`;
  const downId = `move-down-${criterion.id}`;

  async function move(direction: 'up' | 'down') {
    const error = await submit({ type: 'move-criterion', criterionId: criterion.id, direction });
    if (error) return;
    focusWhenReady(focusAfterMove(direction, position, count, { up: upId, down: downId }));
  }

  return (
    <li className="editor-criterion">
      <TextField
        target={{ entity: 'criterion', id: criterion.id, field: 'text' }}
        label={
          <>
            Criterion {position}
            <SrSuffix>of {levelName}</SrSuffix>
          </>
        }
        value={criterion.text}
        multiline
        rows={2}
        onCommit={(text, group) => submit({ type: 'update-criterion', criterionId: criterion.id, patch: { text } }, { group })}
        extraId={checks.length > 0 ? checksId : undefined}
        extra={
          checks.length > 0 ? (
            <ul id={checksId} className="editor-checks">
              {checks.map((check, i) => (
                <li key={i}>
                  <strong>{KIND_LABEL[check.kind]}</strong>
                  {check.phrase && check.kind !== 'too-short' ? <> (“{check.phrase}”)</> : null}: {check.reason}
                </li>
              ))}
            </ul>
          ) : undefined
        }
      />
      <div className="editor-criterion-meta">
        <SelectField
          target={{ entity: 'criterion', id: criterion.id, field: 'competencyId' }}
          label={
            <>
              Competency<SrSuffix>of {name}</SrSuffix>
            </>
          }
          value={criterion.competencyId ?? ''}
          options={[{ value: '', label: 'No competency' }, ...competencies.map((c) => ({ value: c.id, label: c.name || 'Unnamed competency' }))]}
          onCommit={(value) => submit({ type: 'update-criterion', criterionId: criterion.id, patch: { competencyId: value === '' ? null : value } })}
        />
        <ListField
          target={{ entity: 'criterion', id: criterion.id, field: 'examples' }}
          label={
            <>
              Examples<SrSuffix>for {name}</SrSuffix>
            </>
          }
          items={criterion.examples}
          rows={2}
          onCommit={(examples, group) => submit({ type: 'update-criterion', criterionId: criterion.id, patch: { examples } }, { group })}
        />
      </div>
      {rest.length > 0 ? <FieldMessages id={`${textId}-row-issues`} issues={rest} /> : null}
      <div className="editor-row-actions">
        <button id={upId} type="button" className="button button-small" aria-label={`Move ${name} up`} disabled={position === 1} onClick={() => void move('up')}>
          Up
        </button>
        <button id={downId} type="button" className="button button-small" aria-label={`Move ${name} down`} disabled={position === count} onClick={() => void move('down')}>
          Down
        </button>
        <button
          type="button"
          className="button button-small button-quiet-danger"
          aria-label={`Remove ${name}`}
          onClick={() => void submit({ type: 'remove-criterion', criterionId: criterion.id }).then((error) => error === null && onRemoved())}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
