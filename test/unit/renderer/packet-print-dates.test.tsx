// @vitest-environment jsdom
/**
 * The printed packet names dates as every screen shows them (formatDate: "Oct
 * 1, 2025" in the user's locale), not as stored (2025-10-01).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { formatDate } from '../../../renderer/components/dates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { PrintView } from '../../../renderer/features/export/print-view';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const packet = sample.packets.find((p) => p.status === 'draft')!;

beforeEach(async () => {
  // jsdom has no constructed stylesheets, which the print view uses for its page rules.
  Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

describe('the printed packet', { timeout: 30_000 }, () => {
  it('names the evidence window’s ends as every screen shows a date, not as stored', async () => {
    render(<PrintView params={['packet', packet.candidateId]} />);
    const term = await screen.findByText('Evidence window', { selector: 'dt' });
    const window = term.nextElementSibling!;
    expect(window.tagName).toBe('DD');
    expect(window.textContent).toBe(`${formatDate(sample.cycle.evidenceFrom)} to ${formatDate(sample.cycle.evidenceTo)}`);
    expect(window.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
