/**
 * The command palette (Ctrl/Cmd+K anywhere, UX.md): a search box over the
 * sections, the active cycle's sessions and candidates and a few actions;
 * arrows move through the results, Enter goes, Esc closes. For anyone who
 * knows where they are going: a manager to one candidate of hundreds, a
 * chair to a session. While a blind session is on screen it lists no
 * candidate (typing a name would show the room the real one), and a blind
 * session is named as its page names it.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { hrefFor, SECTIONS, useRoute } from '../../app/routes';
import { useCycleSessions } from '../../db/cycle-hooks';
import { useCandidateList } from '../../db/list-hooks';
import { useCycleContext } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { STATUS_LABEL } from '../calibration/session/labels';
import { paletteMatches, type PaletteItem } from './palette-items';
import './command-palette.css';
import { useModalDialog } from '../../components/use-modal-dialog';

function usePaletteItems(): { items: PaletteItem[]; blind: boolean; loading: boolean } {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const sessions = useCycleSessions(cycleId);
  const list = useCandidateList(cycleId);
  // The palette's first opening reads the cycle's sessions and candidates: a query typed meanwhile waits for them.
  // With a cycle both reads answer with rows; until they have (undefined, or the null they kept from before the cycle was known) they are loading.
  const loading = context === undefined || (cycleId !== undefined && (!sessions || !list));
  const route = useRoute();
  // A session on screen, or its full screen: blind while it is.
  const onScreen = route.section === 'calibration' ? sessions?.find((s) => s.id === route.params[0]) : undefined;
  const blind = onScreen?.blind === true;
  const items = useMemo(() => {
    const out: PaletteItem[] = SECTIONS.map((s) => ({ id: `section:${s.id}`, kind: 'Section', label: s.label, href: hrefFor(s.id) }));
    out.push({ id: 'action:new-session', kind: 'Action', label: 'New calibration session', href: hrefFor('calibration', 'new') });
    out.push({ id: 'action:cycles', kind: 'Action', label: 'Manage cycles', href: hrefFor('cycles') });
    for (const s of sessions ?? []) out.push({ id: `session:${s.id}`, kind: 'Session', label: s.name, detail: STATUS_LABEL[s.status], href: hrefFor('calibration', s.id) });
    if (!blind) for (const c of list?.candidates ?? []) if (!c.archived) out.push({ id: `candidate:${c.id}`, kind: 'Candidate', label: c.name, detail: c.team, href: hrefFor('candidates', c.id) });
    return out;
  }, [sessions, list, blind]);
  return { items, blind, loading };
}

export function CommandPalette() {
  const open = useUiStore((s) => s.paletteOpen);
  const setOpen = useUiStore((s) => s.setPaletteOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog, open);
  // Closed at once, not on the next render: a modal dialog gives the focus back to what had it before it opened as it
  // closes, which took the focus from the page just gone to and put it back on the sidebar link (a committee trial's
  // next Enter left the session for Packets).
  const close = useCallback(() => {
    if (dialog.current?.open) dialog.current.close();
    setOpen(false);
  }, [setOpen]);
  return (
    // Modal, as the shortcuts list: keys typed here stay here. Esc closes it (the browser's cancel).
    <dialog ref={dialog} className="dialog palette" aria-label="Go to" onClose={() => setOpen(false)} onKeyDown={(e) => e.stopPropagation()}>
      {open ? <PaletteSearch close={close} /> : null}
    </dialog>
  );
}

function PaletteSearch({ close }: { close: () => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { items, blind, loading } = usePaletteItems();
  const results = useMemo(() => paletteMatches(items, query), [items, query]);
  const at = Math.min(active, Math.max(0, results.length - 1));
  // Enter pressed before the cycle's sessions and candidates were read (a quick typist's first Ctrl+K): it goes once they are.
  const waiting = useRef(false);
  const go = useCallback(
    (item: PaletteItem | undefined) => {
      if (!item) return;
      close();
      // The keyboard goes on from the page's content, not from wherever it was before the palette opened.
      document.getElementById('main')?.focus();
      window.location.hash = item.href;
    },
    [close],
  );
  const target = results[at];
  useEffect(() => {
    if (!waiting.current || loading) return;
    waiting.current = false;
    go(target);
  }, [loading, target, go]);
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length > 0) setActive((at + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (loading) waiting.current = true;
      else go(results[at]);
    } else if (e.key === 'Escape') {
      // A search field's own Esc empties it and keeps the dialog open; the hint promises Esc closes (a manager's trial).
      e.preventDefault();
      close();
    }
  }
  return (
    <>
      <label className="palette-label" htmlFor={`${id}-q`}>
        Go to a section, session or candidate
      </label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={results[at] ? `${id}-${at}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        autoFocus
        value={query}
        onChange={(e) => (setQuery(e.target.value), setActive(0))}
        onKeyDown={onKeyDown}
      />
      {blind ? <p className="field-hint">A blind session is on screen: candidates are not listed.</p> : null}
      <ul id={`${id}-list`} role="listbox" aria-label="Results" className="palette-results">
        {results.map((item, i) => (
          // Chosen by click as well as by Enter; the input keeps the focus, so the list itself is not a tab stop.
          <li key={item.id} id={`${id}-${i}`} role="option" aria-selected={i === at} className={i === at ? 'palette-active' : undefined} onMouseDown={(e) => e.preventDefault()} onClick={() => go(item)}>
            <span className="palette-kind">{item.kind}</span> {item.label}
            {item.detail ? <span className="muted"> · {item.detail}</span> : null}
          </li>
        ))}
      </ul>
      {loading ? <p className="muted">Reading the cycle’s sessions and candidates…</p> : results.length === 0 ? <p className="muted">Nothing matches “{query.trim()}”.</p> : null}
      <p className="field-hint">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> go · <kbd>Esc</kbd> close
      </p>
    </>
  );
}
