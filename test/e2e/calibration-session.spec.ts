/**
 * A calibration session in the browser: load the sample cycle, create a
 * blind session through the form (one target level, so a handful of
 * candidates), and for every candidate record silent pre-votes for two
 * members, reveal them (which locks them; one is corrected with a reason),
 * record final votes and decide with a rationale.
 * Finalize, reload, and find the decisions read-only under the same
 * pseudonyms, no real name anywhere (the window title included), and the
 * audit chain verifying. Every view passes axe-core.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtInFrameworks } from '../../shared/frameworks/builtin';
import { takenCandidates } from '../../shared/rules/session-candidates';
import { generateSampleCycle } from '../../shared/sample/sample-cycle';
import { expectAccessible, openWithSample, TEST_PROFILE, watchPage } from './helpers';

// The same data the "Load sample cycle" button writes.
const sample = generateSampleCycle(builtInFrameworks[0]!);
// Offered to a new session: submitted, and not decided in the finalized pilot (one decision per candidate per cycle).
const decided = takenCandidates(sample.sessions, sample.decisions);
const submitted = new Set(sample.packets.filter((p) => p.status === 'submitted' && decided.get(p.candidateId)?.reason !== 'decided').map((p) => p.candidateId));
// The level with the most submitted packets among those with three to five.
const target = sample.framework.levels
  .map((level) => ({ level, candidates: sample.candidates.filter((c) => c.targetLevelId === level.id && submitted.has(c.id)) }))
  .filter((t) => t.candidates.length >= 3 && t.candidates.length <= 5)
  .sort((a, b) => b.candidates.length - a.candidates.length)[0]!;
const realNames = [...new Set(target.candidates.flatMap((c) => [c.name, c.manager]))];
const SESSION = `Blind calibration, ${target.level.code}`;
const OUTCOMES = ['Promote', 'Not yet', 'Defer', 'Promote'] as const;

/** The pseudonym on screen, read from the window title ("<name> · <session> · Levelset"). */
async function shownName(page: Page): Promise<string> {
  await expect(page).toHaveTitle(new RegExp(` · ${SESSION} · Levelset$`));
  return (await page.title()).split(' · ')[0]!;
}

async function expectNoRealNames(page: Page) {
  const text = await page.locator('body').innerText();
  for (const name of realNames) expect(text, `"${name}" is on screen in blind mode`).not.toContain(name);
  const title = await page.title();
  for (const name of realNames) expect(title).not.toContain(name);
}

