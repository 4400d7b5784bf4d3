/**
 * Global keyboard shortcuts and the `?` overlay that lists them. Digits with
 * Ctrl/Cmd (or alone, outside text fields) move between sections.
 */
import { useEffect, useRef } from 'react';
import { useUiStore } from '../state/ui-store';
import { SECTIONS, hrefFor } from './routes';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useGlobalShortcuts(): void {
  const setOpen = useUiStore((s) => s.setShortcutsOpen);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const section = SECTIONS.find((s) => s.shortcut === event.key);
      const modifier = event.ctrlKey || event.metaKey;
      if (section && (modifier || (!isTyping(event.target) && !event.altKey))) {
        event.preventDefault();
        window.location.hash = hrefFor(section.id);
        return;
      }
      if (event.key === '?' && !isTyping(event.target)) {
        event.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);
}

export function ShortcutsOverlay() {
  const open = useUiStore((s) => s.shortcutsOpen);
  const setOpen = useUiStore((s) => s.setShortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcut-table">
        <tbody>
          {SECTIONS.map((s) => (
            <tr key={s.id}>
              <td>
                <kbd>{s.shortcut}</kbd> or <kbd>Ctrl</kbd>+<kbd>{s.shortcut}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>?</kbd>
            </td>
            <td>This list</td>
          </tr>
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>Close a dialog</td>
          </tr>
        </tbody>
      </table>
      <form method="dialog">
        <button className="button button-secondary" type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
