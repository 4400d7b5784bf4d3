/**
 * The packet builder in the browser: load the sample cycle, open a draft
 * packet, assess criteria (mouse and arrow keys) and watch readiness follow,
 * acknowledge the warnings, submit, find it read-only (also after a
 * reload), and reopen it as revision 2. The builder passes axe-core.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtInFrameworks } from '../../shared/frameworks/builtin';
import { criterionCoverage, gapSummary } from '../../shared/packets/coverage';
import { readiness } from '../../shared/rules/readiness';
import { generateSampleCycle } from '../../shared/sample/sample-cycle';
import { expectAccessible, openWithSample, watchPage } from './helpers';

// The same data the "Load sample cycle" button writes.
const sample = generateSampleCycle(builtInFrameworks[0]!);
const packet = sample.packets.find((p) => p.status === 'draft' && p.candidateId === 'sample-2026-cand-0001') ?? sample.packets.find((p) => p.status === 'draft')!;
const candidate = sample.candidates.find((c) => c.id === packet.candidateId)!;
const evidence = sample.evidence.filter((e) => e.candidateId === candidate.id);
const coverage = criterionCoverage(sample.framework, packet, evidence, { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo });

function figureText(ready: number, total: number) {
  return `Readiness ${Math.round((ready / total) * 100)}% (${ready} of ${total})`;
}

async function expectFigure(page: Page, ready: number) {
  await expect(page.locator('#packet-readiness-figure')).toHaveText(figureText(ready, coverage.length));
}

test('builds, submits, and reopens a packet; read-only survives a reload', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await openWithSample(page);

  await page.goto(`/#/packets/${candidate.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidate.name);
  await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Readiness = criteria assessed “consistently”/)).toBeVisible();
  // The window's days as the browser's locale writes them (the app's formatDate), not as stored.
  const [from, to] = await page.evaluate((days) => days.map((d) => new Date(`${d}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })), [sample.cycle.evidenceFrom, sample.cycle.evidenceTo]);
  await expect(page.getByText(`Evidence window: evidence from ${from} to ${to}`, { exact: false })).toBeVisible();
  const readyAtStart = coverage.filter((c) => c.rating === 'consistently' && c.sustained).length;
  await expectFigure(page, readyAtStart);
  await expect(page.locator('table.packet-criteria tbody tr')).toHaveCount(coverage.length);
  // The heading names the gaps: every criterion that does not count (one quarter of evidence, "partially", ...).
  await expect(page.locator('#packet-criteria-heading')).toContainText(gapSummary(coverage));

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('packet-builder-1280x800.png') });
  await page.screenshot({ path: testInfo.outputPath('packet-builder-1280x800-full.png'), fullPage: true });
  await expectAccessible(page, 'packet builder (draft)');

  // Mark every criterion "Consistently": readiness becomes the share of sustained criteria.
  for (const [i, c] of coverage.entries()) {
    const group = page.getByRole('group', { name: `Assessment of criterion ${i + 1}: ${c.criterion.text}` });
    await group.getByRole('radio', { name: 'Consistently' }).check();
  }
  const sustained = coverage.filter((c) => c.sustained).length;
  await expectFigure(page, sustained);

  // Arrow keys move within a radio group: from "Consistently" up to "Partially" on the first sustained criterion.
  const first = coverage.findIndex((c) => c.sustained);
  const firstGroup = page.getByRole('group', { name: `Assessment of criterion ${first + 1}: ${coverage[first]!.criterion.text}` });
  await firstGroup.getByRole('radio', { name: 'Consistently' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(firstGroup.getByRole('radio', { name: 'Partially' })).toBeChecked();
  await expectFigure(page, sustained - 1);

  // The summary saves as you type.
  const summary = page.getByRole('textbox', { name: 'Summary' });
  await summary.fill(`${candidate.name.split(' ')[0]} led the checkout rewrite and ran its design review in two quarters.`);
  await expect(page.getByText('✓ Saved')).toBeVisible();

  // Acknowledge the warnings; then submit.
  const checks = page.getByRole('region', { name: 'Packet checks' });
  const submit = page.getByRole('button', { name: 'Submit revision 1' });
  const boxes = checks.getByRole('checkbox');
  // A check's link moves focus to the criterion row it is about.
  const gap = coverage.find((c) => c.evidenceInWindow === 0);
  if (gap) {
    await checks.getByRole('link', { name: /^Go to the criterion/ }).first().click();
    await expect(page.locator(`[id="criterion-${gap.criterion.id}"]`)).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`#/packets/${candidate.id}$`));
  }
  if ((await boxes.count()) > 0) {
    await expect(submit).toBeDisabled();
    await expect(page.getByText(/^Not ready to submit/)).toBeVisible();
    for (const box of await boxes.all()) await box.check();
  }
  await expect(submit).toBeEnabled();
  // Words typed just before Submit, their save still waiting, are in what is submitted, and nothing says they were lost.
  await summary.press('End');
  await summary.pressSequentially(' Then more.');
  await submit.click();

  const reopen = page.getByRole('button', { name: 'Reopen (creates revision 2)' });
  await expect(reopen).toBeVisible();
  await expect(page.locator('#packet-summary, .packet-field-text').filter({ hasText: 'Then more.' }).first()).toBeVisible();
  await expect(page.getByText(/what you typed last was not saved/)).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByText(/^Submitted$/).first()).toBeVisible();
  await expectAccessible(page, 'packet builder (submitted)');
  await page.screenshot({ path: testInfo.outputPath('packet-builder-submitted-full.png'), fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidate.name);
  await expect(reopen).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expectFigure(page, sustained - 1);

  await reopen.click();
  await page.getByRole('alertdialog', { name: 'Reopen submitted revision 1?' }).getByRole('button', { name: 'Reopen as revision 2' }).click();
  await expect(page.getByRole('button', { name: 'Submit revision 2' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveValue(/led the checkout rewrite/);
  await expect(page.getByRole('radio', { name: 'Consistently' })).toHaveCount(coverage.length);
  await expect(page.getByRole('table', { name: /Revisions/ }).getByRole('row')).toHaveCount(3);
  await expectFigure(page, sustained - 1);

  // Revision 1 is still there, read-only.
  await page.getByRole('button', { name: 'View revision 1' }).click();
  await expect(page.getByRole('button', { name: 'Back to the current revision (2)' })).toBeVisible();
  // The revision's status takes the focus, in view: the page changed below the button with the focus on the body (a trial).
  const status = page.getByRole('group', { name: 'Packet status' });
  await expect(status).toBeFocused();
  await expect(status).toBeInViewport();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByText(/^Superseded$/).first()).toBeVisible();

  // Its PDF is revision 1 as submitted, not the current draft (a trial printed "what was submitted" from this view and
  // got the later revision). The draft's summary gains words only it has, so the two prints can be told apart.
  await page.getByRole('button', { name: 'Back to the current revision (2)' }).click();
  const draftSummary = page.getByRole('textbox', { name: 'Summary' });
  await draftSummary.press('End');
  await draftSummary.pressSequentially(' Only in revision two.');
  await page.getByRole('button', { name: 'View revision 1' }).click();
  await expect(page.getByRole('button', { name: 'Packet PDF' })).toHaveCount(0);
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Revision 1 PDF' }).click();
  const tab = await opened;
  const printed = /#\/print\/packet\/([^/]+)\/([^/]+)\/auto$/.exec(tab.url());
  expect(printed?.[1]).toBe(candidate.id);
  await tab.close();
  const printText = async (route: string) => {
    await page.goto(route);
    await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1);
    return page.locator('main').innerText();
  };
  const revisionOne = await printText(`/#/print/packet/${candidate.id}/${printed![2]}`);
  expect(revisionOne).toMatch(/Promotion packet · revision 1 · submitted/i);
  expect(revisionOne).not.toContain('Only in revision two.');
  // The current revision still prints from its own button, with the draft's words.
  const draft = await printText(`/#/print/packet/${candidate.id}`);
  expect(draft).toMatch(/Promotion packet · revision 2 · draft/i);
  expect(draft).toContain('Only in revision two.');

  expect(problems).toEqual([]);
});

// A submitted sample packet and a re-date of one item it cites that would change its readiness if it were judged with the live log.
const evidenceWindow = { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo };
const frozenCase = (() => {
  for (const p of sample.packets.filter((q) => q.status === 'submitted' && q.snapshot && q.snapshot.evidence.length > 0)) {
    const cited = p.snapshot!.evidence;
    const ready = readiness(criterionCoverage(sample.framework, p, cited, evidenceWindow));
    for (const item of cited)
      for (const other of cited) {
        const moved = cited.map((e) => (e.id === item.id ? { ...e, date: other.date } : e));
        if (readiness(criterionCoverage(sample.framework, p, moved, evidenceWindow)).ready !== ready.ready) return { packet: p, item, date: other.date, ready };
      }
  }
  return null;
})();

test('a submitted packet keeps what it showed after its evidence is edited; the candidate page offers the next revision', async ({ page }) => {
  expect(frozenCase).not.toBeNull();
  const { packet: submitted, item, date, ready } = frozenCase!;
  const who = sample.candidates.find((c) => c.id === submitted.candidateId)!;
  const problems = watchPage(page);
  await openWithSample(page);

  // Rename and re-date a cited item on the candidate page.
  await page.goto(`/#/candidates/${who.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(who.name);
  await page.locator(`[id="evidence-${item.id}"]`).getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: `Edit “${item.title}”` });
  await form.getByLabel('Title').fill(`${item.title} (renamed)`);
  await form.getByLabel('Date').fill(date);
  await form.getByRole('button', { name: 'Save changes' }).click();

  const notice = page.getByRole('note').filter({ hasText: 'The evidence has changed since the packet was submitted.' });
  await expect(notice).toContainText(`1 evidence item changed since revision 1 was submitted: “${item.title} (renamed)” (edited). The committee sees revision 1 as submitted.`);
  await expect(page.locator(`[id="evidence-${item.id}"]`)).toContainText('Changed since revision 1 was submitted');
  await expectAccessible(page, 'candidate page with changed evidence');

  // The packet builder still shows revision 1 as submitted: same readiness, the old title.
  await page.goto(`/#/packets/${who.id}`);
  await expect(page.locator('#packet-readiness-figure')).toHaveText(`Readiness ${Math.round(ready.share * 100)}% (${ready.ready} of ${ready.total})`);
  await expect(page.locator('.packet-evidence-title').filter({ hasText: item.title }).first()).toHaveText(item.title);
  await expect(page.locator('.packet-evidence-title').filter({ hasText: '(renamed)' })).toHaveCount(0);

  // From the keyboard: start revision 2 from the candidate page.
  await page.goto(`/#/candidates/${who.id}`);
  const start = page.getByRole('button', { name: 'Start revision 2 with these changes' });
  await start.focus();
  await page.keyboard.press('Enter');
  // The dialog says what reopening does; its focus starts on Cancel, so Tab then Enter confirms.
  await expect(page.getByRole('alertdialog', { name: 'Reopen submitted revision 1?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Reopen as revision 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/packets/${who.id}$`));
  await expect(page.getByRole('status').filter({ hasText: 'Started revision 2 as a draft with the changed evidence' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit revision 2' })).toBeVisible();
  await expect(page.locator('.packet-evidence-title').filter({ hasText: '(renamed)' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'View revision 1' }).click();
  await expect(page.locator('#packet-readiness-figure')).toHaveText(`Readiness ${Math.round(ready.share * 100)}% (${ready.ready} of ${ready.total})`);
  await expect(page.locator('.packet-evidence-title').filter({ hasText: '(renamed)' })).toHaveCount(0);

  expect(problems).toEqual([]);
});