test('runs a blind session with pre-votes and final votes, decides, finalizes, and keeps it read-only and verifiable after a reload', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await openWithSample(page);

  // The sessions list.
  await page.goto('/#/calibration');
  await expect(page.getByRole('heading', { level: 1, name: 'Calibration' })).toBeVisible();
  await expect(page.locator('main table tbody tr')).toHaveCount(sample.sessions.length);
  await expectAccessible(page, 'calibration sessions');

  // The form: problems first, then a blind session at one target level.
  await page.getByRole('link', { name: 'New session' }).click();
  await expect(page).toHaveURL(/#\/calibration\/new$/);
  const form = page.getByRole('form', { name: 'Session' });
  await form.getByRole('button', { name: 'Create session' }).click();
  await expect(form.getByText('Give the session a name.')).toBeVisible();
  await expect(form.getByText('Every committee member needs a name.')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await expectAccessible(page, 'new session form');

  await form.getByLabel('Name', { exact: true }).fill(SESSION);
  await form.getByLabel('Member 1 name').fill('Morgan Ellis');
  await form.getByLabel('Member 2 name').fill('Priyanka Rao');
  await form.getByRole('checkbox', { name: new RegExp(`^${target.level.code} ${target.level.title}`) }).check();
  await expect(form.getByRole('status')).toContainText(`${target.candidates.length} candidates will be reviewed`);
  await expect(form.getByRole('checkbox', { name: 'Blind mode' })).toBeChecked();
  await form.getByRole('button', { name: 'Create session' }).click();

  // The session page opens on the review tab, in presenter mode, and the route names the candidate shown.
  await expect(page).toHaveURL(/#\/calibration\/[0-9a-f-]{36}\/review\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Review' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(`Candidate 1 of ${target.candidates.length}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finalize' })).toBeDisabled();

  const pseudonyms: string[] = [];
  for (let i = 0; i < target.candidates.length; i++) {
    if (i > 0) {
      await page.keyboard.press('j');
      await expect(page.getByText(`Candidate ${i + 1} of ${target.candidates.length}`)).toBeVisible();
    }
    const name = await shownName(page);
    expect(pseudonyms).not.toContain(name);
    pseudonyms.push(name);
    await expect(page.locator('#presenter-name')).toContainText(name);
    await expectNoRealNames(page);

    // Silent pre-votes: recorded, and hidden until revealed.
    const chairPre = page.getByRole('group', { name: 'Pre-vote of Morgan Ellis' });
    const memberPre = page.getByRole('group', { name: 'Pre-vote of Priyanka Rao' });
    await chairPre.getByRole('radio', { name: 'Promote', exact: true }).click();
    await memberPre.getByRole('radio', { name: 'Not yet' }).click();
    await expect(chairPre.getByText('Recorded, hidden until the pre-votes are revealed')).toBeVisible();
    await expect(memberPre.getByText('Recorded, hidden until the pre-votes are revealed')).toBeVisible();
    await expect(chairPre.getByRole('radio', { name: 'Promote', exact: true })).not.toBeChecked();
    await page.getByRole('button', { name: 'Reveal pre-votes' }).click();
    // This machine records as Dana Whitfield, not the session's chair: a reveal, which cannot be undone, asks first.
    const ask = page.getByRole('alertdialog', { name: 'Reveal the pre-votes?' });
    await expect(ask.getByText('You are not the chair.')).toBeVisible();
    await ask.getByRole('button', { name: 'Reveal pre-votes' }).click();
    await expect(chairPre.getByRole('radio', { name: 'Promote', exact: true })).toBeChecked();
    await expect(memberPre.getByRole('radio', { name: 'Not yet' })).toBeChecked();
    // Revealed pre-votes are locked: a change is a correction with a reason.
    await expect(memberPre.getByRole('radio', { name: 'Defer' })).toBeDisabled();
    await expect(memberPre.getByText('Locked: the pre-votes are revealed.')).toBeVisible();
    if (i === 0) {
      await memberPre.getByRole('button', { name: 'Correct pre-vote… of Priyanka Rao' }).click();
      const correction = page.getByRole('dialog', { name: 'Correct the pre-vote of Priyanka Rao?' });
      await correction.getByRole('radio', { name: 'Defer' }).check();
      await correction.getByLabel('Reason (required)').fill('Recorded in the wrong row');
      await correction.getByRole('button', { name: 'Correct pre-vote' }).click();
      await expect(correction).toBeHidden();
      await expect(memberPre.getByText('Defer (corrected from Not yet: Recorded in the wrong row)')).toBeVisible();
      await expectAccessible(page, 'corrected pre-vote');
    }

    // Final votes, then how they moved.
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    const morganFinal = page.getByRole('group', { name: 'Final vote of Morgan Ellis' });
    if (outcome === 'Not yet') {
      // By keyboard: F reaches the first member without a final vote; the arrows pass options without recording them.
      await page.keyboard.press('f');
      await expect(morganFinal.getByRole('radio', { name: 'Promote', exact: true })).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await expect(morganFinal.getByRole('radio', { name: 'Not yet' })).toBeFocused();
      await expect(morganFinal.getByText('No final vote yet')).toBeVisible();
      await expect(morganFinal.getByRole('radio', { name: 'Defer' })).not.toBeChecked();
      await page.keyboard.press('Space');
      await expect(morganFinal.getByRole('radio', { name: 'Not yet' })).toBeChecked();
    } else {
      await morganFinal.getByRole('radio', { name: outcome, exact: true }).click();
    }
    await page.getByRole('group', { name: 'Final vote of Priyanka Rao' }).getByRole('radio', { name: outcome, exact: true }).click();
    await expect(page.getByRole('heading', { name: 'How votes moved' })).toBeVisible();
    await expect(page.getByText('Morgan Ellis: Promote →')).toBeVisible();
    if (i === 0) await expect(page.getByText(/^Priyanka Rao: Defer \(corrected from Not yet: Recorded in the wrong row\) →/)).toBeVisible();

    if (i === 0) {
      await page.screenshot({ path: testInfo.outputPath('presenter-1280x800.png') });
      await expectAccessible(page, 'review tab (presenter)');
    }

    // The decision: the outcome follows the final votes' majority; a rationale is required.
    const decision = page.getByRole('group', { name: 'Outcome' });
    await expect(decision.getByRole('radio', { name: outcome, exact: true })).toBeChecked();
    if (outcome !== 'Promote') await expect(page.getByLabel('Next steps (one per line)')).not.toHaveValue('');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect(page.getByText('Write the rationale: which criteria the decision rests on and why.')).toBeVisible();
    await page.getByLabel('Rationale (required)').fill(`${outcome}: the committee read the evidence against each ${target.level.code} criterion.`);
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect(page.locator('.decision-saved')).toHaveText('✓ Decision saved');
    await expect(page.getByText(`${i + 1} decided`).first()).toBeVisible();
  }

  // Finalize, after a confirmation.
  await expect(page.getByRole('button', { name: 'Finalize' })).toBeEnabled();
  await page.getByRole('button', { name: 'Finalize' }).click();
  const dialog = page.getByRole('dialog', { name: `Finalize ${SESSION}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Finalize' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reopen…' })).toBeVisible();
  // Who finalized it: the profile on this machine.
  await expect(page.getByRole('note').filter({ hasText: /^Finalized on .+ by / })).toContainText(`by ${TEST_PROFILE.name}`);

  // After a reload: read-only, the same pseudonyms, no real names.
  // The route names the candidate on screen, and a reload stays on it.
  const shownUrl = page.url();
  await page.reload();
  await expect(page).toHaveURL(shownUrl);
  await expect(page.getByRole('heading', { level: 1, name: SESSION })).toBeVisible();
  await expect(page.locator('.page-subtitle .status')).toHaveText('Finalized');
  await expect(page.getByRole('button', { name: 'Reopen…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finalize' })).toHaveCount(0);
  // The presenter starts where it was left in the tab before the reload, or at the first candidate; walk back to the start.
  for (let i = 0; i < target.candidates.length; i++) await page.keyboard.press('k');
  await expect(page.getByText(`Candidate 1 of ${target.candidates.length}`)).toBeVisible();
  for (let i = 0; i < target.candidates.length; i++) {
    if (i > 0) {
      await page.keyboard.press('j');
      await expect(page.getByText(`Candidate ${i + 1} of ${target.candidates.length}`)).toBeVisible();
    }
    expect(await shownName(page)).toBe(pseudonyms[i]);
    await expect(page.locator('main input, main textarea, main select')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save decision' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Change decision' })).toHaveCount(0);
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    await expect(page.locator('.decision-text')).toContainText(`Outcome${outcome}`);
    await expect(page.locator('.decision-text')).toContainText('Locked');
    await expect(page.locator('.decision-text')).toContainText(`${outcome}: the committee read the evidence`);
    await expectNoRealNames(page);
  }

  // The audit tab: newest first, and the chain verifies.
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('link', { name: 'Audit' })).toHaveAttribute('aria-current', 'page');
  const rows = page.locator('table.session-audit tbody tr');
  // The session's creation; four votes, the reveal of the pre-votes and a decision per candidate; one correction; and the finalize.
  await expect(rows).toHaveCount(1 + target.candidates.length * 6 + 1 + 1);
  await expect(rows.first()).toContainText('finalize');
  await expect(rows.last()).toContainText('create session');
  await expectNoRealNames(page);
  await page.getByRole('button', { name: 'Verify audit trail' }).click();
  await expect(page.getByText(/^✓ Chain intact and the trail replays to the records: \d+ entries · [0-9a-f]{12} on 1 device\.$/)).toBeVisible();
  await expectAccessible(page, 'audit tab');

  expect(problems).toEqual([]);
});
