/**
 * Every keyboard shortcut in Levelset, by where it works, for the `?`
 * overlay. When a view adds a key, it belongs here too: the overlay is the
 * one place a user can learn them all (a test checks the presenter's keys).
 * `keys` are alternatives; a key written "Ctrl+X" is shown as Ctrl (⌘ on a
 * Mac) plus X.
 */
import { SECTIONS } from './routes';

export interface Shortcut {
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  where: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    where: 'Anywhere',
    shortcuts: [
      ...SECTIONS.map((s) => ({ keys: [s.shortcut, `Ctrl+${s.shortcut}`], does: s.label })),
      { keys: ['Ctrl+K'], does: 'Go to a section, session or candidate (command palette)' },
      { keys: ['?'], does: 'This list' },
      { keys: ['Esc'], does: 'Close a dialog' },
    ],
  },
  {
    where: 'Calibration session: review and full screen',
    shortcuts: [
      { keys: ['J', '→'], does: 'Next candidate' },
      { keys: ['K', '←'], does: 'Previous candidate' },
      { keys: ['P'], does: 'Pre-vote, for the first member without one' },
      { keys: ['F'], does: 'Final vote, for the first member without one' },
      { keys: ['↑', '↓'], does: 'In a vote: move between the outcomes without recording them' },
      { keys: ['Space', 'Enter'], does: 'In a vote: record the outcome in focus' },
      { keys: ['D'], does: 'Decision' },
      { keys: ['Ctrl+Enter'], does: 'Save the decision being written' },
      { keys: ['Esc'], does: 'Leave a field; outside a field, leave full screen' },
    ],
  },
  {
    where: 'Candidate page: evidence',
    shortcuts: [
      { keys: ['N'], does: 'Log new evidence' },
      { keys: ['Enter'], does: 'Add the evidence (in its title)' },
      { keys: ['Ctrl+Enter'], does: 'Add the evidence from any field; parse a pasted brag document' },
      { keys: ['Esc'], does: 'Close the evidence form (the draft is kept)' },
    ],
  },
  {
    where: 'Framework editor',
    shortcuts: [{ keys: ['Ctrl+Z'], does: 'Undo the last change (outside a text field)' }],
  },
  {
    where: 'Calibration heatmap',
    shortcuts: [
      { keys: ['↑', '↓', '←', '→'], does: 'Move between cells' },
      { keys: ['Home', 'End'], does: 'First or last column; with Ctrl, first or last cell' },
      { keys: ['Page Up', 'Page Down'], does: 'Move a page of rows' },
    ],
  },
];
