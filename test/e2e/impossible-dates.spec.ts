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
