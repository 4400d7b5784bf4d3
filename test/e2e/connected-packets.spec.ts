/**
 * Packets to the committee in connected mode (issue 14): two managers' apps
 * each send a packet, encrypted, to the cycle's inbox on a real nats-server;
 * the chair's app lists both and opens each in the same passphrase, preview
 * and merge as a bundle file. Separate browser contexts, each its own
 * IndexedDB, as separate machines.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startNatsServer, type NatsTestServer } from '../support/nats-server';
import { openWithSample, watchPage } from './helpers';

const CHAIR = { id: 'sample-2026-member-1', label: 'Morgan Ellis (Chair)' };
const MANAGERS = [
  { id: 'mgr-ana', name: 'Ana Pereira' },
  { id: 'mgr-ben', name: 'Ben Adeyemi' },
];
const PASSPHRASE = 'committee passphrase 2026';
const SLOW = { timeout: 90_000 };
// Chromium logs nats-server 2.9's WebSocket close frame as broken (a reserved close code) when a connection closes; nothing fails.
const real = (problems: string[]) => problems.filter((p) => !/WebSocket connection to .* failed/.test(p));

let server: NatsTestServer;

test.beforeAll(async () => {
  server = await startNatsServer({
    users: [{ id: CHAIR.id, role: 'chair', password: `pw-${CHAIR.id}` }, ...MANAGERS.map((m) => ({ id: m.id, role: 'manager' as const, password: `pw-${m.id}` }))],
  });
});

test.afterAll(async () => {
  await server?.dispose();
});

async function openApp(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/cycles');
  return { page, problems };
}

async function fillServer(page: Page, user: string) {
  const panel = page.getByRole('region', { name: 'Connected mode' });
  await panel.getByLabel('Server address').fill(server.wsUrl);
  await panel.getByLabel('User name').fill(user);
  await panel.getByLabel('Password').fill(`pw-${user}`);
  return panel;
}

test('two managers send packets to the committee and the chair opens both in the import preview', async ({ browser }) => {
  test.setTimeout(480_000);
  // The chair connects first: that opens the cycle's streams, the inbox included.
  const chair = await openApp(browser);
  const chairPanel = await fillServer(chair.page, CHAIR.id);
  await chairPanel.getByLabel('You are').selectOption({ label: CHAIR.label });
  await chairPanel.getByRole('button', { name: 'Save and connect' }).click();
  await expect(chair.page.getByRole('status', { name: /^Connected mode for / })).toHaveAttribute('data-state', 'connected', SLOW);

  const sent: string[] = [];
  for (const [i, manager] of MANAGERS.entries()) {
    const { page, problems } = await openApp(browser);
    const panel = await fillServer(page, manager.id);
    await panel.getByLabel('You are').selectOption({ label: 'A manager who sends packets' });
    await panel.getByLabel('Manager id').fill(manager.id);
    await panel.getByLabel('Your name').fill(manager.name);
    await panel.getByRole('button', { name: 'Save and connect' }).click();
    await expect(panel.getByText(`${manager.name}, a manager (sends packets only)`)).toBeVisible();

    await page.goto('/#/packets');
    const select = page.getByRole('checkbox', { name: /^Select (?!all)/ }).nth(i);
    sent.push(((await select.getAttribute('aria-label')) ?? '').replace(/^Select /, ''));
    await select.check();
    await page.getByRole('button', { name: 'Send 1 packet to committee…' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Send to committee', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sent 1 packet to the committee, encrypted.' })).toBeVisible(SLOW);
    expect(real(problems)).toEqual([]);
  }

  await chair.page.goto('/#/packets');
  const inbox = chair.page.getByRole('region', { name: 'Sent to the committee' });
  await expect(inbox.getByRole('listitem')).toHaveCount(2, SLOW);
  for (const manager of MANAGERS) {
    await expect(inbox.getByRole('listitem').filter({ hasText: manager.name })).toContainText('1 packet');
    await inbox.getByRole('button', { name: `Open the bundle from ${manager.name}` }).click();
    await chair.page.getByLabel('Passphrase').fill(PASSPHRASE);
    await chair.page.getByRole('button', { name: 'Unlock' }).click();
    // The stream may have brought the packet first; then the preview says there is nothing to import and offers Close.
    const preview = chair.page.getByRole('region', { name: /^Import |: nothing to import$/ });
    await expect(preview).toContainText('2026 H2 promotion cycle');
    await expect(preview).toContainText(`The bundle from ${manager.name}`);
    const importButton = preview.getByRole('button', { name: 'Import' });
    if (await importButton.isVisible()) {
      await importButton.click();
      await expect(chair.page.getByRole('status').filter({ hasText: /Imported the bundle|Nothing/ })).toBeVisible();
    } else {
      await expect(preview).toContainText('Nothing to import: this database already has everything in the bundle.');
      await preview.getByRole('button', { name: 'Close' }).click();
    }
    // The focus goes back to the inbox's Open… the import was started from (it went to Import bundle… in the header).
    await expect(inbox.getByRole('button', { name: `Open the bundle from ${manager.name}` })).toBeFocused();
  }
  expect(sent).toHaveLength(2);
  expect(sent[0]).not.toBe(sent[1]);
  expect(real(chair.problems)).toEqual([]);
});
