/**
 * The first view paints before any database read resolves (issue 13): the
 * opening of IndexedDB is held back until the test lets it go, and the app
 * frame (sidebar, sections, a loading stand-in for the page) must already
 * be on screen while it is held. No read can resolve before the database
 * has opened, so holding the opening holds every read. Then the gate decides:
 * on a fresh copy the profile step, on a known one the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { ensureProfile, watchPage } from './helpers';

/** Holds back the `success` of every IndexedDB open until window.__releaseDatabase() is called; counts opens delivered. */
async function holdDatabaseOpening(page: Page) {
  await page.addInitScript(() => {
    const state = { delivered: 0 };
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    Object.assign(window, { __databaseOpens: state, __releaseDatabase: () => release() });
    const realOpen = IDBFactory.prototype.open;
    const onsuccess = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess')!;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = realOpen.apply(this, args);
      let handler: IDBRequest['onsuccess'] = null;
      Object.defineProperty(request, 'onsuccess', {
        configurable: true,
        get: () => handler,
        set(next: IDBRequest['onsuccess']) {
          handler = next;
          const held = next && ((event: Event) => void released.then(() => {
            state.delivered += 1;
            next.call(request, event);
          }));
          onsuccess.set!.call(request, held);
        },
      });
      return request;
    };
  });
}

const delivered = (page: Page) => page.evaluate(() => (window as unknown as { __databaseOpens: { delivered: number } }).__databaseOpens.delivered);
const release = (page: Page) => page.evaluate(() => (window as unknown as { __releaseDatabase: () => void }).__releaseDatabase());

test('the app frame is on screen while the database is still opening, on a fresh copy and on a known one', async ({ page }) => {
  const problems = watchPage(page);
  await holdDatabaseOpening(page);

  // A fresh copy: the frame first, then (once the profile has been read) the step.
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.locator('.page-skeleton')).toBeVisible();
  expect(await delivered(page)).toBe(0);
  await release(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using Levelset?' })).toBeVisible();
  await ensureProfile(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Frameworks' })).toBeVisible();

  // A known copy, on a page deeper than the start: the frame, with this section marked, before the database opens.
  await page.goto('/#/candidates');
  await page.reload();
  await expect(page.getByRole('link', { name: /^Candidates/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.page-skeleton')).toBeVisible();
  expect(await delivered(page)).toBe(0);
  await release(page);
  await expect(page.getByRole('heading', { name: 'No candidates yet' })).toBeVisible();
  await expect(page.locator('.page-skeleton')).toHaveCount(0);
  expect(await delivered(page)).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('the window shows the app frame before its code has arrived, and the app replaces it', async ({ page }) => {
  const problems = watchPage(page);
  // A known copy, so the app's end state is its sections (a fresh one ends on the first-run step, which has none:
  // the check below passed only when its polling caught the frame the gate shows while it reads the profile).
  await page.goto('/#/candidates');
  await ensureProfile(page);
  // The app's code is held back: what paints now is index.html alone (the desktop window opens at this first paint).
  // Routing turns the HTTP cache off, so the code is fetched again, through the hold.
  let letCodeThrough = () => {};
  const codeHeld = new Promise<void>((resolve) => (letCodeThrough = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await codeHeld;
    await route.continue();
  });
  // A new document (the same URL again would only move within the open one).
  await page.goto('about:blank');
  await page.goto('/#/candidates', { waitUntil: 'commit' });
  const frame = page.locator('.boot-frame');
  await expect(frame).toBeVisible();
  await expect(frame.getByText('Levelset')).toBeVisible();
  await expect(frame.locator('.page-skeleton')).toBeVisible();
  // Nothing in it is read aloud or reached by the keyboard before the app is there to act on it.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(frame).toHaveAttribute('aria-hidden', 'true');

  letCodeThrough();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(frame).toHaveCount(0);
  await expect(page.locator('.brand')).toHaveCount(1);
  expect(problems).toEqual([]);
});
