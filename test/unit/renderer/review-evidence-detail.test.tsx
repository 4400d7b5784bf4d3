// @vitest-environment jsdom
/**
 * The committee reads what the manager wrote about each piece of evidence:
 * in the session's review each item opens to its description and links, as
 * the packet was submitted with them (found trying the flow as a manager and
 * a chair: the review and the packet showed titles and quarters only). A
 * blind session shows the redacted description but not the links, which are
 * left as written and can carry a name.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { currentPacket } from '../../../shared/rules/current-packet';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { loadCommands } from '../../../renderer/db/app-commands';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession } from '../../../renderer/db/sessions';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';

configure({ asyncUtilTimeout: 15_000 });
beforeAll(() => loadCommands(), 120_000);

const AT = '2026-11-20T10:00:00.000Z';
const base = generateSampleCycle(ic0M3Levels, { candidates: 4, submitAll: true });
const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '-');
// Each submitted item links to a page named after the candidate, as a wiki page often is.
const sample = {
  ...base,
  packets: base.packets.map((p) => {
    const name = base.candidates.find((c) => c.id === p.candidateId)!.name;
    return p.snapshot ? { ...p, snapshot: { ...p.snapshot, evidence: p.snapshot.evidence.map((e) => ({ ...e, links: [`https://wiki.example.com/${slug(name)}/${e.id}`] })) } } : p;
  }),
};
const candidate = sample.candidates[0]!;
const packet = currentPacket(sample.packets.filter((p) => p.candidateId === candidate.id))!;

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

/** The evidence panel of the session's review, or of its full-screen presenter. */
async function evidencePanel(blind: boolean, view: 'review' | 'present' = 'review'): Promise<HTMLElement> {
  const members = [{ id: 'm-chair', name: 'Morgan Ellis', role: 'chair' as const }];
  const session = await createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: [candidate.id], orderMode: 'by-level', timeboxMinutes: 8, blind }, AT);
  render(<CalibrationView params={view === 'review' ? [session.id] : [session.id, 'present']} />);
  const panel = () => [...document.querySelectorAll<HTMLElement>('.presenter-panel')].find((p) => p.querySelector('h2, h3')?.textContent === 'Evidence');
  await waitFor(() => expect(panel()?.querySelectorAll('details').length).toBe(packet.snapshot!.evidence.length));
  return panel()!;
}

describe('evidence in the review', { timeout: 60_000 }, () => {
  it('opens to the description and links the packet was submitted with', async () => {
    const panel = await evidencePanel(false);
    const item = packet.snapshot!.evidence.find((e) => e.description.trim() !== '')!;
    const details = [...panel.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent?.includes(item.title))!;
    expect(details.querySelector('.evidence-detail-text')?.textContent).toBe(item.description.trim());
    expect(within(details).getByRole('link').getAttribute('href')).toBe(item.links[0]);
  });

  it.each(['review', 'present'] as const)('shows a blind session’s redacted description and not its links (%s)', async (view) => {
    const panel = await evidencePanel(true, view);
    const [first, last] = candidate.name.split(' ') as [string, string];
    expect(panel.textContent).not.toContain(first);
    expect(panel.textContent).not.toContain(last);
    expect(panel.querySelectorAll('a')).toHaveLength(0);
    expect(panel.querySelectorAll('.evidence-detail-text').length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('1 link not shown while the session is blind (a link can carry a name).')).toHaveLength(packet.snapshot!.evidence.length);
    expect(screen.queryByText(new RegExp(slug(candidate.name)))).toBeNull();
  });
});

describe('evidence outside the cycle’s window in the review', { timeout: 60_000 }, () => {
  it('is counted apart beside its criterion and marked in the evidence list, as the packet marks it', async () => {
    // The first submitted item moved to before the window: still linked, not counted toward sustained or readiness.
    const before = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
    const moved = packet.snapshot!.evidence[0]!;
    const outside = { ...moved, date: before(sample.cycle.evidenceFrom) };
    // Loaded through the write path, so the stored coverage counts it as the app would.
    const packets = sample.packets.map((p) => (p.id === packet.id ? { ...p, snapshot: { ...p.snapshot!, evidence: [outside, ...p.snapshot!.evidence.slice(1)] } } : p));
    await db.delete();
    await db.open();
    await loadSampleCycle(db, { ...sample, packets });
    const panel = await evidencePanel(false);
    const marked = [...panel.querySelectorAll('details')].filter((d) => d.querySelector('summary')?.textContent?.includes('outside the evidence window'));
    expect(marked.map((d) => d.querySelector('summary')?.textContent)).toEqual([expect.stringContaining(moved.title)]);
    const criterion = moved.criterionIds[0]!;
    const code = [...document.querySelectorAll('.presenter-criteria li')].find((li) => li.querySelector('.presenter-criterion-text')?.textContent?.includes(sample.framework.criteria.find((c) => c.id === criterion)!.text));
    expect(code?.querySelector('.presenter-criterion-facts')?.textContent).toMatch(/evidence items?, 1 outside the window$/);
    cleanup();

    // The full-screen presenter's criteria table says the same.
    const session = (await db.sessions.toArray()).find((x) => x.name === 'Week 1')!;
    render(<CalibrationView params={[session.id, 'present']} />);
    const text = sample.framework.criteria.find((c) => c.id === criterion)!.text;
    await waitFor(() => expect([...document.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(text))?.textContent).toMatch(/items?, 1 outside the window/));
  });
});
