/**
 * The framework editor's own parts around the tracks: the save state in its
 * header, the count of problems, the framework's name and description, and
 * the levels whose track is missing.
 */
import type { Framework } from '../../../../shared/domain/framework';
import type { EditorContextValue, IssueIndex } from './editor-context';
import { isWarning } from './editor-context';
import { TextField } from './fields';
import { LevelEditor } from './level-editor';
import type { SaveState } from './use-edit-queue';

export function SaveIndicator({ state }: { state: SaveState }) {
  if (state.kind === 'error')
    return (
      <span className="editor-save editor-save-error" role="alert">
        Not saved: {state.message}
      </span>
    );
  const text = state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : 'Changes save as you type';
  return <span className={`editor-save editor-save-${state.kind}`}>{text}</span>;
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Problems to fix, warnings and criteria to reword, in one line; of the stored framework, so fields not saved are counted apart. */
export function EditorSummary({ issues, checks, unsaved = 0 }: { issues: IssueIndex; checks: number; unsaved?: number }) {
  const errors = issues.all.filter((i) => !isWarning(i)).length;
  const warnings = issues.all.length - errors;
  return (
    <p className="editor-summary">
      {unsaved > 0 ? `${counted(unsaved, 'field', 'fields')} not saved · ` : ''}
      {errors === 0 ? (unsaved > 0 ? 'no problems found in what is saved' : 'No problems found') : `${counted(errors, 'problem', 'problems')} to fix`}
      {warnings > 0 ? ` · ${counted(warnings, 'warning', 'warnings')}` : ''}
      {checks > 0 ? ` · ${counted(checks, 'criterion needs', 'criteria need')} rewording` : ''}
    </p>
  );
}

export function FrameworkDetails({ framework, submit }: { framework: Framework; submit: EditorContextValue['submit'] }) {
  return (
    <section className="editor-section" aria-labelledby="framework-details-title">
      <h2 id="framework-details-title">Framework</h2>
      <div className="editor-grid">
        <TextField
          target={{ entity: 'framework', id: framework.id, field: 'name' }}
          label="Framework name"
          value={framework.name}
          onCommit={(name, group) => submit({ type: 'rename-framework', name }, { group })}
        />
        <TextField
          target={{ entity: 'framework', id: framework.id, field: 'description' }}
          className="editor-wide"
          label="Description"
          value={framework.description}
          multiline
          onCommit={(description, group) => submit({ type: 'describe-framework', description }, { group })}
        />
      </div>
    </section>
  );
}

/** Levels naming a track that does not exist: shown so they can be removed (nothing shown when there are none). */
export function OrphanLevels({ framework, trackHeadingId }: { framework: Framework; trackHeadingId: string }) {
  const trackIds = new Set(framework.tracks.map((t) => t.id));
  const orphans = framework.levels.filter((l) => !trackIds.has(l.trackId)).sort((a, b) => a.order - b.order);
  if (orphans.length === 0) return null;
  return (
    <section className="editor-track" aria-labelledby="orphans-title">
      <h2 id="orphans-title" tabIndex={-1}>
        Levels without a track
      </h2>
      <p className="muted">Every level belongs on a track. These name a track that does not exist; remove them or recreate them on a track.</p>
      <ol className="editor-levels">
        {orphans.map((level, i) => (
          <LevelEditor
            key={level.id}
            level={level}
            position={i + 1}
            count={orphans.length}
            criteria={framework.criteria.filter((c) => c.levelId === level.id)}
            competencies={framework.competencies}
            trackHeadingId={trackHeadingId}
          />
        ))}
      </ol>
    </section>
  );
}
