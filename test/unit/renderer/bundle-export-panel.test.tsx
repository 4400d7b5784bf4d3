// @vitest-environment jsdom
/**
 * The bundle export panel: focus comes into it when it opens, and a
 * passphrase problem goes once the passphrases change or encryption is
 * turned off. "The two passphrases differ." stayed in red after unticking
 * encryption, though the export then worked (found by a walkthrough helper).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useBundleExport } from '../../../renderer/features/packets/bundle-panels';
import type { ChosenPacket } from '../../../renderer/features/packets/export-chosen-list';

afterEach(() => cleanup());

const chosen = (ids: string[], drafts: number, revision = 1): ChosenPacket[] =>
  ids.map((id, i) => ({ id, candidateName: `Candidate ${id}`, status: i < drafts ? 'draft' : 'submitted', revision: i < drafts ? revision : 1 }));

function Panel({ drafts = 0, ids = ['p1', 'p2'], revision = 1 }: { drafts?: number; ids?: string[]; revision?: number }) {
  const { button, panel } = useBundleExport('c1', 'H2', chosen(ids, drafts, revision));
  return (
    <>
      {button}
      {panel}
    </>
  );
}

describe('the bundle export panel', () => {
  it('takes the focus when it opens, and drops a passphrase problem once it no longer holds', async () => {
    const user = userEvent.setup();
    render(<Panel />);
    await user.click(screen.getByRole('button', { name: 'Export 2 packets…' }));
    const encrypt = screen.getByRole('checkbox', { name: /Encrypt with a passphrase/ });
    expect(document.activeElement).toBe(encrypt);
    await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery staple');
    await user.type(screen.getByLabelText(/^Repeat/), 'correct horse battery stable');
    await user.click(screen.getByRole('button', { name: 'Export bundle' }));
    expect(screen.getByRole('alert').textContent).toMatch(/differ/);
    await user.click(encrypt);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a passphrase problem beside the field it is about, marks that field and focuses it', async () => {
    // A trial: "Use at least 8 characters." stood above the button, the field unmarked, the focus on Export bundle.
    const user = userEvent.setup();
    render(<Panel />);
    await user.click(screen.getByRole('button', { name: 'Export 2 packets…' }));
    const pass = screen.getByLabelText('Passphrase');
    const again = screen.getByLabelText(/^Repeat/);
    await user.type(pass, 'short');
    await user.click(screen.getByRole('button', { name: 'Export bundle' }));
    expect(document.activeElement).toBe(pass);
    expect(pass.getAttribute('aria-invalid')).toBe('true');
    expect(again.getAttribute('aria-invalid')).toBeNull();
    const error = screen.getByRole('alert');
    expect(error.textContent).toBe('Use at least 8 characters.');
    expect(pass.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    // Long enough, but the repetition differs: the problem moves to the repetition, as typed.
    await user.type(pass, ' enough now');
    expect(screen.getByRole('alert').textContent).toBe('The two passphrases differ.');
    await user.click(screen.getByRole('button', { name: 'Export bundle' }));
    expect(document.activeElement).toBe(again);
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(pass.getAttribute('aria-invalid')).toBeNull();
  });

  it('gives the focus back to its button when it closes (it fell to the page)', async () => {
    const user = userEvent.setup();
    render(<Panel />);
    await user.click(screen.getByRole('button', { name: 'Export 2 packets…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export 2 packets…' }));
  });

  it('says when chosen packets are drafts, which a committee does not review, before they are exported', async () => {
    const user = userEvent.setup();
    render(<Panel drafts={1} />);
    await user.click(screen.getByRole('button', { name: 'Export 2 packets…' }));
    expect(screen.getByRole('note').textContent).toMatch(/^1 of these packets is a draft, not submitted: a new session takes submitted packets only, unless its chair also includes those not submitted yet, and the committee then reviews work in progress\. If this bundle is for the committee, submit it first\.$/);
    cleanup();
    render(<Panel />);
    await user.click(screen.getByRole('button', { name: 'Export 2 packets…' }));
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    // A draft reopened after a submission (revision 2) travels with that submission: no "submit it first" (a trial).
    render(<Panel drafts={1} revision={2} />);
    await user.click(screen.getByRole('button', { name: 'Export 2 packets…' }));
    expect(screen.getByRole('note').textContent).toBe(
      '1 of these packets is reopened: the bundle carries the last submitted revision, which sessions review until the draft is submitted, and the draft as it stands.',
    );
  });

  it('names whose packets it carries before the file is written, the first eight in full and the rest behind "and N more"', async () => {
    // A trial: the panel said only "Export 12 packets as a bundle", so a filter or a stray tick went unseen.
    const user = userEvent.setup();
    render(<Panel ids={['a', 'b']} drafts={1} />);
    await user.click(screen.getByRole('button', { name: 'Export 2 packets…' }));
    const list = screen.getByRole('list', { name: 'The packets of:' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Candidate a (draft)', 'Candidate b']);
    cleanup();
    const ids = Array.from({ length: 11 }, (_, i) => `n${i + 1}`);
    render(<Panel ids={ids} />);
    await user.click(screen.getByRole('button', { name: 'Export 11 packets…' }));
    expect(within(screen.getByRole('list', { name: 'The packets of:' })).getAllByRole('listitem')).toHaveLength(8);
    expect(within(screen.getByRole('list', { name: '3 more' })).getAllByRole('listitem')).toHaveLength(3);
    await user.click(screen.getByText('and 3 more'));
    expect(screen.getByText('Candidate n11')).toBeTruthy();
  });

  it('says how to choose packets while none is chosen, rather than "Export 0 packets…"', () => {
    render(<Panel ids={[]} />);
    const button = screen.getByRole('button', { name: 'Export packets… (tick some first)' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Tick the packets to send in the list below, or use Select submitted.');
  });
});
