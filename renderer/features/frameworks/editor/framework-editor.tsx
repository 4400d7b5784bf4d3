/**
 * Framework editor: for an admin or engineering leader adapting a career
 * ladder before a cycle. Tracks, levels, competencies, criteria and
 * equivalences are edited in place; every change is saved as you type (one
 * stored edit per pause, one undo step per visit to a field), checked as you
 * go (validation under the field at fault, the criteria checker under each
 * criterion), and can be undone. Built-in and pinned frameworks are
 * read-only: the editor offers to duplicate them instead.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Framework } from '../../../../shared/domain/framework';
import { newId } from '../../../../shared/domain/ids';
import { checkCriteria, validateFramework, type CriterionFinding, type FrameworkIssue } from '../../../../shared/frameworks/criteria-checker';
import { readOnlyReason } from '../../../../shared/frameworks/edit-ops';
import { hrefFor } from '../../../app/routes';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { useCanUndo, useFramework } from '../../../db/framework-hooks';
import { useUiStore } from '../../../state/ui-store';
import { CompetenciesEditor } from './competencies-editor';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';
import { EditorContext, IssueIndex, fieldId, isWarning, type EditorContextValue } from './editor-context';
import { EquivalencesEditor } from './equivalences-editor';
import { FieldMessages, TextField } from './fields';
import { DuplicateFrameworkButton } from './framework-buttons';
import { LevelEditor } from './level-editor';
import { levelName } from './names';
import { TrackEditor } from './track-editor';
import { useEditQueue, type SaveState } from './use-edit-queue';

export { DuplicateFrameworkButton, NewFrameworkButton, editorHref } from './framework-buttons';

export interface FrameworkEditorProps {
  id: string;
  /**
   * Extra actions for a read-only framework, shown beside "Duplicate to edit"
   * (e.g. a "Create new version" button for a version pinned by a cycle).
   */
  readOnlyActions?: ReactNode;
}

export function FrameworkEditor({ id, readOnlyActions }: FrameworkEditorProps) {
  const framework = useFramework(id);
  if (framework === undefined) return <Loading what="framework" />;
  if (framework === null)
    return (
      <EmptyState title="Framework not found" action={<a href={hrefFor('frameworks')}>Back to frameworks</a>}>
        <p>It may have been removed. Choose another framework from the list.</p>
      </EmptyState>
    );
  if (readOnlyReason(framework)) return <ReadOnlyNotice framework={framework} actions={readOnlyActions} />;
  return <EditableFramework key={framework.id} framework={framework} />;
}

function ReadOnlyNotice({ framework, actions }: { framework: Framework; actions?: ReactNode }) {
  return (
    <>
      <PageHeader
        title={framework.name}
        subtitle={
          <>
            <a href={hrefFor('frameworks')}>Frameworks</a> · v{framework.version} · read-only
          </>
        }
      />
      <section className="editor-readonly" aria-labelledby="readonly-title">
        <h2 id="readonly-title">{framework.builtIn ? 'Built-in frameworks cannot be edited' : 'This version is pinned by a cycle'}</h2>
        {framework.builtIn ? (
          <p>
            {framework.name} ships with Levelset and stays as published. Duplicate it to get your own copy with every track, level and criterion, and edit
            that.
          </p>
        ) : (
          <p>
            A cycle judges candidates against version {framework.version} exactly as it is, so it cannot change. To edit, create a new version of this
            framework (the cycle keeps this one until you move it), or duplicate it into a separate framework.
          </p>
        )}
        {framework.builtIn && framework.frozen ? <p className="muted">A cycle also pins this framework.</p> : null}
        <div className="editor-readonly-actions">
          <DuplicateFrameworkButton framework={framework} label="Duplicate to edit" variant="primary" />
          {actions}
        </div>
        <p>
          <a href={hrefFor('frameworks', framework.id)}>View {framework.name}</a>
        </p>
      </section>
    </>
  );
}

