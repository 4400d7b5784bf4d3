// @vitest-environment jsdom
/**
 * The app's global keys work from the moment its frame is drawn. They were
 * heard only from an effect, which React runs a task after the paint of a
 * render that no key or click started (the app's start): a section key or ?
 * pressed as the window appeared did nothing.
 */
import { StrictMode, act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/app';
import { hrefFor } from '../../../renderer/app/routes';
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';

let root: Root | undefined;
let container: HTMLElement | undefined;
const actFlag = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
const actBefore = actFlag.IS_REACT_ACT_ENVIRONMENT;

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
});
afterEach(async () => {
  // The app was started outside act, as in the browser; it is taken down inside one so React finishes first.
  actFlag.IS_REACT_ACT_ENVIRONMENT = true;
  await act(async () => root?.unmount());
  actFlag.IS_REACT_ACT_ENVIRONMENT = actBefore;
  container?.remove();
  root = undefined;
  container = undefined;
});

describe('global keys at start', () => {
  it('goes to the section whose key is pressed as the app’s frame first appears', async () => {
    // As main.tsx starts it: a root rendered outside any input event. (Inside act, React would run the effects at once.)
    actFlag.IS_REACT_ACT_ENVIRONMENT = false;
    const page = document.body.appendChild(document.createElement('div'));
    container = page;
    let pressed = false;
    // Pressed the moment the sidebar is in the page, before anything the app runs after that change: the earliest a
    // person could press it.
    const observer = new MutationObserver(() => {
      if (!page.querySelector('nav[aria-label="Sections"]')) return;
      observer.disconnect();
      pressed = true;
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true, cancelable: true }));
    });
    observer.observe(page, { childList: true, subtree: true });
    root = createRoot(page);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    await vi.waitFor(() => expect(pressed).toBe(true), { timeout: 15_000 });
    observer.disconnect();
    expect(window.location.hash).toBe(hrefFor('packets'));
  });
});
