/**
 * Global keyboard shortcuts and the `?` overlay that lists every key of the
 * app (shortcut-list.ts), by where it works. Digits with Ctrl/Cmd (or alone,
 * outside text fields) move between sections; Ctrl/Cmd+K opens the command
 * palette (features/palette).
 */
import { Fragment, useRef } from 'react';
import { useWindowKeydown } from '../components/use-keydown';
import { modKeyLabel } from '../features/evidence/labels';
import { useUiStore } from '../state/ui-store';
import { SECTIONS, hrefFor } from './routes';
import { SHORTCUT_GROUPS } from './shortcut-list';
import { useModalDialog } from '../components/use-modal-dialog';
import { isTextEntry } from '../components/text-entry';

export function useGlobalShortcuts(): void {
  const setOpen = useUiStore((s) => s.setShortcutsOpen);
  const setPalette = useUiStore((s) => s.setPaletteOpen);
  // Heard from the commit that first paints the app's frame (useWindowKeydown), not a task later.
  useWindowKeydown((event) => {
    const section = SECTIONS.find((s) => s.shortcut === event.key);
    const modifier = event.ctrlKey || event.metaKey;
    // The command palette, from anywhere, a text field included (as in the platforms' own apps).
    if (modifier && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setPalette(true);
      return;
    }
    if (section && (modifier || (!isTextEntry(event.target) && !event.altKey))) {
      event.preventDefault();
      window.location.hash = hrefFor(section.id);
      return;
    }
    if (event.key === '?' && !isTextEntry(event.target)) {
      event.preventDefault();
      setOpen(true);
    }
  });
}

/** "Ctrl+Enter" as <kbd>Ctrl</kbd>+<kbd>Enter</kbd>, with ⌘ for Ctrl on a Mac. */
function KeyCombo({ combo }: { combo: string }) {
  const parts = combo === '+' ? [combo] : combo.split('+');
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 ? '+' : null}
          <kbd>{p === 'Ctrl' ? modKeyLabel() : p}</kbd>
        </Fragment>
      ))}
    </>
  );
}

export function ShortcutsOverlay() {
  const open = useUiStore((s) => s.shortcutsOpen);
  const setOpen = useUiStore((s) => s.setShortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, open);
  return (
    // Modal: keys pressed while the list is open stay in it (a digit changed the page behind it, and the button that
    // had opened the list was gone when it closed). Escape still closes it: the browser's cancel is not a key listener.
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)} onKeyDown={(e) => e.stopPropagation()}>
      {/* The focus starts at the top, so the list opens at its start (on the Close button below it, a short window opened scrolled to the end). */}
      <h2 id="shortcuts-title" tabIndex={-1} autoFocus>
        Keyboard shortcuts
      </h2>
      {SHORTCUT_GROUPS.map((group) => (
        <table key={group.where} className="shortcut-table">
          <caption>{group.where}</caption>
          <tbody>
            {group.shortcuts.map((s) => (
              <tr key={`${s.keys.join()}:${s.does}`}>
                <td>
                  {s.keys.map((k, i) => (
                    <Fragment key={k}>
                      {i > 0 ? ' or ' : null}
                      <KeyCombo combo={k} />
                    </Fragment>
                  ))}
                </td>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <form method="dialog">
        <button className="button button-secondary" type="submit">
          Close
        </button>
      </form>
    </dialog>
  );
}
