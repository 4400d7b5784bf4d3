// @vitest-environment jsdom
/**
 * The printed packet names dates as every screen shows them (formatDate: "Oct
 * 1, 2025" in the user's locale), not as stored (2025-10-01): the evidence
 * window, the day of the submission and the day of the print.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { formatDate } from '../../../renderer/components/dates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { PrintView } from '../../../renderer/features/export/print-view';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const packet = sample.packets.find((p) => p.status === 'draft')!;
const submitted = sample.packets.find((p) => p.status === 'submitted' && p.submittedAt !== null)!;

// The page's header and footer (the PDF's margins) as the print view sets them.
const margins = vi.hoisted(() => ({ footers: [] as string[] }));
vi.mock('../../../renderer/features/export/page-style', async (original) => {
  const actual = await original<typeof import('../../../renderer/features/export/page-style')>();
  return {
    ...actual,
    pageRules: (header: string, footer: string) => {
      margins.footers.push(footer);
      return actual.pageRules(header, footer);
    },
  };
});

beforeEach(async () => {
  // jsdom has no constructed stylesheets, which the print view uses for its page rules.
  Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  margins.footers = [];
});
afterEach(() => cleanup());

describe('the printed packet', { timeout: 30_000 }, () => {
  it('names the evidence window’s ends as every screen shows a date, not as stored', async () => {
    render(<PrintView params={['packet', packet.candidateId]} />);
    const term = await screen.findByText('Evidence window', { selector: 'dt' });
    const window = term.nextElementSibling!;
    expect(window.tagName).toBe('DD');
    expect(window.textContent).toBe(`${formatDate(sample.cycle.evidenceFrom)} to ${formatDate(sample.cycle.evidenceTo)}; only evidence dated inside it counts`);
    expect(window.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('names the day of the submission and of the print as every screen shows a date (the day in the user’s time zone), not as stored', async () => {
    render(<PrintView params={['packet', submitted.candidateId]} />);
    const kicker = await screen.findByText(/^Promotion packet · revision/);
    expect(kicker.textContent).toBe(`Promotion packet · revision ${submitted.revision} · submitted ${formatDate(submitted.submittedAt!)}`);
    expect(kicker.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await waitFor(() => expect(margins.footers.length).toBeGreaterThan(0));
    // Printed now: today in the user's locale.
    expect(margins.footers.at(-1)).toBe(`Confidential · printed ${formatDate(new Date().toISOString())}`);
  });
});
