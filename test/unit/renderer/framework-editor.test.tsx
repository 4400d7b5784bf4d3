// @vitest-environment jsdom
/**
 * The framework editor with Testing Library against the app's database:
 * typing saves after a pause, Undo takes the change back, the criteria
 * checker and the validator speak beside the field at fault, removals ask
 * first, and read-only frameworks offer a copy instead.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { applyEdit, createBlankFramework, type FrameworkEdit } from '../../../shared/frameworks/edit-ops';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { db } from '../../../renderer/db/database';
import { canUndo } from '../../../renderer/db/framework-edits';
import { useUiStore } from '../../../renderer/state/ui-store';
import { FrameworkEditor, NewFrameworkButton } from '../../../renderer/features/frameworks/editor/framework-editor';
import { nameOnOpen } from '../../../renderer/features/frameworks/editor/editor-behaviour';
import { useGlobalShortcuts } from '../../../renderer/app/shortcuts';
import { pressWhenShown } from './press-when-shown';

const T0 = '2026-01-01T00:00:00.000Z';
const GOOD = 'Ships small reviewed changes every week.';
const VAGUE = 'Shows strategic thinking when planning the quarter.';

function framework(): Framework {
  let f = createBlankFramework('fw', 'fw-lineage', 'Test ladder', T0);
  const edits: FrameworkEdit[] = [
    { type: 'add-track', track: { id: 'ic', name: 'Individual contributor', kind: 'ic' } },
    { type: 'add-track', track: { id: 'm', name: 'Manager', kind: 'manager' } },
    { type: 'add-level', level: { id: 'ic1', trackId: 'ic', code: 'IC1', title: 'Engineer' } },
    { type: 'add-level', level: { id: 'ic2', trackId: 'ic', code: 'IC2', title: 'Senior engineer' } },
    { type: 'add-level', level: { id: 'm1', trackId: 'm', code: 'M1', title: 'Manager' } },
    { type: 'add-competency', competency: { id: 'code', name: 'Code' } },
    { type: 'add-criterion', criterion: { id: 'c1', levelId: 'ic1', competencyId: 'code', text: GOOD } },
    { type: 'add-criterion', criterion: { id: 'c2', levelId: 'ic2', text: VAGUE } },
    { type: 'add-criterion', criterion: { id: 'c3', levelId: 'm1', text: 'Runs weekly one-to-ones with every report.' } },
  ];
  for (const edit of edits) f = applyEdit(f, edit, T0);
  return f;
}

const stored = async () => (await db.frameworks.get('fw'))!;

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
});
afterEach(() => cleanup());

// Rendering a whole ladder in jsdom is slow; the default 5 s is too tight on a busy machine.
describe('FrameworkEditor', { timeout: 20_000 }, () => {
  it('saves a criterion as you type and undoes the change', async () => {
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);

    const field = await screen.findByLabelText('Criterion 1 of IC1');
    expect((field as HTMLTextAreaElement).value).toBe(GOOD);
    await user.clear(field);
    await user.type(field, 'Reviews a teammate pull request every day.');
    // Still focused: the debounce alone must have saved it.
    expect(document.activeElement).toBe(field);
    await waitFor(async () => expect((await stored()).criteria[0]!.text).toBe('Reviews a teammate pull request every day.'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy());

    // The button names what it takes back ("Undo last change" said nothing of which change), and so does the announcement.
    const undo = await screen.findByRole('button', { name: 'Undo the text of criterion IC1.1' });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    await user.click(undo);
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('Undid the text of criterion IC1.1.'));
    // The whole visit to the field is one step: the text goes back to what it was.
    await waitFor(async () => expect((await stored()).criteria[0]!.text).toBe(GOOD));
    await waitFor(() => expect((screen.getByLabelText('Criterion 1 of IC1') as HTMLTextAreaElement).value).toBe(GOOD));
    expect(await canUndo(db, 'fw')).toBe(false);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo last change' }).hasAttribute('disabled')).toBe(true));
  });

  it('adds a criterion to a level, its words selected so typing replaces them, and saves what is typed', async () => {
    // Add criterion did nothing: the new criterion was sent without text, and the schema every write checks refused it.
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    await user.click(await screen.findByRole('button', { name: 'Add criterion to IC1' }));
    const field = (await screen.findByLabelText('Criterion 2 of IC1')) as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe(field.value);
    expect((await stored()).criteria.filter((c) => c.levelId === 'ic1')).toHaveLength(2);
    await user.keyboard('Writes the design doc before the code.');
    await waitFor(async () => expect((await stored()).criteria.filter((c) => c.levelId === 'ic1').map((c) => c.text)).toEqual([GOOD, 'Writes the design doc before the code.']), { timeout: 3000 });
    expect(screen.queryByText(/^Not saved/)).toBeNull();
  });

  it('has the new criterion’s words focused and selected as it appears: the first key typed then replaces them', async () => {
    // The field appears once the framework is re-read after the add is stored, a render no click started.
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const add = await screen.findByRole('button', { name: 'Add criterion to IC1' });
    const field = () => screen.queryByLabelText<HTMLTextAreaElement>('Criterion 2 of IC1');
    const key = pressWhenShown(field, 'W');
    await user.click(add);
    await waitFor(() => expect(key.pressedOn()).toBeDefined());
    // On "Add criterion", the key did nothing and the field took the focus only after it.
    expect(key.pressedOn()).toBe(field());
    const { value, selectionStart, selectionEnd } = field()!;
    expect(value.slice(selectionStart, selectionEnd)).toBe(value);
  });

  it('has a new framework’s name focused as the editor appears: a digit typed then is the name’s, not a section key', async () => {
    await db.frameworks.put(framework());
    window.location.hash = '#/frameworks/fw/edit';
    nameOnOpen('fw');
    function EditorPage() {
      useGlobalShortcuts();
      return <FrameworkEditor id="fw" />;
    }
    const name = () => screen.queryByLabelText<HTMLInputElement>('Framework name');
    const key = pressWhenShown(name, '2');
    render(<EditorPage />);
    await waitFor(() => expect(key.pressedOn()).toBeDefined());
    // On the page, "2" took the person to Candidates before the name took the focus.
    expect(key.pressedOn()).toBe(name());
    expect(window.location.hash).toBe('#/frameworks/fw/edit');
  });

  it('labels a level’s Optional box without a stray space, its level named for screen readers', async () => {
    await db.frameworks.put(framework());
    render(<FrameworkEditor id="fw" />);
    const box = await screen.findByRole('checkbox', { name: /^Optional level: exists only in some organisations \(IC1/ });
    // What shows: the hidden level name's space used to sit before the colon ("Optional level : exists").
    const label = box.closest('label') ?? document.querySelector(`label[for="${box.id}"]`);
    expect(label?.textContent?.startsWith('Optional level: exists')).toBe(true);
  });

  it('shows the criteria checker warning, with its reason, under a vague criterion', async () => {
    await db.frameworks.put(framework());
    render(<FrameworkEditor id="fw" />);
    const field = await screen.findByLabelText('Criterion 1 of IC2');
    const warningsId = field.getAttribute('aria-describedby');
    expect(warningsId).toBeTruthy();
    const warnings = document.getElementById(warningsId!.split(' ').at(-1)!)!;
    expect(warnings.textContent).toMatch(/Vague wording/);
    expect(warnings.textContent).toMatch(/strategic thinking/);
    expect(warnings.textContent).toMatch(/gut feel/);
    // The good criterion has no warning.
    expect(screen.getByLabelText('Criterion 1 of IC1').getAttribute('aria-describedby')).toBeNull();
  });

  it('shows validation under the field at fault and links it to the field', async () => {
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const code = await screen.findByLabelText('Code of IC2');
    await user.clear(code);
    await user.type(code, 'IC1');
    await user.tab();
    await waitFor(async () => expect((await stored()).levels.find((l) => l.id === 'ic2')!.code).toBe('IC1'));
    // Both levels are now "IC1": the second one is told why, and the message describes the field.
    await waitFor(() => expect(screen.getAllByLabelText('Code of IC1').some((f) => f.getAttribute('aria-invalid') === 'true')).toBe(true));
    const field = screen.getAllByLabelText('Code of IC1').find((f) => f.getAttribute('aria-invalid') === 'true')!;
    expect(field.id).toBe('fe-level-ic2-code');
    const message = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toMatch(/already used/);
  });

  it('shows levels whose track is gone, and lists problems of rows it has no field for at the top', async () => {
    const f = framework();
    const orphan = { ...f.levels.find((l) => l.id === 'ic2')!, id: 'x1', trackId: 'gone', code: 'X1' };
    const stray = { ...f.criteria.find((c) => c.id === 'c1')!, id: 'c9', levelId: 'nolevel', text: 'Writes the on-call runbook for the team.' };
    await db.frameworks.put({ ...f, levels: [...f.levels, orphan], criteria: [...f.criteria, stray] });
    render(<FrameworkEditor id="fw" />);

    const section = await screen.findByRole('region', { name: 'Levels without a track' });
    expect(within(section).getByRole('button', { name: 'Remove X1' })).toBeTruthy();
    // The criterion of a missing level has no field in the editor: its problem is named at the top instead of hidden.
    const top = document.getElementById('editor-unplaced-issues')!;
    expect(top.textContent).toMatch(/Criterion “Writes the on-call runbook for the team\.”: This criterion is on level "nolevel"/);
    expect(screen.getByText(/problems to fix/).textContent).toMatch(/^\d+ problems to fix/);
  });

  it('moves a level and keeps focus on its button', async () => {
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    await user.click(await screen.findByRole('button', { name: 'Move IC2 up' }));
    await waitFor(async () => expect((await stored()).levels.filter((l) => l.trackId === 'ic').sort((a, b) => a.order - b.order).map((l) => l.code)).toEqual(['IC2', 'IC1']));
    // IC2 is now first, so its "up" button is disabled and focus moves to its "down" button.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move IC2 down' })));
  });

  it('asks before removing a level, and Cancel keeps it', async () => {
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const remove = await screen.findByRole('button', { name: 'Remove IC2' });
    await user.click(remove);
    let dialog = screen.getByRole('alertdialog', { name: 'Remove IC2?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect((await stored()).levels).toHaveLength(3);

    await user.click(remove);
    dialog = screen.getByRole('alertdialog', { name: 'Remove IC2?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove IC2' }));
    await waitFor(async () => expect((await stored()).levels.map((l) => l.id)).toEqual(['ic1', 'm1']));
    expect((await stored()).criteria.map((c) => c.id)).toEqual(['c1', 'c3']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove IC2' })).toBeNull());
  });

  it('adds and refuses equivalences', async () => {
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    const first = await screen.findByRole('combobox', { name: 'Level' });
    const second = screen.getByRole('combobox', { name: 'Equivalent level on another track' });
    await user.selectOptions(first, 'ic1');
    await user.selectOptions(second, 'ic2');
    await user.click(screen.getByRole('button', { name: 'Add equivalence' }));
    expect(screen.getByRole('alert').textContent).toMatch(/same track/);
    await user.selectOptions(second, 'm1');
    await user.click(screen.getByRole('button', { name: 'Add equivalence' }));
    await waitFor(async () => expect((await stored()).equivalences.map((e) => e.levelIds)).toEqual([['ic1', 'm1']]));
    expect(await screen.findByRole('button', { name: 'Remove equivalence IC1 ≈ M1' })).toBeTruthy();
  });

  it('undoes with Ctrl+Z outside a text field', async () => {
    await db.frameworks.put(framework());
    const user = userEvent.setup();
    render(<FrameworkEditor id="fw" />);
    await user.click(await screen.findByRole('button', { name: 'Remove criterion 1 of IC1' }));
    await waitFor(async () => expect((await stored()).criteria.map((c) => c.id)).toEqual(['c2', 'c3']));
    await waitFor(() => expect(document.activeElement?.id).toBe('add-criterion-ic1'));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await stored()).criteria.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']));
  });

  it('offers a copy of a built-in framework instead of editing it', async () => {
    const builtIn = materializeBuiltIn(ic0M3Levels, T0);
    await db.frameworks.put(builtIn);
    const user = userEvent.setup();
    render(<FrameworkEditor id={builtIn.id} />);
    expect(await screen.findByRole('heading', { name: 'Built-in frameworks cannot be edited' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Duplicate to edit' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/frameworks\/[^/]+\/edit$/));
    const copyId = decodeURIComponent(window.location.hash.split('/')[2]!);
    const copy = await db.frameworks.get(copyId);
    expect(copy).toMatchObject({ builtIn: false, frozen: false, name: `${builtIn.name} (copy)` });
  });

  it('says a pinned version needs a new version, with room for that action', async () => {
    await db.frameworks.put({ ...framework(), frozen: true });
    render(<FrameworkEditor id="fw" readOnlyActions={<button type="button">Create new version</button>} />);
    expect(await screen.findByRole('heading', { name: 'This version is pinned by a cycle' })).toBeTruthy();
    expect(screen.getByText(/create a new version of this framework/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create new version' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Duplicate to edit' })).toBeTruthy();
  });

  it('creates a new framework and opens it in the editor', async () => {
    const user = userEvent.setup();
    render(<NewFrameworkButton />);
    await user.click(screen.getByRole('button', { name: 'New framework' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/frameworks\/[^/]+\/edit$/));
    const created = await db.frameworks.get(decodeURIComponent(window.location.hash.split('/')[2]!));
    expect(created).toMatchObject({ name: 'Untitled framework', tracks: [{ name: 'Individual contributor' }] });
    expect(created!.levels).toHaveLength(1);
    // The editor opens on the new framework's name, selected, so the first words typed name it.
    cleanup();
    render(<FrameworkEditor id={created!.id} />);
    const name = await screen.findByLabelText<HTMLInputElement>('Framework name');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect([name.selectionStart, name.selectionEnd]).toEqual([0, 'Untitled framework'.length]);
    // Only once: opening it again later does not select the name; the focus, lost with the page before, is on the heading.
    cleanup();
    render(<FrameworkEditor id={created!.id} />);
    const again = await screen.findByLabelText('Framework name');
    // The heading takes the lost focus in an effect after the page is drawn (page-header.tsx): waited for, not
    // asserted at once (it failed now and then under load).
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    expect(document.activeElement).not.toBe(again);
  });
});
