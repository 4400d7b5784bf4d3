// @vitest-environment jsdom
/**
 * A long framework description starts folded to its first lines with a
 * button to read the rest, so the ladder below stays in view; a short one
 * shows whole, with no button.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameworkDescription } from '../../../renderer/features/frameworks/framework-description';

afterEach(() => cleanup());

const LONG = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1}: how this ladder is used, for whom, and what each level expects of an engineer.`).join('\n\n');

describe('FrameworkDescription', () => {
  it('folds a long description and unfolds it with the button, which says whether it is open', async () => {
    const user = userEvent.setup();
    const { container } = render(<FrameworkDescription text={LONG} />);
    const button = screen.getByRole('button', { name: 'Show the whole description' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('.lede-folded')).not.toBeNull();
    // Folded is clipped, not cut: the whole text is there for search and screen readers.
    expect(container.textContent).toContain('Paragraph 8');
    await user.click(button);
    expect(screen.getByRole('button', { name: 'Show less of the description' }).getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('.lede-folded')).toBeNull();
    expect(document.getElementById(button.getAttribute('aria-controls') ?? '')?.textContent).toContain('Paragraph 8');
  });

  it('shows a short description whole, with no button, and nothing for none', () => {
    const { container } = render(<FrameworkDescription text="Our engineering ladder." />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.textContent).toBe('Our engineering ladder.');
    cleanup();
    expect(render(<FrameworkDescription text="" />).container.textContent).toBe('');
  });
});
