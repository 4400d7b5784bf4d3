/** Buttons that create a framework to edit: a new blank one, or a copy of an existing one. Both open the editor. */
import { useState } from 'react';
import type { Framework } from '../../../../shared/domain/framework';
import { hrefFor } from '../../../app/routes';
import { commands } from '../../../db/commands';
import { nameOnOpen } from './editor-behaviour';
import { SrSuffix } from './fields';
import { useUiStore } from '../../../state/ui-store';
import { couldNot } from '../../../../shared/util/error-message';

export function editorHref(frameworkId: string): string {
  return hrefFor('frameworks', frameworkId, 'edit');
}

/** Creates "Untitled framework" with one Individual contributor track and one level, then opens it in the editor, its name selected to type over. */
export function NewFrameworkButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const [busy, setBusy] = useState(false);
  const announce = useUiStore((s) => s.announce);
  async function create() {
    setBusy(true);
    try {
      const id = await commands.createFramework({ name: 'Untitled framework' });
      announce('Created “Untitled framework”. Changes save as you type.');
      nameOnOpen(id);
      window.location.hash = editorHref(id);
    } catch (error) {
      announce(couldNot('create a framework', error, 'Nothing was written.'), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className={`button button-${variant}`} onClick={() => void create()} disabled={busy} aria-busy={busy}>
      New framework
    </button>
  );
}

/** Copies a framework (built-in, pinned or not) into a new editable one and opens the copy in the editor. */
export function DuplicateFrameworkButton({ framework, label = 'Duplicate', variant = 'secondary' }: { framework: Pick<Framework, 'id' | 'name'>; label?: string; variant?: 'primary' | 'secondary' }) {
  const [busy, setBusy] = useState(false);
  const announce = useUiStore((s) => s.announce);
  async function duplicate() {
    setBusy(true);
    try {
      const id = await commands.duplicateFramework(framework.id);
      announce(`Duplicated ${framework.name}. The copy is yours to edit; the original is unchanged.`);
      nameOnOpen(id);
      window.location.hash = editorHref(id);
    } catch (error) {
      announce(couldNot(`duplicate ${framework.name}`, error, 'Nothing was written.'), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className={`button button-${variant}`} onClick={() => void duplicate()} disabled={busy} aria-busy={busy}>
      {label}
      {label === 'Duplicate' ? <SrSuffix>{framework.name}</SrSuffix> : null}
    </button>
  );
}
