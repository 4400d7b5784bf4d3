/** One level of a track: every field of the level, then its criteria. */
import { AutonomySchema, ScopeSchema, type Competency, type Criterion, type Level } from '../../../../shared/domain/framework';
import type { LevelPatch } from '../../../../shared/frameworks/edit-ops';
import { newId } from '../../../../shared/domain/ids';
import { useUiStore } from '../../../state/ui-store';
import { CheckboxField, FieldMessages, ListField, SelectField, TextField, SrSuffix } from './fields';
import { CriterionEditor } from './criterion-editor';
import { fieldId, useEditor } from './editor-context';
import { levelName } from './names';

const SHOWN_FIELDS = ['code', 'title', 'summary', 'scope', 'scopeDetail', 'autonomy', 'autonomyDetail', 'definingShift', 'notYet', 'examples', 'optional'];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const SCOPE_OPTIONS = [{ value: '', label: 'Not set' }, ...ScopeSchema.options.map((s) => ({ value: s, label: capitalise(s) }))];
const AUTONOMY_OPTIONS = [{ value: '', label: 'Not set' }, ...AutonomySchema.options.map((a) => ({ value: a, label: capitalise(a) }))];

export function LevelEditor({
  level,
  position,
  count,
  criteria,
  competencies,
  trackHeadingId,
}: {
  level: Level;
  /** 1-based position on the track. */
  position: number;
  count: number;
  criteria: readonly Criterion[];
  competencies: readonly Competency[];
  /** Where focus goes when this level is removed. */
  trackHeadingId: string;
}) {
  const { submit, issues, confirm, focusWhenReady } = useEditor();
  const announce = useUiStore((s) => s.announce);
  const name = levelName(level);
  const headingId = `level-${level.id}`;
  const upId = `move-up-${level.id}`;
  const downId = `move-down-${level.id}`;
  const addCriterionId = `add-criterion-${level.id}`;
  const rest = issues.rest('level', level.id, SHOWN_FIELDS);
  const label = (text: string) => (
    <>
      {text}
      <SrSuffix>of {name}</SrSuffix>
    </>
  );
  const update = (patch: LevelPatch, group?: string) => submit({ type: 'update-level', levelId: level.id, patch }, group ? { group } : {});
  const target = (field: string) => ({ entity: 'level' as const, id: level.id, field });

  async function move(direction: 'up' | 'down') {
    const error = await submit({ type: 'move-level', levelId: level.id, direction });
    if (error) return;
    const atEnd = direction === 'up' ? position - 1 === 1 : position + 1 === count;
    focusWhenReady(atEnd ? (direction === 'up' ? downId : upId) : direction === 'up' ? upId : downId);
  }

  async function addCriterion() {
    const id = newId();
    const error = await submit({ type: 'add-criterion', criterion: { id, levelId: level.id } });
    if (!error) focusWhenReady(fieldId('criterion', id, 'text'));
  }

  function remove() {
    confirm({
      title: `Remove ${name}?`,
      body: (
        <p>
          This removes {name} {level.title ? `(${level.title}) ` : ''}and its {criteria.length} {criteria.length === 1 ? 'criterion' : 'criteria'}, and any
          equivalence that names it. You can take it back with “Undo last change”.
        </p>
      ),
      confirmLabel: `Remove ${name}`,
      onConfirm: async () => {
        const error = await submit({ type: 'remove-level', levelId: level.id });
        if (error) return;
        announce(`Removed ${name}. Undo last change brings it back.`);
        focusWhenReady(trackHeadingId);
      },
    });
  }

  return (
    <li className="editor-level">
      <div className="editor-item-head">
        <h3 id={headingId}>
          <span className="level-code">{level.code || 'No code'}</span> {level.title}
          {level.optional ? <span className="tag">Optional</span> : null}
        </h3>
        <div className="editor-row-actions">
          <button id={upId} type="button" className="button button-small" aria-label={`Move ${name} up`} disabled={position === 1} onClick={() => void move('up')}>
            Up
          </button>
          <button id={downId} type="button" className="button button-small" aria-label={`Move ${name} down`} disabled={position === count} onClick={() => void move('down')}>
            Down
          </button>
          <button type="button" className="button button-small button-quiet-danger" aria-label={`Remove ${name}`} onClick={remove}>
            Remove
          </button>
        </div>
      </div>
      {rest.length > 0 ? <FieldMessages id={`${headingId}-issues`} issues={rest} /> : null}
      <div className="editor-grid">
        <TextField target={target('code')} label={label('Code')} value={level.code} className="editor-narrow" onCommit={(code, group) => update({ code }, group)} />
        <TextField target={target('title')} label={label('Title')} value={level.title} onCommit={(title, group) => update({ title }, group)} />
        <TextField
          target={target('summary')}
          className="editor-wide"
          label={label('Summary')}
          hint="One sentence that says what this level is."
          value={level.summary}
          multiline
          onCommit={(summary, group) => update({ summary }, group)}
        />
        <SelectField
          target={target('scope')}
          label={label('Scope')}
          value={level.scope ?? ''}
          options={SCOPE_OPTIONS}
          onCommit={(value) => update({ scope: value === '' ? undefined : ScopeSchema.parse(value) })}
        />
        <TextField target={target('scopeDetail')} label={label('Scope detail')} value={level.scopeDetail} multiline onCommit={(scopeDetail, group) => update({ scopeDetail }, group)} />
        <SelectField
          target={target('autonomy')}
          label={label('Autonomy')}
          value={level.autonomy ?? ''}
          options={AUTONOMY_OPTIONS}
          onCommit={(value) => update({ autonomy: value === '' ? undefined : AutonomySchema.parse(value) })}
        />
        <TextField
          target={target('autonomyDetail')}
          label={label('Autonomy detail')}
          value={level.autonomyDetail}
          multiline
          onCommit={(autonomyDetail, group) => update({ autonomyDetail }, group)}
        />
        <TextField
          target={target('definingShift')}
          className="editor-wide"
          label={label('Defining shift')}
          hint="What changes from the level below, in one line."
          value={level.definingShift}
          multiline
          onCommit={(definingShift, group) => update({ definingShift }, group)}
        />
        <ListField target={target('notYet')} label={label('Not yet')} items={level.notYet} onCommit={(notYet, group) => update({ notYet }, group)} />
        <ListField target={target('examples')} label={label('Examples')} items={level.examples} onCommit={(examples, group) => update({ examples }, group)} />
        <CheckboxField
          target={target('optional')}
          label={
            <>
              Optional level<SrSuffix>({name})</SrSuffix>: exists only in some organisations
            </>
          }
          checked={level.optional}
          onCommit={(optional) => update({ optional })}
        />
      </div>
      <div className="editor-criteria">
        <h4>Criteria</h4>
        {criteria.length === 0 ? <p className="muted">No criteria yet. Each criterion should describe something a person at this level does that evidence can show.</p> : null}
        <ol className="editor-criteria-list">
          {criteria.map((criterion, i) => (
            <CriterionEditor
              key={criterion.id}
              criterion={criterion}
              position={i + 1}
              count={criteria.length}
              levelName={name}
              competencies={competencies}
              onRemoved={() => {
                announce(`Removed criterion ${i + 1} of ${name}. Undo last change brings it back.`);
                focusWhenReady(addCriterionId);
              }}
            />
          ))}
        </ol>
        <button id={addCriterionId} type="button" className="button button-secondary button-small" onClick={() => void addCriterion()}>
          Add criterion<SrSuffix>to {name}</SrSuffix>
        </button>
      </div>
    </li>
  );
}
