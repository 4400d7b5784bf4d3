/**
 * Rename, change dates and delete for one cycle, in its row of the Cycles
 * table. Delete asks first and names everything that goes with the cycle:
 * its candidates, evidence, packets and calibration sessions, finalized ones
 * by name. Closing the rename form (saved or not) gives the focus back to
 * Rename.
 */
import { useState } from 'react';
import type { Cycle } from '../../../shared/domain';
import { RenameForm } from '../../components/rename-form';
import { useFocusBack } from '../../components/use-focus-back';
import { commands } from '../../db/commands';
import { contentsText } from '../../db/lifecycle';
import { queries } from '../../db/queries';
import { useUiStore } from '../../state/ui-store';
import { useConfirmDialog } from '../../components/use-confirm-dialog';
import { couldNot } from '../../../shared/util/error-message';
import { CycleDatesDialog } from './cycle-dates-dialog';

export function CycleActions({ cycle }: { cycle: Cycle }) {
  const announce = useUiStore((s) => s.announce);
  const [renaming, setRenaming] = useState(false);
  // Whether the window is fixed, read when "Change dates…" is chosen; null while the dialog is closed.
  const [dates, setDates] = useState<{ windowFixed: boolean } | null>(null);
  const renameButton = useFocusBack<HTMLButtonElement>(renaming);
  const { ask, dialog } = useConfirmDialog({ onError: (error) => announce(couldNot('delete the cycle', error), 'error') });

  async function askDelete() {
    const contents = await queries.cycleContents(cycle.id);
    ask({
      title: `Delete the cycle “${cycle.name}”?`,
      body: (
        <>
          <p>This deletes the cycle with everything in it: {contentsText(contents)}.</p>
          {contents.finalized.length > 0 ? (
            <p>
              <strong>
                {contents.finalized.length === 1 ? 'The finalized session ' : 'The finalized sessions '}
                {contents.finalized.map((n) => `“${n}”`).join(', ')} {contents.finalized.length === 1 ? 'is' : 'are'} the committee’s record of its decisions.
              </strong>{' '}
              {contents.finalized.length === 1 ? 'Print its decision book first if you need it.' : 'Print their decision books first if you need them.'}
            </p>
          ) : null}
          <p>It cannot be undone; the audit trail keeps what was deleted.</p>
        </>
      ),
      confirmLabel: 'Delete cycle',
      // A finalized session is the committee's record: deleting it takes the cycle's name typed, not one click.
      ...(contents.finalized.length > 0 ? { typeToConfirm: cycle.name } : {}),
      onConfirm: async () => {
        await commands.deleteCycle(cycle.id);
        announce(`Deleted the cycle “${cycle.name}”.`);
      },
    });
  }

  async function askDates() {
    try {
      setDates({ windowFixed: await queries.cycleWindowFixed(cycle.id) });
    } catch (error) {
      announce(couldNot('read the cycle', error), 'error');
    }
  }

  if (renaming) return <RenameForm label={`New name for ${cycle.name}`} initial={cycle.name} onSave={(name) => commands.renameCycle(cycle.id, name)} onClose={() => setRenaming(false)} />;
  return (
    <span className="row-actions">
      <button ref={renameButton} type="button" className="button button-small button-secondary" onClick={() => setRenaming(true)} aria-label={`Rename ${cycle.name}`}>
        Rename
      </button>
      <button type="button" className="button button-small button-secondary" onClick={() => void askDates()} aria-label={`Change dates of ${cycle.name}…`}>
        Change dates…
      </button>
      <button type="button" className="button button-small button-quiet-danger" onClick={() => void askDelete()} aria-label={`Delete ${cycle.name}…`}>
        Delete…
      </button>
      {dialog}
      {dates ? (
        <CycleDatesDialog
          cycle={cycle}
          windowFixed={dates.windowFixed}
          onCancel={() => setDates(null)}
          onDone={(text) => {
            setDates(null);
            announce(text);
          }}
        />
      ) : null}
    </span>
  );
}
