/** One level of a track: every field of the level, then its criteria. */
import type { Competency, Criterion, Level } from '../../../../shared/domain/framework';
import { newId } from '../../../../shared/domain/ids';
import { useUiStore } from '../../../state/ui-store';
import { FieldMessages, SrSuffix } from './fields';
import { CriterionEditor } from './criterion-editor';
import { focusAfterMove } from './editor-behaviour';
import { fieldId, useEditor } from './editor-context';
import { LEVEL_FIELDS, LevelFields } from './level-fields';
import { levelName } from './names';

/** The text a new criterion starts with, selected so that typing replaces it. */
export const NEW_CRITERION_TEXT = 'New criterion';

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
  const rest = issues.rest('level', level.id, LEVEL_FIELDS);

  async function move(direction: 'up' | 'down') {
    const error = await submit({ type: 'move-level', levelId: level.id, direction });
    if (error) return;
    focusWhenReady(focusAfterMove(direction, position, count, { up: upId, down: downId }));
  }

  async function addCriterion() {
    const id = newId();
    // Stored with words to replace, as a new level or track is: a criterion is never stored without text (the schema's rule).
    const error = await submit({ type: 'add-criterion', criterion: { id, levelId: level.id, text: NEW_CRITERION_TEXT } });
    if (!error) focusWhenReady(fieldId('criterion', id, 'text'));
  }

  function remove() {
    confirm({
      title: `Remove ${name}?`,
      body: (
        <p>
          This removes {name} {level.title ? `(${level.title}) ` : ''}and its {criteria.length} {criteria.length === 1 ? 'criterion' : 'criteria'}, and any
          equivalence that names it. You can take it back with Undo.
        </p>
      ),
      confirmLabel: `Remove ${name}`,
      onConfirm: async () => {
        const error = await submit({ type: 'remove-level', levelId: level.id });
        if (error) return;
        announce(`Removed ${name}. Undo brings it back.`);
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
      <LevelFields level={level} name={name} />
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
                announce(`Removed criterion ${i + 1} of ${name}. Undo brings it back.`);
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
