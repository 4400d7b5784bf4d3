// @vitest-environment jsdom
/**
 * A page opened from a link or key on the page before (now gone) left the
 * keyboard focus on the document: the next Tab started from the top, and a
 * screen reader said nothing of the new page (found by a keyboard
 * walkthrough). The new page's heading takes a focus that was lost, and
 * leaves one that is somewhere alone.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageHeader } from '../../../renderer/components/page-header';

afterEach(() => cleanup());

describe('a page heading', () => {
  it('takes the focus when it was lost with the page before', () => {
    (document.activeElement as HTMLElement | null)?.blur();
    render(<PageHeader title="Packets" />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Packets' }));
  });

  it('takes the focus from the frame’s main region, which holds it only while a page loads (after the first-run step)', () => {
    const main = document.createElement('main');
    main.id = 'main';
    main.tabIndex = -1;
    document.body.append(main);
    main.focus();
    render(<PageHeader title="Frameworks" />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Frameworks' }));
    main.remove();
  });

  it('leaves a focus that is somewhere (a sidebar link kept by the click)', () => {
    const link = document.createElement('a');
    link.href = '#/packets';
    link.textContent = 'Packets';
    document.body.append(link);
    link.focus();
    render(<PageHeader title="Packets" />);
    expect(document.activeElement).toBe(link);
    link.remove();
  });
});
