// @vitest-environment jsdom
/**
 * useWindowKeydown, the one way a view hears keys on the whole window: a key
 * pressed the moment the view is drawn reaches it, and reaches the handler of
 * the render on screen. Each key here is pressed from a MutationObserver,
 * the moment the change is in the page and before anything React runs after
 * it (its effects come a task later, after the paint, when no key or click
 * started the render): the earliest a person could press it.
 */
import { cleanup, render } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { useWindowKeydown } from '../../../renderer/components/use-keydown';

afterEach(() => cleanup());

/** Presses `key` on the page the moment `shown` holds of it. */
function pressWhen(shown: () => boolean, key: string): { pressed: () => boolean } {
  let pressed = false;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    pressed = true;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  onTestFinished(() => observer.disconnect());
  return { pressed: () => pressed };
}

/** Shows each of `labels` in turn, each once a promise has settled (as rows read from the database arrive). */
function Later({ labels, heard }: { labels: readonly string[]; heard: (label: string) => void }) {
  const [at, setAt] = useState(-1);
  useEffect(() => {
    if (at + 1 < labels.length) void Promise.resolve().then(() => setAt(at + 1));
  }, [at, labels.length]);
  return at >= 0 ? <Keys label={labels[at]!} heard={heard} /> : null;
}
function Keys({ label, heard }: { label: string; heard: (label: string) => void }) {
  useWindowKeydown((event) => {
    if (event.key === 'x') heard(label);
  });
  return <h1>{label}</h1>;
}
const heading = () => document.querySelector('h1')?.textContent;

describe('useWindowKeydown', () => {
  it('hears a key pressed the moment the view is drawn', async () => {
    const heard = vi.fn();
    const key = pressWhen(() => heading() === 'First', 'x');
    render(<Later labels={['First']} heard={heard} />);
    await vi.waitFor(() => expect(key.pressed()).toBe(true));
    expect(heard.mock.calls).toEqual([['First']]);
  });

  it('gives a key pressed as a new render is drawn to that render’s handler', async () => {
    const heard = vi.fn();
    const key = pressWhen(() => heading() === 'Second', 'x');
    render(<Later labels={['First', 'Second']} heard={heard} />);
    await vi.waitFor(() => expect(key.pressed()).toBe(true));
    expect(heard.mock.calls).toEqual([['Second']]);
  });
});
