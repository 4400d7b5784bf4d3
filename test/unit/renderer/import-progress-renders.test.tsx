// @vitest-environment jsdom
/**
 * An import's progress renders its panel, not the page holding the import
 * (issue 13): each report used to set the state of the Packets list, which
 * then rendered every time the bar moved (dozens of times per import, and the
 * list grows with every bundle a chair imports). Here a page holding the
 * import counts its renders while the bar moves from the checks to the
 * last slice written.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { useBundleImport } from '../../../renderer/features/packets/bundle-import';

const AT = '2026-11-20T12:00:00.000Z';

let pageRenders = 0;
let openText: (name: string, text: string) => void = () => {};
function Page() {
  pageRenders++;
  const importer = useBundleImport();
  openText = importer.openText;
  return <main>{importer.panel}</main>;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => cleanup());

describe('import progress', { timeout: 60_000 }, () => {
  it('moves the bar without rendering the page that holds the import', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 150, seed: 5 });
    const text = await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets }, { createdAt: AT, appVersion: 'test' });
    render(<Page />);
    const shown = new Set<string>();
    const observer = new MutationObserver(() => {
      const status = document.querySelector('.import-panel [role="status"]');
      if (status?.textContent) shown.add(status.textContent);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const before = pageRenders;
    act(() => openText('big.levelset.json', text));
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }, { timeout: 30_000 }));
    await waitFor(() => expect(document.querySelector('.import-panel')).toBeNull(), { timeout: 30_000 });
    observer.disconnect();
    expect(await db.candidates.count()).toBe(150);
    const reports = [...shown];
    // The bar showed the rows being written (how many times depends on the machine's speed: the panel shows a
    // report at most about ten times a second, import-progress.tsx; import-progress.test.tsx times that with a clock).
    expect(reports.filter((r) => r.startsWith('Writing')).length).toBeGreaterThanOrEqual(1);
    // The page rendered once per step (running, preview, running, done, and React's own few), not once per figure.
    // A fixed bound: compared with the number of reports shown, which depends on the machine's speed, it failed on a
    // quiet machine that showed as few reports (4) as the page has steps.
    expect(pageRenders - before).toBeLessThanOrEqual(8);
  });
});
