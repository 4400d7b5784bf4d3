// @vitest-environment jsdom
/**
 * The candidate page's coverage table counts the items linked to each criterion; an item dated outside the evidence
 * window is linked but counts for nothing, and a trial read "3 items" beside "1 quarter in window" as coverage the
 * quarters column then contradicted. The count now says how many are outside the window.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { criterionGroups } from '../../../renderer/features/evidence/criteria';
import { CoverageSummary } from '../../../renderer/features/evidence/coverage-summary';

afterEach(cleanup);

const sample = generateSampleCycle(ic0M3Levels, { candidates: 10, seed: 5 });
const candidate = sample.candidates.find((c) => c.targetLevelId)!;
const target = criterionGroups(sample.framework, candidate).find((g) => g.role === 'target')!;
const first = target.criteria[0]!;
const item = (id: string, date: string): Evidence => ({ ...sample.evidence[0]!, id, candidateId: candidate.id, date, criterionIds: [first.id] });
const before = new Date(Date.parse(sample.cycle.evidenceFrom) - 30 * 86_400_000).toISOString().slice(0, 10);

describe('the coverage table on the candidate page', () => {
  it('says how many of a criterion’s items fall outside the evidence window', () => {
    render(<CoverageSummary framework={sample.framework} cycle={sample.cycle} packet={null} target={target} evidence={[item('in', sample.cycle.evidenceFrom), item('out-1', before), item('out-2', before)]} onShow={() => {}} />);
    const row = screen.getByRole('button', { name: `Show evidence for ${first.code}` }).closest('tr')!;
    expect(within(row).getAllByRole('cell')[1]!.textContent).toBe('3 (2 outside the window)');
    // A criterion with every item inside the window: the count alone.
    cleanup();
    render(<CoverageSummary framework={sample.framework} cycle={sample.cycle} packet={null} target={target} evidence={[item('in', sample.cycle.evidenceFrom)]} onShow={() => {}} />);
    const again = screen.getByRole('button', { name: `Show evidence for ${first.code}` }).closest('tr')!;
    expect(within(again).getAllByRole('cell')[1]!.textContent).toBe('1');
  });
});
