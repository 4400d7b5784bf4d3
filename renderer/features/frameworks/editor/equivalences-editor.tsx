/** Equivalences: pairs of levels on different tracks of about the same seniority (IC4 ≈ M2). */
import { useState, type FormEvent } from 'react';
import { levelsOfTrack, type Framework } from '../../../../shared/domain/framework';
import { newId } from '../../../../shared/domain/ids';
import { applyEdit, type FrameworkEdit } from '../../../../shared/frameworks/edit-ops';
import { useUiStore } from '../../../state/ui-store';
import { FieldMessages } from './fields';
import { useEditor } from './editor-context';
import { levelName, trackName } from './names';
import { errorMessage } from '../../../../shared/util/error-message';

export function EquivalencesEditor({ framework }: { framework: Framework }) {
  const { submit, issues, focusWhenReady } = useEditor();
  const announce = useUiStore((s) => s.announce);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string | null>(null);
  const levels = new Map(framework.levels.map((l) => [l.id, l]));
  const tracks = new Map(framework.tracks.map((t) => [t.id, t]));
  const describe = (levelId: string) => {
    const level = levels.get(levelId);
    if (!level) return `missing level ${levelId}`;
    const track = tracks.get(level.trackId);
    return `${levelName(level)}${level.title ? ` ${level.title}` : ''}${track ? ` (${trackName(track)})` : ''}`;
  };
  const shortName = (levelId: string) => {
    const level = levels.get(levelId);
    return level ? levelName(level) : 'missing level';
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!first || !second) {
      setError('Choose a level in each list.');
      return;
    }
    const edit: FrameworkEdit = { type: 'add-equivalence', equivalence: { id: newId(), levelIds: [first, second] } };
    // Refusals (same track, already listed) are shown here, without a round trip to storage.
    try {
      applyEdit({ ...framework, builtIn: false, frozen: false }, edit, framework.updatedAt);
    } catch (refusal) {
      setError(errorMessage(refusal));
      return;
    }
    const failed = await submit(edit);
    setError(failed);
    if (failed === null) {
      announce(`Added ${shortName(first)} ≈ ${shortName(second)}.`);
      setFirst('');
      setSecond('');
    }
  }

  const options = framework.tracks.map((track) => (
    <optgroup key={track.id} label={trackName(track)}>
      {levelsOfTrack(framework, track.id).map((level) => (
        <option key={level.id} value={level.id}>
          {levelName(level)}
          {level.title ? ` · ${level.title}` : ''}
        </option>
      ))}
    </optgroup>
  ));

  return (
    <section className="editor-section" aria-labelledby="equivalences-title">
      <h2 id="equivalences-title">Equivalences</h2>
      <p className="muted">Levels on different tracks that are about the same seniority. Moving between them is a change of role, not a promotion.</p>
      {framework.equivalences.length === 0 ? <p className="muted">No equivalences yet.</p> : null}
      <ul className="editor-equivalences">
        {framework.equivalences.map((e) => {
          const pair = `${shortName(e.levelIds[0])} ≈ ${shortName(e.levelIds[1])}`;
          const rowIssues = issues.row('equivalence', e.id);
          return (
            <li key={e.id}>
              <span>
                {describe(e.levelIds[0])} ≈ {describe(e.levelIds[1])}
              </span>
              {e.note ? <span className="muted"> · {e.note}</span> : null}
              <button
                type="button"
                className="button button-small button-quiet-danger"
                aria-label={`Remove equivalence ${pair}`}
                onClick={() =>
                  void submit({ type: 'remove-equivalence', equivalenceId: e.id }).then((failed) => {
                    if (failed) return;
                    announce(`Removed equivalence ${pair}. Undo brings it back.`);
                    focusWhenReady('equivalence-first');
                  })
                }
              >
                Remove
              </button>
              {rowIssues.length > 0 ? <FieldMessages id={`equivalence-${e.id}-issues`} issues={rowIssues} /> : null}
            </li>
          );
        })}
      </ul>
      <form className="editor-equivalence-form" onSubmit={(event) => void add(event)} noValidate>
        <div className="editor-field">
          <label htmlFor="equivalence-first">Level</label>
          <select
            id="equivalence-first"
            value={first}
            aria-describedby={error ? 'equivalence-error' : undefined}
            onChange={(event) => {
              setFirst(event.target.value);
              setError(null);
            }}
          >
            <option value="">Choose a level</option>
            {options}
          </select>
        </div>
        <span aria-hidden="true" className="editor-equivalence-sign">
          ≈
        </span>
        <div className="editor-field">
          <label htmlFor="equivalence-second">Equivalent level on another track</label>
          <select
            id="equivalence-second"
            value={second}
            aria-describedby={error ? 'equivalence-error' : undefined}
            onChange={(event) => {
              setSecond(event.target.value);
              setError(null);
            }}
          >
            <option value="">Choose a level</option>
            {options}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Add equivalence
        </button>
      </form>
      {error ? (
        <p id="equivalence-error" className="editor-issue-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