function focusById(elementId: string): void {
  const element = document.getElementById(elementId);
  if (element && !(element instanceof HTMLButtonElement && element.disabled)) element.focus();
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

function SaveIndicator({ state }: { state: SaveState }) {
  if (state.kind === 'error')
    return (
      <span className="editor-save editor-save-error" role="alert">
        Not saved: {state.message}
      </span>
    );
  const text = state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : 'Changes save as you type';
  return <span className={`editor-save editor-save-${state.kind}`}>{text}</span>;
}

function EditableFramework({ framework }: { framework: Framework }) {
  const queue = useEditQueue(framework.id);
  const undoable = useCanUndo(framework.id);
  const announce = useUiStore((s) => s.announce);
  const [confirmRequest, setConfirmRequest] = useState<ConfirmRequest | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const issues = useMemo(() => new IssueIndex(validateFramework(framework)), [framework]);
  const findings = useMemo(() => {
    const byCriterion = new Map<string, CriterionFinding[]>();
    for (const finding of checkCriteria(framework)) {
      const list = byCriterion.get(finding.criterionId);
      if (list) list.push(finding);
      else byCriterion.set(finding.criterionId, [finding]);
    }
    return byCriterion;
  }, [framework]);

  // Focus requested after an edit waits until the edited document is on
  // screen: the element may not exist yet, or may be about to move.
  const pendingFocus = useRef<{ elementId: string; until: string } | null>(null);
  const renderedAt = useRef(framework.updatedAt);
  const { storedAt } = queue;
  useEffect(() => {
    renderedAt.current = framework.updatedAt;
    const pending = pendingFocus.current;
    if (pending && framework.updatedAt >= pending.until) {
      pendingFocus.current = null;
      focusById(pending.elementId);
    }
  }, [framework]);
  const focusWhenReady = useCallback(
    (elementId: string) => {
      const until = storedAt();
      if (renderedAt.current >= until) focusById(elementId);
      else pendingFocus.current = { elementId, until };
    },
    [storedAt],
  );

  const confirm = useCallback((request: ConfirmRequest) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirmRequest(request);
  }, []);
  async function closeConfirm(confirmed: boolean) {
    const request = confirmRequest;
    setConfirmRequest(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) setTimeout(() => back.focus(), 0);
    if (confirmed && request) await request.onConfirm();
  }

  const { undo: undoQueued, submit } = queue;
  const undo = useCallback(async () => {
    const result = await undoQueued();
    if (result === true) announce('Undid the last change.');
    else if (result === false) announce('There is nothing to undo.');
    else announce(`Could not undo: ${result}`, 'error');
  }, [undoQueued, announce]);

  const dialogOpen = confirmRequest !== null;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (dialogOpen || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      // In a text field, Ctrl/Cmd+Z is the field's own undo of typing.
      if (isTextField(event.target)) return;
      event.preventDefault();
      void undo();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, dialogOpen]);

  const context = useMemo<EditorContextValue>(
    () => ({ frameworkId: framework.id, submit, issues, findings, confirm, focusWhenReady }),
    [framework.id, submit, issues, findings, confirm, focusWhenReady],
  );

  const trackIds = new Set(framework.tracks.map((t) => t.id));
  const orphans = framework.levels.filter((l) => !trackIds.has(l.trackId)).sort((a, b) => a.order - b.order);
  const errors = issues.all.filter((i) => !isWarning(i)).length;
  const warnings = issues.all.length - errors;
  const checks = findings.size;
  const unplaced = unplacedIssues(framework, issues);
  const addTrackId = 'add-track';

  async function addTrack() {
    const id = newId();
    const error = await queue.submit({ type: 'add-track', track: { id, name: 'New track', kind: 'other' } });
    if (!error) focusWhenReady(fieldId('track', id, 'name'));
  }

  return (
    <EditorContext.Provider value={context}>
      <div className="framework-editor" inert={dialogOpen}>
        <PageHeader
          title={`Edit ${framework.name || 'untitled framework'}`}
          subtitle={
            <>
              <a href={hrefFor('frameworks')}>Frameworks</a> · <a href={hrefFor('frameworks', framework.id)}>View ladder</a> · v{framework.version} ·{' '}
              <SaveIndicator state={queue.state} />
            </>
          }
          actions={
            <button type="button" className="button button-secondary" onClick={() => void undo()} disabled={!undoable} aria-keyshortcuts="Control+Z Meta+Z" title="Ctrl/Cmd+Z outside a text field">
              Undo last change
            </button>
          }
        />
        <p className="editor-summary">
          {errors === 0 ? 'No problems found' : `${errors} ${errors === 1 ? 'problem' : 'problems'} to fix`}
          {warnings > 0 ? ` · ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}
          {checks > 0 ? ` · ${checks} ${checks === 1 ? 'criterion needs' : 'criteria need'} rewording` : ''}
        </p>
        {unplaced.length > 0 ? <FieldMessages id="editor-unplaced-issues" issues={unplaced} /> : null}

        <section className="editor-section" aria-labelledby="framework-details-title">
          <h2 id="framework-details-title">Framework</h2>
          <div className="editor-grid">
            <TextField
              target={{ entity: 'framework', id: framework.id, field: 'name' }}
              label="Framework name"
              value={framework.name}
              onCommit={(name, group) => queue.submit({ type: 'rename-framework', name }, { group })}
            />
            <TextField
              target={{ entity: 'framework', id: framework.id, field: 'description' }}
              className="editor-wide"
              label="Description"
              value={framework.description}
              multiline
              onCommit={(description, group) => queue.submit({ type: 'describe-framework', description }, { group })}
            />
          </div>
        </section>

        {framework.tracks.map((track, i) => (
          <TrackEditor key={track.id} framework={framework} track={track} position={i + 1} count={framework.tracks.length} fallbackFocusId={addTrackId} />
        ))}
        {framework.tracks.length === 0 ? <p className="muted">No tracks yet. Add one for each career path (for example individual contributor and manager).</p> : null}
        <p>
          <button id={addTrackId} type="button" className="button button-secondary" onClick={() => void addTrack()}>
            Add track
          </button>
        </p>

        {orphans.length > 0 ? (
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
                  trackHeadingId={addTrackId}
                />
              ))}
            </ol>
          </section>
        ) : null}

        <CompetenciesEditor framework={framework} />
        <EquivalencesEditor framework={framework} />
      </div>
      {confirmRequest ? <ConfirmDialog request={confirmRequest} onClose={(confirmed) => void closeConfirm(confirmed)} /> : null}
    </EditorContext.Provider>
  );
}

/** Issues about rows the editor does not show (roles, criteria of missing levels): listed at the top so none is hidden. */
function unplacedIssues(framework: Framework, issues: IssueIndex): FrameworkIssue[] {
  const levels = new Set(framework.levels.map((l) => l.id));
  const shown = new Set<string>([
    `framework\u0000${framework.id}`,
    ...framework.tracks.map((t) => `track\u0000${t.id}`),
    ...framework.levels.map((l) => `level\u0000${l.id}`),
    ...framework.criteria.filter((c) => levels.has(c.levelId)).map((c) => `criterion\u0000${c.id}`),
    ...framework.competencies.map((c) => `competency\u0000${c.id}`),
    ...framework.equivalences.map((e) => `equivalence\u0000${e.id}`),
  ]);
  const frameworkFields = ['name', 'description'];
  return issues.all
    .filter((i) => !shown.has(`${i.entity}\u0000${i.id}`) || (i.entity === 'framework' && !frameworkFields.includes(i.field)))
    .map((i) => (i.entity === 'criterion' ? { ...i, message: `${criterionLabel(framework, i.id)}: ${i.message}` } : i));
}

function criterionLabel(framework: Framework, criterionId: string): string {
  const criterion = framework.criteria.find((c) => c.id === criterionId);
  const level = criterion ? framework.levels.find((l) => l.id === criterion.levelId) : undefined;
  return criterion ? `Criterion “${criterion.text.slice(0, 60)}”${level ? ` of ${levelName(level)}` : ''}` : 'A criterion';
}
