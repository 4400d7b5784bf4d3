/**
 * Rename and delete for a framework of the user's own (not a built-in). A
 * rename applies to every version; delete asks first, and is refused with
 * the reason when a cycle uses any version.
 */
import { useState } from 'react';
import type { Framework } from '../../../shared/domain';
import { plural } from '../../../shared/util/plural';
import { hrefFor } from '../../app/routes';
import { RenameForm } from '../../components/rename-form';
import { useFocusBack } from '../../components/use-focus-back';
import { commands } from '../../db/commands';
import { queries } from '../../db/queries';
import { useUiStore } from '../../state/ui-store';
import { useConfirmDialog } from '../../components/use-confirm-dialog';
import { couldNot } from '../../../shared/util/error-message';

export function FrameworkManage({ framework }: { framework: Framework }) {
  const announce = useUiStore((s) => s.announce);
  const [renaming, setRenaming] = useState(false);
  const renameButton = useFocusBack<HTMLButtonElement>(renaming);
  const { ask, dialog } = useConfirmDialog({ onError: (error) => announce(couldNot('delete', error), 'error') });
  if (framework.builtIn) return null;

  async function askDelete() {
    const { versions, refusal } = await queries.frameworkDeletion(framework.id);
    if (refusal) return announce(`“${framework.name}”: ${refusal}`, 'error');
    ask({
      title: `Delete “${framework.name}”?`,
      body: <p>This deletes the framework and its {plural(versions, 'version')}. No cycle uses it. It cannot be undone.</p>,
      confirmLabel: 'Delete framework',
      onConfirm: async () => {
        await commands.deleteFramework(framework.id);
        announce(`Deleted “${framework.name}”.`);
        window.location.hash = hrefFor('frameworks');
      },
    });
  }

  return (
    <>
      {renaming ? (
        <RenameForm label="Framework name" initial={framework.name} onSave={(name) => commands.renameFramework(framework.id, name)} onClose={() => setRenaming(false)} />
      ) : (
        <button ref={renameButton} type="button" className="button button-secondary" onClick={() => setRenaming(true)}>
          Rename
        </button>
      )}
      <button type="button" className="button button-secondary button-quiet-danger" onClick={() => void askDelete()}>
        Delete…
      </button>
      {dialog}
    </>
  );
}
