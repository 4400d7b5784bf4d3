/**
 * Connected mode end to end (issue 14): a real nats-server (Debian's, started
 * here on free loopback ports) and four apps in separate browser contexts,
 * each its own IndexedDB, as four machines would be: the chair and three
 * committee members of the sample cycle's planned session. The chair loads
 * the sample and connects it with a cycle passphrase; the three members
 * START FROM AN EMPTY APP (no sample, no bundle file): they join with the
 * cycle id and passphrase, and their apps fetch the chair's encrypted copy
 * of the cycle and the session from the server. They cast sealed pre-votes, the chair sees who
 * voted and not how, one member votes while the server is down and catches
 * up when it is back, the chair reveals, and every app shows the same votes,
 * each once; last, the chair disconnects and connects again.
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { startNatsServer, type NatsTestServer } from '../support/nats-server';
import { ensureProfile, loadSample, watchPage } from './helpers';

const SESSION = 'sample-2026-session-1';
const MEMBERS = [
  { id: 'sample-2026-member-1', name: 'Morgan Ellis', label: 'Morgan Ellis (Chair)', role: 'chair' as const, vote: 'Promote' },
  { id: 'sample-2026-member-2', name: 'Priyanka Rao', label: 'Priyanka Rao (Member)', role: 'member' as const, vote: 'Not yet' },
  { id: 'sample-2026-member-3', name: 'Lukas Brandt', label: 'Lukas Brandt (Member)', role: 'member' as const, vote: 'Defer' },
  { id: 'sample-2026-member-4', name: 'Helen Okoro', label: 'Helen Okoro (HR partner)', role: 'member' as const, vote: 'Promote' },
];
const OUTCOMES = /Promote|Not yet|Defer/;
// Reconnecting backs off up to 30 s; the machines are shared. Waits are on what the screen shows.
const SLOW = { timeout: 90_000 };

let server: NatsTestServer;

test.beforeAll(async () => {
  server = await startNatsServer({ users: MEMBERS.map((m) => ({ id: m.id, role: m.role, password: `pw-${m.id}` })) });
});

test.afterAll(async () => {
  await server?.dispose();
});

interface App {
  page: Page;
  problems: string[];
  status: Locator;
}

const PASSPHRASE = 'committee passphrase for the sample 2026';

/** A fresh app: the chair's loads the sample cycle; a member's holds nothing but its profile. */
async function openApp(browser: Browser, withSample: boolean): Promise<App> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto('/');
  await ensureProfile(page);
  if (withSample) {
    await loadSample(page);
  }
  return { page, problems, status: page.getByRole('status', { name: /^Connected mode for / }).first() };
}

/** A member's empty app joins with what the chair gave: the server, their account, the cycle id and the cycle passphrase. */
async function join(app: App, member: (typeof MEMBERS)[number], cycleId: string, shot?: string) {
  const { page } = app;
  await page.goto('/#/cycles');
  const card = page.getByRole('region', { name: 'Join a committee' });
  await expect(card.getByText('Nothing is sent anywhere until you join.')).toBeVisible();
  await expect(app.status).toHaveCount(0);
  await card.getByLabel('Server address').fill(server.wsUrl);
  await card.getByLabel('User name').fill(member.id);
  await card.getByLabel('Password').fill(`pw-${member.id}`);
  await card.getByLabel('Cycle id').fill(cycleId);
  await card.getByLabel('Cycle passphrase').fill(PASSPHRASE);
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  await card.getByRole('button', { name: 'Join the committee' }).click();
  // The cycle arrives from the chair's copy: the app now has it, and its connection status shows.
  await expect(page.getByRole('table').getByRole('button', { name: '2026 H2 promotion cycle', exact: true })).toBeVisible(SLOW);
  await expect(app.status).toHaveAttribute('data-state', 'connected', SLOW);
  await expect(page.getByRole('region', { name: 'Connected mode' }).getByText('This app has the committee’s current copy of the cycle.')).toBeVisible(SLOW);
}

