// @vitest-environment jsdom
/**
 * The calibration heatmap with Testing Library over fake-indexeddb: a sample
 * cycle of 12 candidates and a session reviewing all of them. Cells carry a
 * glyph and a word (not colour alone), a criterion header sorts (and says
 * so with aria-sort), the manager filter narrows the rows, arrow keys move
 * from cell to cell, and in blind mode no real candidate, manager or team
 * name reaches the page.
 *
 * jsdom has no layout, so the grid's scroll element measures 0 px and the
 * grid renders its first FALLBACK_ROWS rows (see components/virtual-rows.ts); the last
 * tests give the scroll element a height to see the virtualiser at work.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildHeatmap, heatmapView, type HeatmapRow } from '../../../shared/calibration/heatmap';
import { blindNames } from '../../../shared/calibration/pseudonyms';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession } from '../../../renderer/db/sessions';
import { HeatmapView } from '../../../renderer/features/calibration/views';
import { FALLBACK_ROWS } from '../../../renderer/components/virtual-rows';
import { HeatmapGrid, type GridColumn } from '../../../renderer/features/calibration/views/heatmap-grid';
import { busiestLevel, sessionLevels } from '../../../shared/calibration/session-levels';
import { storedRows } from '../../fixtures/db/coverage-rows';

configure({ asyncUtilTimeout: 15_000 });

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
const levelId = busiestLevel(sessionLevels(sample.framework, sample.candidates))!;
/** A column's code as the review, the decision and the CSV name the criterion: the level's code and its place, "IC3.2". */
const code = (i: number) => `${sample.framework.levels.find((l) => l.id === levelId)!.code}.${i + 1}`;
const LABELS = /^(Consistently|Partially|Not yet|None)$/;

async function newSession(blind: boolean) {
  return createSession(
    db,
    {
      cycleId: sample.cycle.id,
      name: 'Week 1',
      members: [{ id: 'chair', name: 'Morgan Ellis', role: 'chair' }],
      candidateIds: sample.candidates.map((c) => c.id),
      orderMode: 'by-level',
      timeboxMinutes: 8,
      blind,
    },
    AT,
  );
}

/** The heatmap the view should show, from the pure functions over what is stored. */
async function expectedHeatmap() {
  const coverage = await storedRows(db);
  return buildHeatmap({ framework: sample.framework, levelId, candidates: sample.candidates, coverage });
}

function shownNames(grid: HTMLElement): string[] {
  return within(grid)
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector('.cv-hm-candidate')?.firstChild?.textContent ?? '');
}

