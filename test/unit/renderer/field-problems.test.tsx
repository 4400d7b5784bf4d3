// @vitest-environment jsdom
/**
 * A field tied to its problem (renderer/components/field-problems.tsx): a
 * screen reader hears the problem with the field, and only while it shows.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldProblems } from '../../../renderer/components/field-problems';

afterEach(() => cleanup());

function Form({ problems }: { problems: Partial<Record<'name' | 'team', string>> }) {
  const { field, error } = fieldProblems<'name' | 'team'>('f', (key) => problems[key]);
  return (
    <form>
      <label htmlFor="f-name">Name</label>
      <input {...field('name', 'f-name-hint')} />
      <span id="f-name-hint">As on the payroll.</span>
      {error('name')}
      <label htmlFor="f-team">Team</label>
      <input {...field('team')} />
      {error('team')}
    </form>
  );
}

describe('fieldProblems', () => {
  it('describes a field by its hint and its problem, and marks it invalid', () => {
    render(<Form problems={{ name: 'A name is needed.' }} />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = name.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['As on the payroll.', 'A name is needed.']);
  });

  it('says nothing, and names only the hint, while there is no problem', () => {
    render(<Form problems={{}} />);
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(name.getAttribute('aria-describedby')).toBe('f-name-hint');
    const team = screen.getByRole('textbox', { name: 'Team' });
    expect(team.getAttribute('aria-describedby')).toBeNull();
    expect(document.querySelector('.field-error')).toBeNull();
  });

  it('describes a group of fields (a fieldset, not marked invalid) by its problem while it has one', () => {
    function Group({ problem }: { problem?: string }) {
      const { group, error } = fieldProblems<'members'>('g', () => problem);
      return (
        <fieldset {...group('members')}>
          <legend>Committee</legend>
          {error('members')}
        </fieldset>
      );
    }
    const { rerender } = render(<Group problem="Name a chair." />);
    const set = screen.getByRole('group', { name: 'Committee' });
    expect(set.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(set.getAttribute('aria-describedby')!)?.textContent).toBe('Name a chair.');
    rerender(<Group />);
    expect(set.getAttribute('aria-describedby')).toBeNull();
  });
});