async function connect(app: App, member: (typeof MEMBERS)[number], shot?: string) {
  const { page } = app;
  await page.goto('/#/cycles');
  const panel = page.getByRole('region', { name: 'Connected mode' });
  await expect(panel.getByText('Nothing is sent anywhere until you save.')).toBeVisible();
  // Not connected: no status item yet.
  await expect(app.status).toHaveCount(0);
  await panel.getByLabel('Server address').fill(server.wsUrl);
  await panel.getByLabel('User name').fill(member.id);
  await panel.getByLabel('Password').fill(`pw-${member.id}`);
  await panel.getByLabel('You are').selectOption({ label: member.label });
  if (member.role === 'chair') {
    await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await panel.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    if (shot) await panel.screenshot({ path: shot });
  }
  await panel.getByRole('button', { name: 'Save and connect' }).click();
  await expect(panel.getByText(`${member.name}, ${member.role === 'chair' ? 'the chair' : 'a committee member'}`)).toBeVisible();
  await expect(app.status).toHaveAttribute('data-state', 'connected', SLOW);
  await expect(app.status).toContainText('All changes sent');
  if (member.role === 'chair') await expect(panel.getByText('The committee has this cycle’s current copy.')).toBeVisible(SLOW);
}

/** Checks a radio again if a re-render moved it under the click (seen once on a loaded machine as "did not change its state"). */
async function choose(radio: Locator) {
  await expect(async () => {
    await radio.check({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

const preVotes = (page: Page) => page.getByRole('group', { name: 'Pre-votes' });
const memberRow = (page: Page, id: string) => preVotes(page).locator(`li[data-member="${id}"]`);

test('a chair and three members vote in a connected session; a member cut off catches up; every app shows the same votes once', async ({ browser }, testInfo) => {
  test.setTimeout(600_000);
  const apps: App[] = [];
  for (const [i] of MEMBERS.entries()) apps.push(await openApp(browser, i === 0));
  const [chair, m2, m3, m4] = apps as [App, App, App, App];

  // The chair connects first: it opens the cycle's stream and sends the cycle, encrypted, for the committee.
  await connect(chair, MEMBERS[0]!, testInfo.outputPath('connected-chair-form-1280.png'));
  const cycleId = (await chair.page.getByRole('region', { name: 'Connected mode' }).locator('dd code').innerText()).trim();
  await chair.page.screenshot({ path: testInfo.outputPath('connected-panel-1280.png'), fullPage: false });
  await chair.page.setViewportSize({ width: 1024, height: 768 });
  await chair.page.screenshot({ path: testInfo.outputPath('connected-panel-1024.png'), fullPage: false });
  await chair.page.setViewportSize({ width: 1280, height: 800 });
  for (const [i, app] of apps.entries()) if (i > 0) await join(app, MEMBERS[i]!, cycleId, i === 1 ? testInfo.outputPath('connected-join-1280.png') : undefined);

  for (const app of apps) {
    await app.page.goto(`/#/calibration/${SESSION}`);
    await expect(preVotes(app.page)).toBeVisible();
  }
  const candidateName = await chair.page.locator('#presenter-name').innerText();
  for (const app of apps) await expect(app.page.locator('#presenter-name')).toHaveText(candidateName);

  // Three apps cast sealed pre-votes; the fourth (Helen) waits.
  for (const [i, app] of [chair, m2, m3].entries()) {
    await choose(app.page.getByRole('group', { name: 'Your pre-vote' }).getByRole('radio', { name: MEMBERS[i]!.vote, exact: true }));
    await expect(app.page.getByRole('group', { name: 'Your pre-vote' })).toContainText('Sealed: only you can see it');
  }
  // Everyone sees who has voted, and no one (the chair included) sees how anyone else voted.
  for (const app of apps) {
    for (const m of MEMBERS.slice(0, 3)) await expect(memberRow(app.page, m.id)).toContainText('Voted', SLOW);
    await expect(memberRow(app.page, MEMBERS[3]!.id)).toContainText('Not voted yet');
    for (const m of MEMBERS) await expect(memberRow(app.page, m.id)).not.toContainText(OUTCOMES);
  }
  await expect(preVotes(chair.page)).toContainText('3 of 4 voted');
  await chair.page.screenshot({ path: testInfo.outputPath('connected-session-chair-1280.png') });

  // The server goes down mid-session; Helen votes meanwhile: her change waits in her app.
  await server.stop();
  for (const app of apps) await expect(app.status).toHaveAttribute('data-state', /offline|syncing/, SLOW);
  await choose(m4.page.getByRole('group', { name: 'Your pre-vote' }).getByRole('radio', { name: MEMBERS[3]!.vote, exact: true }));
  await expect(m4.status).toContainText('1 change waiting to be sent');
  await m4.page.screenshot({ path: testInfo.outputPath('connected-offline-1280.png') });
  await m4.page.setViewportSize({ width: 1024, height: 768 });
  await m4.page.screenshot({ path: testInfo.outputPath('connected-offline-1024.png') });
  await m4.page.setViewportSize({ width: 1280, height: 800 });
  await expect(memberRow(chair.page, MEMBERS[3]!.id)).toContainText('Not voted yet');

  // Back: every app reconnects and catches up from the stream; Helen's vote is sent.
  await server.start();
  for (const app of apps) await expect(app.status).toHaveAttribute('data-state', 'connected', SLOW);
  await expect(m4.status).toContainText('All changes sent', SLOW);
  for (const app of apps) await expect(memberRow(app.page, MEMBERS[3]!.id)).toContainText('Voted', SLOW);
  await expect(preVotes(chair.page)).toContainText('4 of 4 voted');

  // Only the chair can reveal.
  for (const app of [m2, m3, m4]) await expect(app.page.getByRole('button', { name: 'Reveal pre-votes' })).toHaveCount(0);
  await chair.page.getByRole('button', { name: 'Reveal pre-votes' }).click();

  // Each app publishes its vote and salt; every app checks and shows the same four votes.
  for (const app of apps) {
    for (const m of MEMBERS) await expect(memberRow(app.page, m.id)).toHaveText(new RegExp(`${m.name}.*${m.vote}$`), SLOW);
    await expect(preVotes(app.page)).not.toContainText('Does not match');
    await expect(app.status).toContainText('All changes sent', SLOW);
    // Once each: the candidate's trail holds one pre-vote per member, the same on every machine.
    const trail = app.page.locator('.presenter-audit');
    await trail.locator('summary').click();
    await expect(trail.getByRole('row').filter({ hasText: /pre-vote · / })).toHaveCount(MEMBERS.length);
    await expect(trail.getByRole('row').filter({ hasText: 'reveal pre-votes' })).toHaveCount(1);
  }
  // The server's stop shows in the console as failed WebSocket connections (and nats-server 2.9's close frame as broken); nothing else may.
  // The chair decides; the decision reaches every app through the stream.
  await choose(chair.page.getByRole('group', { name: 'Outcome' }).getByRole('radio', { name: 'Promote', exact: true }));
  await chair.page.getByLabel('Rationale (required)').fill('Promote: the evidence meets each criterion of the level.');
  await chair.page.getByRole('button', { name: 'Save decision' }).click();
  await expect(chair.page.locator('.decision-saved')).toHaveText('✓ Decision saved');
  for (const app of apps) await expect(app.page.locator('.presenter-position')).toContainText('1 decided', SLOW);

  // The chair disconnects: the status leaves the screen, the form is back, and a decision now stays on this machine.
  await chair.page.goto('/#/cycles');
  const panel = chair.page.getByRole('region', { name: 'Connected mode' });
  await panel.getByRole('button', { name: 'Disconnect…' }).click();
  const dialog = chair.page.getByRole('alertdialog');
  await expect(dialog).toContainText('Changes not yet sent are kept');
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(chair.page.getByRole('status').filter({ hasText: 'is no longer connected' })).toBeVisible();
  await expect(chair.status).toHaveCount(0);
  // Connecting again resumes from where the stream was: nothing applied twice, nothing waiting.
  await connect(chair, MEMBERS[0]!);
  await chair.page.goto(`/#/calibration/${SESSION}`);
  await expect(chair.page.locator('.presenter-position')).toContainText('1 decided');
  await expect(chair.status).toContainText('All changes sent');

  for (const app of apps) expect(app.problems.filter((p) => !/WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
});
