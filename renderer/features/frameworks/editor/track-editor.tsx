/** One track: its name, kind and description, then its levels in ladder order. */
import { TrackKindSchema, levelsOfTrack, type Framework, type Track, type TrackKind } from '../../../../shared/domain/framework';
import { newId } from '../../../../shared/domain/ids';
import { useUiStore } from '../../../state/ui-store';
import { FieldMessages, SelectField, TextField, SrSuffix } from './fields';
import { focusAfterMove } from './editor-behaviour';
import { fieldId, useEditor } from './editor-context';
import { LevelEditor } from './level-editor';
import { suggestNextCode, trackName } from './names';

const KIND_LABEL: Record<TrackKind, string> = {
  ic: 'Individual contributor',
  manager: 'Manager',
  architecture: 'Architecture',
  other: 'Other',
};
const KIND_OPTIONS = TrackKindSchema.options.map((k) => ({ value: k, label: KIND_LABEL[k] }));
export function TrackEditor({ framework, track, position, count, fallbackFocusId }: { framework: Framework; track: Track; position: number; count: number; fallbackFocusId: string }) {
  const { submit, issues, confirm, focusWhenReady } = useEditor();
  const announce = useUiStore((s) => s.announce);
  const name = trackName(track);
  const headingId = `track-${track.id}`;
  const upId = `move-up-${track.id}`;
  const downId = `move-down-${track.id}`;
  const levels = levelsOfTrack(framework, track.id);
  const criteriaCount = framework.criteria.filter((c) => levels.some((l) => l.id === c.levelId)).length;
  const rest = issues.rest('track', track.id, ['name', 'kind', 'description']);
  const label = (text: string) => (
    <>
      {text}
      <SrSuffix>of track {name}</SrSuffix>
    </>
  );

  async function move(direction: 'up' | 'down') {
    const error = await submit({ type: 'move-track', trackId: track.id, direction });
    if (error) return;
    focusWhenReady(focusAfterMove(direction, position, count, { up: upId, down: downId }));
  }

  async function addLevel() {
    const id = newId();
    const code = suggestNextCode(framework, track);
    const error = await submit({ type: 'add-level', level: { id, trackId: track.id, code, title: 'New level' } });
    if (!error) focusWhenReady(fieldId('level', id, code ? 'title' : 'code'));
  }

  function remove() {
    confirm({
      title: `Remove track ${name}?`,
      body: (
        <p>
          This removes the track with its {levels.length} {levels.length === 1 ? 'level' : 'levels'} and {criteriaCount} {criteriaCount === 1 ? 'criterion' : 'criteria'}, and
          every equivalence that names those levels. You can take it back with Undo.
        </p>
      ),
      confirmLabel: `Remove track ${name}`,
      onConfirm: async () => {
        const error = await submit({ type: 'remove-track', trackId: track.id });
        if (error) return;
        announce(`Removed track ${name}. Undo brings it back.`);
        focusWhenReady(fallbackFocusId);
      },
    });
  }

  return (
    <section className="editor-track" aria-labelledby={headingId}>
      <div className="editor-item-head">
        <h2 id={headingId} tabIndex={-1}>
          {track.name || 'Untitled track'}
        </h2>
        <div className="editor-row-actions">
          <button id={upId} type="button" className="button button-small" aria-label={`Move track ${name} up`} disabled={position === 1} onClick={() => void move('up')}>
            Up
          </button>
          <button id={downId} type="button" className="button button-small" aria-label={`Move track ${name} down`} disabled={position === count} onClick={() => void move('down')}>
            Down
          </button>
          <button type="button" className="button button-small button-quiet-danger" aria-label={`Remove track ${name}`} onClick={remove}>
            Remove
          </button>
        </div>
      </div>
      {rest.length > 0 ? <FieldMessages id={`${headingId}-issues`} issues={rest} /> : null}
      <div className="editor-grid">
        <TextField
          target={{ entity: 'track', id: track.id, field: 'name' }}
          label={label('Track name')}
          value={track.name}
          onCommit={(value, group) => submit({ type: 'update-track', trackId: track.id, patch: { name: value } }, { group })}
        />
        <SelectField
          target={{ entity: 'track', id: track.id, field: 'kind' }}
          label={label('Kind')}
          value={track.kind}
          options={KIND_OPTIONS}
          onCommit={(value) => submit({ type: 'update-track', trackId: track.id, patch: { kind: TrackKindSchema.parse(value) } })}
        />
        <TextField
          target={{ entity: 'track', id: track.id, field: 'description' }}
          className="editor-wide"
          label={label('Description')}
          value={track.description}
          multiline
          onCommit={(description, group) => submit({ type: 'update-track', trackId: track.id, patch: { description } }, { group })}
        />
      </div>
      <p className="editor-subheading">Levels, most junior first</p>
      {levels.length === 0 ? <p className="muted">This track has no levels yet.</p> : null}
      <ol className="editor-levels">
        {levels.map((level, i) => (
          <LevelEditor
            key={level.id}
            level={level}
            position={i + 1}
            count={levels.length}
            criteria={framework.criteria.filter((c) => c.levelId === level.id)}
            competencies={framework.competencies}
            trackHeadingId={headingId}
          />
        ))}
      </ol>
      <button type="button" className="button button-secondary" onClick={() => void addLevel()}>
        Add level<SrSuffix>to track {name}</SrSuffix>
      </button>
    </section>
  );
}
