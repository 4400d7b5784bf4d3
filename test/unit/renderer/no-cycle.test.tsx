// @vitest-environment jsdom
/**
 * With no cycle yet, a chair's first step is importing the managers' bundles (each brings its cycle). A trial as a
 * chair on a fresh profile found the empty pages offering only "Create a cycle" and the sample: the import was a
 * button in a corner of one page. Every empty cycle page now says where to import; the Packets page points at its
 * own button.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoCycle } from '../../../renderer/features/no-cycle';

afterEach(cleanup);

describe('the pages of a cycle, while there is none', () => {
  it('tell a chair to import the managers’ bundles, with a link to where', () => {
    render(<NoCycle what="calibration sessions" />);
    expect(screen.getByText(/Chairing a committee\? The bundles your managers export bring their cycle with them/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Packets' }).getAttribute('href')).toBe('#/packets');
  });

  it('on the Packets page, point at its own Import bundle… button', () => {
    render(<NoCycle what="packets" importHere />);
    expect(screen.getByText(/import them with Import bundle… above/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Packets' })).toBeNull();
  });
});