async function findGrid() {
  const grid = await screen.findByRole('grid');
  await waitFor(() => expect(within(grid).getAllByRole('rowheader').length).toBeGreaterThan(0));
  return grid;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

describe('HeatmapView', { timeout: 30_000 }, () => {
  it('shows the busiest level, every cell with a glyph and a word as well as a fill, and readiness with its rule', async () => {
    const session = await newSession(false);
    render(<HeatmapView sessionId={session.id} />);
    const grid = await findGrid();
    const expected = await expectedHeatmap();

    expect((screen.getByRole('combobox', { name: 'Target level' }) as HTMLSelectElement).value).toBe(levelId);
    expect(grid.getAttribute('aria-rowcount')).toBe(String(expected.rows.length + 1));
    expect(grid.getAttribute('aria-colcount')).toBe(String(expected.columns.length + 2));
    expect(within(grid).getAllByRole('row')).toHaveLength(expected.rows.length + 1);

    // Headers: a short code, the full criterion text in the accessible name and the tooltip.
    for (const [i, column] of expected.columns.entries()) {
      const button = within(grid).getByRole('button', { name: `${code(i)}: ${column.text}` });
      expect(button.getAttribute('title')).toBe(`${code(i)}: ${column.text}`);
    }

    const cells = within(grid).getAllByRole('gridcell').filter((c) => c.classList.contains('cv-hm-rating'));
    expect(cells).toHaveLength(expected.rows.length * expected.columns.length);
    for (const cell of cells) {
      expect(cell.className).toMatch(/cv-fill-(none|not-yet|partially|consistently|ready)/);
      const rating = cell.querySelector('.cv-rating');
      expect(rating?.querySelector('.cv-glyph')?.textContent).toMatch(/^[●◐○—]$/);
      expect(rating?.textContent?.replace(/^[●◐○—]\s*/, '')).toMatch(LABELS);
      expect(cell.textContent).toMatch(/\d+ evidence (item|items)/);
    }
    // At least one sustained cell says so in text ("↻2q" for eyes, "sustained over 2 quarters" for screen readers).
    expect(cells.some((c) => /↻\d+q/.test(c.textContent ?? '') && /sustained over \d+ quarters/.test(c.textContent ?? ''))).toBe(true);

    // Readiness: "45% (5/11)" with the rule as a tooltip, and the default order is readiness, strongest first.
    const byReadiness = heatmapView(expected);
    expect(shownNames(grid)).toEqual(byReadiness.map((r) => r.name));
    const readiness = within(grid).getAllByRole('gridcell').filter((c) => c.classList.contains('cv-hm-ready'));
    const top = byReadiness[0]!;
    expect(readiness[0]?.textContent).toBe(`${Math.round(top.readiness.share * 100)}% (${top.readiness.ready}/${top.readiness.total})`);
    expect(readiness[0]?.getAttribute('title')).toBe(top.readiness.rule);
    expect(within(grid).getByRole('columnheader', { name: /Readiness/ }).getAttribute('aria-sort')).toBe('descending');

    // The rule is one click away too.
    const user = userEvent.setup();
    const why = screen.getByRole('button', { name: 'Why: readiness and the sort order' });
    await user.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByText(/Sorted by readiness share, then by criteria ready, then by name\./).length).toBeGreaterThan(0);
  });

  it('sorts by a criterion when its header is clicked, and reverses on a second click', async () => {
    const session = await newSession(false);
    const user = userEvent.setup();
    render(<HeatmapView sessionId={session.id} />);
    const grid = await findGrid();
    const expected = await expectedHeatmap();
    const before = shownNames(grid);

    // A criterion whose order differs from the readiness order, so the click visibly reorders.
    const order = (criterionId: string, direction: 'asc' | 'desc') => heatmapView(expected, { sort: { by: 'criterion', criterionId }, direction }).map((r: HeatmapRow) => r.name);
    const index = expected.columns.findIndex((c) => order(c.criterionId, 'desc').join('|') !== before.join('|'));
    expect(index).toBeGreaterThanOrEqual(0);
    const column = expected.columns[index]!;

    await user.click(within(grid).getByRole('button', { name: `${code(index)}: ${column.text}` }));
    await waitFor(() => expect(shownNames(grid)).toEqual(order(column.criterionId, 'desc')));
    expect(shownNames(grid)).not.toEqual(before);
    const header = grid.querySelector(`[data-cell="0:${index + 2}"]`)!;
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(within(grid).getByRole('columnheader', { name: /Readiness/ }).getAttribute('aria-sort')).toBeNull();
    expect(document.querySelector('.cv-sort-rule')?.textContent).toContain(`(${code(index)}) Strongest first.`);

    await user.click(within(header as HTMLElement).getByRole('button'));
    await waitFor(() => expect(shownNames(grid)).toEqual(order(column.criterionId, 'asc')));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
  });

  it('narrows the rows to one manager, and back', async () => {
    const session = await newSession(false);
    const user = userEvent.setup();
    render(<HeatmapView sessionId={session.id} />);
    const grid = await findGrid();
    const expected = await expectedHeatmap();
    const manager = expected.rows[0]!.manager;
    const theirs = expected.rows.filter((r) => r.manager === manager);
    expect(theirs.length).toBeLessThan(expected.rows.length);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Manager' }), manager);
    await waitFor(() => expect(within(grid).getAllByRole('rowheader')).toHaveLength(theirs.length));
    expect(shownNames(grid).sort()).toEqual(theirs.map((r) => r.name).sort());
    for (const cell of within(grid).getAllByRole('rowheader')) expect(cell.querySelector('.cv-hm-sub')?.textContent).toContain(manager);
    expect(screen.getByRole('status').textContent).toBe(`${theirs.length} of ${expected.rows.length} candidates`);
    expect(grid.getAttribute('aria-rowcount')).toBe(String(theirs.length + 1));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Manager' }), 'All managers');
    await waitFor(() => expect(within(grid).getAllByRole('rowheader')).toHaveLength(expected.rows.length));
  });

  it('moves the focus from cell to cell with the arrow keys', async () => {
    const session = await newSession(false);
    const user = userEvent.setup();
    render(<HeatmapView sessionId={session.id} />);
    const grid = await findGrid();
    const expected = await expectedHeatmap();
    const at = () => (document.activeElement?.closest('[data-cell]') as HTMLElement | null)?.dataset.cell;

    // One tab stop: the grid's first header.
    const candidateHeader = within(grid).getByRole('button', { name: /^Candidate/ });
    candidateHeader.focus();
    expect(at()).toBe('0:0');
    await user.keyboard('{ArrowDown}');
    expect(at()).toBe('1:0');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(at()).toBe('1:2');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('0');
    // The line under the grid says what the focused cell holds.
    const top = heatmapView(expected)[0]!;
    expect(screen.getByText(new RegExp(`^${top.name} on ${code(0).replace(".", "\\.")} `))).toBeTruthy();
    await user.keyboard('{ArrowDown}{ArrowLeft}');
    expect(at()).toBe('2:1');
    await user.keyboard('{End}');
    expect(at()).toBe(`2:${expected.columns.length + 1}`);
    await user.keyboard('{Home}{ArrowUp}{ArrowUp}');
    expect(at()).toBe('0:0');
    expect(within(grid).getAllByRole('gridcell').filter((c) => c.getAttribute('tabindex') === '0')).toHaveLength(0);
  });

  it('shows no real candidate, manager or team name in blind mode', async () => {
    const session = await newSession(true);
    const user = userEvent.setup();
    const { container } = render(<HeatmapView sessionId={session.id} />);
    const grid = await findGrid();
    const expected = await expectedHeatmap();
    const pseudonyms = blindNames(session.id, {
      candidateIds: session.candidateIds,
      managers: [...new Set(sample.candidates.map((c) => c.manager))],
      teams: [...new Set(sample.candidates.map((c) => c.team))],
    });

    expect(shownNames(grid).sort()).toEqual(expected.rows.map((r) => pseudonyms.candidate(r.candidateId)).sort());
    const check = () => {
      const text = container.textContent ?? '';
      for (const c of sample.candidates) {
        expect(text).not.toContain(c.name);
        expect(text).not.toContain(c.manager);
      }
      const teamTexts = [...container.querySelectorAll('.cv-hm-sub, option')].map((e) => e.textContent ?? '');
      for (const team of new Set(sample.candidates.map((c) => c.team))) expect(teamTexts.some((t) => t.includes(team))).toBe(false);
      for (const e of container.querySelectorAll('[title]')) for (const c of sample.candidates) expect(e.getAttribute('title')).not.toContain(c.name);
    };
    check();
    expect([...container.querySelectorAll('.cv-hm-sub')].every((e) => /^Manager \S+/.test(e.textContent ?? ''))).toBe(true);

    // Filtering by a pseudonymous manager still works (the option's value is the pseudonym too), and the focused-cell line stays blind.
    const managerSelect = screen.getByRole('combobox', { name: 'Manager' }) as HTMLSelectElement;
    const option = [...managerSelect.options].find((o) => o.value !== '')!;
    expect(option.textContent).toMatch(/^Manager /);
    await user.selectOptions(managerSelect, option.value);
    await waitFor(() => expect(within(grid).getAllByRole('rowheader').length).toBe(expected.rows.filter((r) => pseudonyms.manager(r.manager) === option.value).length));
    within(grid).getAllByRole('rowheader')[0]!.focus();
    check();
    // The focused-cell line names the pseudonym once: "Manager Baobab", not "manager Manager Baobab".
    await waitFor(() => expect(container.textContent).toMatch(/: Manager \S+, Team \S+/));
    expect(container.textContent).not.toMatch(/manager Manager|team Team/i);
  });
});

