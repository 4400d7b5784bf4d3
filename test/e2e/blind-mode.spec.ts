/**
 * Blind mode never leaks: every real name of the sample (candidates, their
 * first names and surnames, managers, teams) is written into every
 * free-text field a blind session shows — packet summaries, "not yet
 * doing", assessment notes and evidence titles and descriptions (written
 * into the stored rows, live and frozen, before the session is made), and
 * the decision's rationale, next steps and dissent (typed in the review
 * page) — and then none of them may appear in the DOM of any session view
 * or its window title, in pdftotext of the decision book and of a decision
 * PDF, or in the Decisions CSV.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasPoppler, openWithSample, watchPage } from './helpers';


interface People {
  names: string[];
  managers: string[];
  teams: string[];
}

/** Every candidate, manager and team of the loaded cycle, read from the app's database. */
function readPeople(page: Page): Promise<People> {
  return page.evaluate(
    () =>
      new Promise<People>((resolve, reject) => {
        const open = indexedDB.open('levelset');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('candidates').objectStore('candidates').getAll();
          all.onsuccess = () => {
            const rows = all.result as Array<{ name: string; manager: string; team: string }>;
            open.result.close();
            resolve({ names: [...new Set(rows.map((r) => r.name))], managers: [...new Set(rows.map((r) => r.manager))], teams: [...new Set(rows.map((r) => r.team).filter(Boolean))] });
          };
        };
      }),
  );
}

/** Writes `text` into the free text of every packet (and its frozen snapshot) and every evidence item. */
function writeIntoPackets(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('levelset');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['packets', 'evidence'], 'readwrite');
          let written = 0;
          type Notes = Record<string, { rating: string; note: string }>;
          const noted = (a: Notes) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, { ...v, note: text }]));
          const evidence = (e: Record<string, unknown>) => ({ ...e, title: text.slice(0, 300), description: text });
          const packets = tx.objectStore('packets');
          packets.getAll().onsuccess = (event) => {
            for (const p of (event.target as IDBRequest).result as Array<Record<string, unknown> & { assessments: Notes; snapshot: null | (Record<string, unknown> & { assessments: Notes; evidence: Array<Record<string, unknown>> }) }>) {
              const snapshot = p.snapshot ? { ...p.snapshot, summary: text, notYetDoing: text, assessments: noted(p.snapshot.assessments), evidence: p.snapshot.evidence.map(evidence) } : null;
              packets.put({ ...p, summary: text, notYetDoing: text, assessments: noted(p.assessments), snapshot });
              written++;
            }
          };
          const store = tx.objectStore('evidence');
          store.getAll().onsuccess = (event) => {
            for (const e of (event.target as IDBRequest).result as Array<Record<string, unknown>>) store.put(evidence(e));
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(written);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    text,
  );
}

/** The real words to look for: full names, each first name and surname, managers and their parts, teams. */
function realWords(people: People): string[] {
  const words = new Set<string>();
  for (const n of [...people.names, ...people.managers]) for (const w of [n, ...n.split(/\s+/)]) words.add(w);
  for (const t of people.teams) words.add(t);
  return [...words];
}

