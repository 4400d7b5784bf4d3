/**
 * No blank screen after an import left impossible dates behind: rows are
 * written straight into IndexedDB (past the schemas, as an older import
 * could), then the Decisions page and the decision book's print view are
 * opened. Each shows its page with the dates marked "(not a real date)",
 * never a blank window, and the sidebar still leads elsewhere.
 */
import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

const BAD = '2026-00-15';

test('impossible stored dates leave the decision book and the Decisions page readable, and navigation works', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openWithSample(page);

  // Every evidence date and decision time, live and in the finalized sessions' frozen records, set to an impossible date.
  const sessionId = await page.evaluate(async (bad) => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('levelset');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = idb.transaction(['evidence', 'decisions', 'sessions'], 'readwrite');
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = tx.objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    type Row = Record<string, unknown>;
    type SessionRow = Row & { id: string; status: string; record?: { evidence: Row[]; decisions: Row[] } | null };
    for (const e of await all<Row>('evidence')) tx.objectStore('evidence').put({ ...e, date: bad });
    for (const d of await all<Row>('decisions')) tx.objectStore('decisions').put({ ...d, decidedAt: `${bad}T10:00:00.000Z` });
    let finalized = '';
    for (const s of await all<SessionRow>('sessions')) {
      if (!s.record) continue;
      finalized = s.id;
      const record = { ...s.record, evidence: s.record.evidence.map((e) => ({ ...e, date: bad })), decisions: s.record.decisions.map((d) => ({ ...d, decidedAt: `${bad}T10:00:00.000Z` })) };
      tx.objectStore('sessions').put({ ...s, record });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
    return finalized;
  }, BAD);
  expect(sessionId).not.toBe('');

  await page.goto('/#/decisions');
  await expect(page.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  // The decision day, as the book and the CSV give it (one date rule on every screen), marked as not a real date.
  await expect(page.getByRole('cell', { name: `${BAD} (not a real date)` }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The decision book, as the Decision book (PDF) button opens it in a browser.
  await page.goto(`/#/print/session/${encodeURIComponent(sessionId)}`);
  await expect(page.getByText('Levelset decision book')).toBeVisible();
  await expect(page.locator('.print-doc')).toContainText(`(${BAD} (not a real date))`);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Back in the app, the sidebar works.
  await page.goto('/#/decisions');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Candidates/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

/** A date typed that does not exist (31 February): said as such beside the field, not "Choose the date it happened" (a manager trial). */
test('the evidence form says a typed date that does not exist is not a date, and saves nothing', async ({ page }) => {
  await openWithSample(page);
  await page.goto('/#/candidates/sample-2026-cand-0012');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.keyboard.press('n');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toBeFocused();
  await page.keyboard.type('Ran the incident review for the payments outage');
  await page.keyboard.press('Tab');
  const date = page.getByLabel('Date', { exact: true });
  await expect(date).toBeFocused();
  await page.keyboard.type('02312026');
  await expect(date).toHaveValue('');
  await title.focus();
  const said = page.getByText(/^That is not a date that exists, or it is not complete/);
  await expect(said).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(said).toBeVisible();
  await expect(page.getByText('Choose the date it happened; the date sets the quarter it counts in.')).toHaveCount(0);
  // Nothing saved: the form is still open with what was typed.
  await expect(title).toHaveValue('Ran the incident review for the payments outage');
  // A real date typed over it clears the message.
  await date.fill('2026-02-27');
  await expect(said).toHaveCount(0);
});