describe('HeatmapGrid with 1,000 rows', () => {
  const columns: GridColumn[] = Array.from({ length: 12 }, (_, i) => ({ criterionId: `k${i}`, code: `C${i + 1}`, text: `Criterion ${i + 1}` }));
  const rows: HeatmapRow[] = Array.from({ length: 1000 }, (_, i) => ({
    candidateId: `c${i}`,
    name: `Candidate ${String(i).padStart(4, '0')}`,
    manager: `M${i % 7}`,
    team: `T${i % 5}`,
    readiness: { ready: i % 13, total: 12, share: (i % 13) / 12, rule: 'rule' },
    hasPacket: true,
    cells: columns.map((c, j) => ({ criterionId: c.criterionId, rating: (['consistently', 'partially', 'not-yet', null] as const)[(i + j) % 4]!, evidenceCount: (i + j) % 5, sustained: (i + j) % 3 === 0 })),
  }));
  const names = blindNames('', {});
  const props = {
    labelledBy: 'x',
    columns,
    rows,
    sort: { by: 'readiness' } as const,
    direction: 'desc' as const,
    onSort: () => {},
    names: { ...names, manager: (m: string) => m, team: (t: string) => t },
    quartersOf: () => 2,
  };

  it('renders a first screenful when the scroll element has no height (jsdom), not a thousand rows', () => {
    render(<HeatmapGrid {...props} />);
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('1001');
    expect(within(grid).getAllByRole('rowheader')).toHaveLength(FALLBACK_ROWS);
  });

  it('renders only the rows in view when the scroll element has a height', () => {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('cv-hm-scroll') ? 600 : 0;
      },
    });
    try {
      render(<HeatmapGrid {...props} />);
      const grid = screen.getByRole('grid');
      const shown = within(grid).getAllByRole('rowheader');
      expect(shown.length).toBeGreaterThan(5);
      expect(shown.length).toBeLessThan(FALLBACK_ROWS);
      expect(shown[0]?.textContent).toContain('Candidate 0000');
      const canvas = grid.querySelector<HTMLElement>('.cv-hm-canvas');
      expect(canvas?.style.height).toBe(`${64 + 1000 * 56}px`);
    } finally {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, 'clientHeight', descriptor);
    }
  });
});

