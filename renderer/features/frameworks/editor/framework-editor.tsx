/**
 * Framework editor: for an admin or engineering leader adapting a career
 * ladder before a cycle. Tracks, levels, competencies, criteria and
 * equivalences are edited in place; every change is saved as you type (one
 * stored edit per pause, one undo step per visit to a field), checked as you
 * go (validation under the field at fault, the criteria checker under each
 * criterion), and can be undone. Built-in and pinned frameworks are
 * read-only: the editor offers to duplicate them instead.
 */
import { useMemo, type ReactNode } from 'react';
import type { Framework } from '../../../../shared/domain/framework';
import { newId } from '../../../../shared/domain/ids';
import { checkCriteria, validateFramework, type CriterionFinding } from '../../../../shared/frameworks/criteria-checker';
import { readOnlyReason } from '../../../../shared/frameworks/edit-ops';
import { hrefFor } from '../../../app/routes';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { useNextUndo, useFramework } from '../../../db/framework-hooks';
import { CompetenciesEditor } from './competencies-editor';
import { useFocusWhenReady, useNameFocusOnOpen, useUndo } from './editor-behaviour';
import { useConfirmDialog } from '../../../components/use-confirm-dialog';
import { EditorContext, IssueIndex, fieldId, type EditorContextValue } from './editor-context';
import { EditorSummary, FrameworkDetails, OrphanLevels, SaveIndicator } from './editor-sections';
import { EquivalencesEditor } from './equivalences-editor';
import { FieldMessages } from './fields';
import { ReadOnlyNotice } from './read-only-notice';
import { TrackEditor } from './track-editor';
import { unplacedIssues } from './unplaced-issues';
import { useEditQueue } from './use-edit-queue';

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

function EditableFramework({ framework }: { framework: Framework }) {
  const queue = useEditQueue(framework.id);
  const nextUndo = useNextUndo(framework.id);
  const { ask: confirm, dialog, open: dialogOpen } = useConfirmDialog();
  const undo = useUndo(queue.undo, dialogOpen);
  const focusWhenReady = useFocusWhenReady(framework, queue.storedAt);
  useNameFocusOnOpen(framework.id, fieldId('framework', framework.id, 'name'));
  const { submit, reportField } = queue;

  const issues = useMemo(() => new IssueIndex(validateFramework(framework)), [framework]);
  const findings = useMemo(() => findingsByCriterion(framework), [framework]);
  const context = useMemo<EditorContextValue>(
    () => ({ frameworkId: framework.id, submit, issues, findings, confirm, focusWhenReady, reportField }),
    [framework.id, submit, issues, findings, confirm, focusWhenReady, reportField],
  );
  const unplaced = unplacedIssues(framework, issues);
  const addTrackId = 'add-track';

  async function addTrack() {
    const id = newId();
    const error = await submit({ type: 'add-track', track: { id, name: 'New track', kind: 'other' } });
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
            <button type="button" className="button button-secondary undo-button" onClick={() => void undo()} disabled={nextUndo === null && queue.unsavedFields === 0} aria-keyshortcuts="Control+Z Meta+Z" title="Ctrl/Cmd+Z outside a text field">
              {/* Words a save could not store come back first (useEditQueue.undo); else the stored edit, by name. */}
              {queue.unsavedFields === 0 && nextUndo !== null ? `Undo ${nextUndo}` : 'Undo last change'}
            </button>
          }
        />
        <EditorSummary issues={issues} checks={findings.size} unsaved={queue.unsavedFields} />
        {unplaced.length > 0 ? <FieldMessages id="editor-unplaced-issues" issues={unplaced} /> : null}
        <FrameworkDetails framework={framework} submit={submit} />
        {framework.tracks.map((track, i) => (
          <TrackEditor key={track.id} framework={framework} track={track} position={i + 1} count={framework.tracks.length} fallbackFocusId={addTrackId} />
        ))}
        {framework.tracks.length === 0 ? <p className="muted">No tracks yet. Add one for each career path (for example individual contributor and manager).</p> : null}
        <p>
          <button id={addTrackId} type="button" className="button button-secondary" onClick={() => void addTrack()}>
            Add track
          </button>
        </p>
        <OrphanLevels framework={framework} trackHeadingId={addTrackId} />
        <CompetenciesEditor framework={framework} />
        <EquivalencesEditor framework={framework} />
      </div>
      {dialog}
    </EditorContext.Provider>
  );
}

/** The criteria checker's findings, by criterion. */
function findingsByCriterion(framework: Framework): Map<string, CriterionFinding[]> {
  const byCriterion = new Map<string, CriterionFinding[]>();
  for (const finding of checkCriteria(framework)) {
    const list = byCriterion.get(finding.criterionId);
    if (list) list.push(finding);
    else byCriterion.set(finding.criterionId, [finding]);
  }
  return byCriterion;
}
