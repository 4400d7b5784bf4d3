// @vitest-environment jsdom
/**
 * Rows with impossible dates, stored straight into IndexedDB as an older
 * import could leave them (past the schemas), never blank the decision book
 * or the Decisions page: the page renders and shows the stored text marked
 * "(not a real date)". 2026-00-15 and 0000-01-01 used to throw in the book's
 * quarter labels; 2026-02-30 used to print as a real quarter, and the
 * Decisions table said "Invalid Date".
 */
import { cleanup, configure, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { DecisionsView } from '../../../renderer/features/decisions/decisions-view';
import { PrintView } from '../../../renderer/features/export/print-view';

configure({ asyncUtilTimeout: 15_000 });

const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
// The finalized session: its book is printed from its frozen record, so the bad dates go into the record as well as the live tables.
const session = sample.sessions.find((s) => s.status === 'finalized' && sample.decisions.some((d) => d.sessionId === s.id))!;

beforeAll(() => {
  // jsdom has no constructed stylesheets, which the print view uses for its page rules.
  Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
});
afterEach(cleanup);

/** Every evidence date and every decision time of the session set to `bad`, with plain Dexie puts (no command, no schema). */
async function storeWithImpossibleDates(bad: string) {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  await db.evidence.bulkPut((await db.evidence.toArray()).map((e) => ({ ...e, date: bad })));
  await db.decisions.bulkPut((await db.decisions.toArray()).map((d) => ({ ...d, decidedAt: `${bad}T10:00:00.000Z` })));
  const row = (await db.sessions.get(session.id))!;
  expect(row.record).toBeTruthy();
  await db.sessions.put({
    ...row,
    record: {
      ...row.record!,
      evidence: row.record!.evidence.map((e) => ({ ...e, date: bad })),
      decisions: row.record!.decisions.map((d) => ({ ...d, decidedAt: `${bad}T10:00:00.000Z` })),
    },
  });
  expect((await db.evidence.toArray()).every((e) => e.date === bad)).toBe(true);
}

describe.each(['2026-02-30', '2026-00-15', '0000-01-01'])('stored date %s', (bad) => {
  it('the decision book renders, marking the date as not a real one', { timeout: 30_000 }, async () => {
    await storeWithImpossibleDates(bad);
    const { container } = render(<PrintView params={['session', session.id]} />);
    await screen.findByText('Levelset decision book');
    const text = container.textContent ?? '';
    expect(text).toContain(`(${bad} (not a real date))`);
    expect(text).toContain(`decided ${bad} (not a real date)`);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the Decisions page renders, marking each decision day as not a real date, as the book does', { timeout: 30_000 }, async () => {
    await storeWithImpossibleDates(bad);
    render(<DecisionsView />);
    // The day, then who recorded the decision (Decision.decidedBy) under it.
    const cells = await screen.findAllByRole('cell', { name: (name) => name.startsWith(`${bad} (not a real date)`) });
    expect(cells.length).toBeGreaterThan(0);
    expect(screen.queryByText('Invalid Date')).toBeNull();
  });
});
