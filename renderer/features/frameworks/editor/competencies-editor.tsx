/** The framework's competencies (the groups criteria belong to). Removing one keeps its criteria, without a competency. */
import type { Framework } from '../../../../shared/domain/framework';
import { newId } from '../../../../shared/domain/ids';
import { useUiStore } from '../../../state/ui-store';
import { FieldMessages, TextField, SrSuffix } from './fields';
import { fieldId, useEditor } from './editor-context';

export function CompetenciesEditor({ framework }: { framework: Framework }) {
  const { submit, issues, focusWhenReady } = useEditor();
  const announce = useUiStore((s) => s.announce);
  const addId = 'add-competency';

  async function add() {
    const id = newId();
    const error = await submit({ type: 'add-competency', competency: { id, name: 'New competency' } });
    if (!error) focusWhenReady(fieldId('competency', id, 'name'));
  }

  return (
    <section className="editor-section" aria-labelledby="competencies-title">
      <h2 id="competencies-title">Competencies</h2>
      <p className="muted">Groups of criteria (for example “Code quality” or “Collaboration”) that run through every level.</p>
      {framework.competencies.length === 0 ? <p className="muted">No competencies yet.</p> : null}
      <ul className="editor-competencies">
        {framework.competencies.map((competency) => {
          const name = competency.name.trim() || 'unnamed competency';
          const used = framework.criteria.filter((c) => c.competencyId === competency.id).length;
          const rest = issues.rest('competency', competency.id, ['name', 'description']);
          return (
            <li key={competency.id} className="editor-competency">
              <TextField
                target={{ entity: 'competency', id: competency.id, field: 'name' }}
                label={
                  <>
                    Name<SrSuffix>of competency {name}</SrSuffix>
                  </>
                }
                value={competency.name}
                selectOnFocus
                onCommit={(value, group) => submit({ type: 'update-competency', competencyId: competency.id, patch: { name: value } }, { group })}
              />
              <TextField
                target={{ entity: 'competency', id: competency.id, field: 'description' }}
                label={
                  <>
                    Description<SrSuffix>of competency {name}</SrSuffix>
                  </>
                }
                value={competency.description}
                onCommit={(description, group) => submit({ type: 'update-competency', competencyId: competency.id, patch: { description } }, { group })}
              />
              <span className="muted editor-count">
                {used} {used === 1 ? 'criterion' : 'criteria'}
              </span>
              <button
                type="button"
                className="button button-small button-quiet-danger"
                aria-label={`Remove competency ${name}`}
                onClick={() =>
                  void submit({ type: 'remove-competency', competencyId: competency.id }).then((error) => {
                    if (error) return;
                    announce(`Removed competency ${name}; its ${used} criteria are kept without a competency. Undo brings it back.`);
                    focusWhenReady(addId);
                  })
                }
              >
                Remove
              </button>
              {rest.length > 0 ? <FieldMessages id={`competency-${competency.id}-issues`} issues={rest} /> : null}
            </li>
          );
        })}
      </ul>
      <button id={addId} type="button" className="button button-secondary" onClick={() => void add()}>
        Add competency
      </button>
    </section>
  );
}