/** The real words found in `text` as whole words (case as written). */
function leaks(text: string, words: readonly string[]): string[] {
  return words.filter((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

async function pdfText(page: Page, route: string, file: string): Promise<string> {
  await page.goto(route);
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1);
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('a blind session shows no real name on any screen, in its PDFs or in its CSV', async ({ page }, testInfo) => {
  test.skip(!hasPoppler, 'pdftotext (poppler-utils) is not installed; .ci/run installs it');
  const problems = watchPage(page);
  await openWithSample(page);

  const people = await readPeople(page);
  expect(people.names.length).toBeGreaterThan(10);
  const words = realWords(people);
  // Every name, possessives and "<team> team" included, in one text.
  const everyone = [
    ...people.names.map((n) => `${n}, ${n.split(' ')[0]}'s work, ${n.split(' ').slice(-1)[0]}`),
    ...people.managers.map((m) => `${m} (${m.split(' ')[0]})`),
    ...people.teams.map((t) => `the ${t} team`),
  ].join('; ');
  expect(await writeIntoPackets(page, everyone)).toBeGreaterThan(10);

  // A blind session (the form's default) of every candidate with a submitted packet, chaired by the user.
  await page.goto('/#/calibration/new');
  const form = page.getByRole('form', { name: 'Session' });
  await form.getByLabel('Name', { exact: true }).fill('Blind review');
  await form.getByLabel('Member 1 name').fill('Dana Whitfield');
  if (await form.getByRole('button', { name: 'Remove member 2' }).isVisible()) await form.getByRole('button', { name: 'Remove member 2' }).click();
  await expect(form.getByRole('checkbox', { name: 'Blind mode' })).toBeChecked();
  await form.getByText('Show the review order').click();
  expect.soft(leaks(await form.locator('details.session-chosen').innerText(), people.names)).toEqual([]);
  await form.getByRole('button', { name: 'Create session' }).click();
  // The review opens on the first candidate, and the route names it.
  await expect(page).toHaveURL(/#\/calibration\/[0-9a-f-]{36}\/review\/[^/]+$/);
  const sessionId = /#\/calibration\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';

  // Decide the first two candidates with every name in the rationale, the next steps and the dissent.
  const candidateIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    await page.getByRole('group', { name: 'Outcome' }).getByRole('radio', { name: 'Not yet' }).check();
    await page.getByLabel('Rationale (required)').fill(`Rationale: ${everyone}`);
    await page.getByLabel('Next steps (one per line)').fill(`Next: ${everyone}\nAlso: ${everyone}`);
    await page.getByLabel('Dissent (optional)').fill(`Dissent: ${everyone}`);
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect(page.locator('p.decision-saved')).toBeVisible();
    candidateIds.push(
      await page.evaluate(
        (sessionId) =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open('levelset');
            open.onsuccess = () => {
              const all = open.result.transaction('decisions').objectStore('decisions').getAll();
              all.onsuccess = () => {
                const mine = (all.result as Array<{ sessionId: string; candidateId: string; updatedAt: string }>).filter((d) => d.sessionId === sessionId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
                open.result.close();
                resolve(mine[0]?.candidateId ?? '');
              };
            };
          }),
        sessionId,
      ),
    );
    await page.getByRole('button', { name: /^Next/ }).click();
  }
  expect(candidateIds.every(Boolean)).toBe(true);

  // Every session view: the whole DOM (text, attributes, option values) and the window title.
  for (const tab of ['review', 'heatmap', 'compare', 'managers', 'levels', 'fairness', 'audit']) {
    await page.goto(`/#/calibration/${sessionId}/${tab}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Blind review' })).toBeVisible();
    await expect(page.locator('.loading, .print-loading')).toHaveCount(0);
    if (tab === 'review') {
      await page.getByRole('button', { name: /^Previous/ }).click();
      await expect(page.getByText(/Rationale: /).first()).toBeVisible();
      await expect(page.getByText(/No evidence logged|Loading evidence/)).toHaveCount(0);
    }
    if (tab === 'compare') {
      const boxes = page.locator('.cv-side-by-side input[type="checkbox"]');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await expect(page.getByRole('list', { name: 'Evidence' }).first()).toBeVisible();
    }
    if (tab === 'audit') await expect(page.getByText(/Rationale: /).first()).toBeVisible();
    expect.soft(leaks(await page.content(), words), `${tab}: page`).toEqual([]);
    expect.soft(leaks(await page.title(), words), `${tab}: title`).toEqual([]);
  }

  // The decision book and one candidate's decision, as PDF text.
  const dir = testInfo.outputPath('blind');
  mkdirSync(dir, { recursive: true });
  const book = await pdfText(page, `/#/print/session/${sessionId}`, path.join(dir, 'book.pdf'));
  expect(book).toContain('Rationale:');
  // Decided with no final vote cast: the page says so, as the decision form did.
  expect(book).toContain('Decided without final votes');
  expect.soft(leaks(book, words), 'decision book').toEqual([]);
  const one = await pdfText(page, `/#/print/decision/${sessionId}/${candidateIds[0]}`, path.join(dir, 'decision.pdf'));
  expect(one).toContain('Rationale:');
  expect.soft(leaks(one, words), 'decision PDF').toEqual([]);

  // The Decisions CSV, as downloaded.
  await page.goto('/#/decisions');
  const section = page.locator('section.decision-session').filter({ has: page.getByRole('heading', { name: /Blind review/ }) });
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Export CSV' }).click()]);
  const csvFile = path.join(dir, 'decisions.csv');
  await download.saveAs(csvFile);
  const csv = readFileSync(csvFile, 'utf8');
  expect(csv).toContain('Rationale:');
  // The page gives the session's votes to the CSV: against_final_votes says the decisions were made without final votes.
  expect(csv.split('\r\n')[0]).toMatch(/,against_final_votes,packet_revision,pre_votes,final_votes,decided_by,decided_on_time_zone,target_level_code,target_level_title$/);
  expect(csv.match(/Decided without final votes: none were recorded for this candidate\./g)).toHaveLength(2);
  expect.soft(leaks(csv, words), 'CSV').toEqual([]);
  // The session's rows on the Decisions page (other sessions of the sample are not blind).
  expect.soft(leaks(await section.evaluate((e) => e.outerHTML), words), 'Decisions page').toEqual([]);

  expect(problems).toEqual([]);
});