/**
 * A browser's layout, as far as the grid asks for it: the scroll element 900 by 600 px, reported by a ResizeObserver
 * after layout (no real layout in jsdom). Counts reads of its size and writes of its scroll position, each of which
 * forces the browser to lay out the page in the middle of React's commit.
 */
function withLayout() {
  const forced = { reads: 0, scrollWrites: 0 };
  const isScroll = (el: HTMLElement) => el.classList.contains('cv-hm-scroll');
  const spies = [
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      if (isScroll(this)) forced.reads++;
      return isScroll(this) ? 600 : 0;
    }),
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      if (isScroll(this)) forced.reads++;
      return isScroll(this) ? 900 : 0;
    }),
  ];
  const scrollTo = Element.prototype.scrollTo;
  Element.prototype.scrollTo = function () {
    forced.scrollWrites++;
  } as typeof Element.prototype.scrollTo;
  class FakeResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      // After layout: a task later, as the browser reports it.
      setTimeout(() => this.callback([{ target, contentRect: { width: 900, height: 600 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver), 0);
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  return {
    forced,
    restore() {
      for (const spy of spies) spy.mockRestore();
      Element.prototype.scrollTo = scrollTo;
      vi.unstubAllGlobals();
    },
  };
}

describe('HeatmapGrid with 40 criteria and 1,000 rows in a browser-sized grid', () => {
  const columns: GridColumn[] = Array.from({ length: 40 }, (_, i) => ({ criterionId: `k${i}`, code: `C${i + 1}`, text: `Criterion ${i + 1}` }));
  const rows: HeatmapRow[] = Array.from({ length: 1000 }, (_, i) => ({
    candidateId: `c${i}`,
    name: `Candidate ${String(i).padStart(4, '0')}`,
    manager: 'M',
    team: 'T',
    readiness: { ready: 0, total: 40, share: 0, rule: 'rule' },
    hasPacket: true,
    cells: columns.map((c, j) => ({ criterionId: c.criterionId, rating: (['consistently', 'partially', 'not-yet', null] as const)[(i + j) % 4]!, evidenceCount: j % 5, sustained: false })),
  }));
  const names = blindNames('', {});
  const props = { labelledBy: 'x', columns, rows, sort: { by: 'readiness' } as const, direction: 'desc' as const, onSort: () => {}, names: { ...names, manager: (m: string) => m, team: (t: string) => t }, quartersOf: () => undefined };
  let layout: ReturnType<typeof withLayout>;
  beforeEach(() => {
    layout = withLayout();
  });
  afterEach(() => layout.restore());

  it('mounts without reading the scroll element’s size or writing its scroll position (each forces a layout)', async () => {
    render(<HeatmapGrid {...props} />);
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(within(grid).getAllByRole('rowheader').length).toBeGreaterThan(5));
    await new Promise((r) => setTimeout(r, 20));
    expect(layout.forced).toEqual({ reads: 0, scrollWrites: 0 });
  });

  it('renders the criteria columns in view, not all forty, each in its place', async () => {
    render(<HeatmapGrid {...props} />);
    const grid = screen.getByRole('grid');
    // 900 px: the name and readiness columns (20.25rem) and about 4 of 8.25rem, with 3 either side to spare.
    await waitFor(() => expect(within(grid).getAllByRole('row')[1]!.querySelectorAll('.cv-hm-rating')).toHaveLength(8));
    const firstRow = within(grid).getAllByRole('row')[1]!;
    const cells = [...firstRow.querySelectorAll<HTMLElement>('.cv-hm-rating')];
    expect(cells.map((c) => c.getAttribute('aria-colindex'))).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    expect(cells.map((c) => c.style.gridColumnStart)).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    // Every column can still be sorted by: the header row is whole.
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(42);
  });

  it('brings the last column into view for End, and focuses its cell', async () => {
    const user = userEvent.setup();
    render(<HeatmapGrid {...props} />);
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')[1]!.querySelectorAll('.cv-hm-rating')).toHaveLength(8));
    within(grid).getAllByRole('rowheader')[0]!.focus();
    await user.keyboard('{End}');
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.cell).toBe('1:41'));
    expect(document.activeElement?.getAttribute('aria-colindex')).toBe('42');
    await user.keyboard('{Home}');
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.cell).toBe('1:0'));
  });
});
