// @vitest-environment jsdom
/**
 * An evidence item's criteria are listed in ladder order wherever the item
 * is shown, whatever order they were ticked in, as cited criteria are: the
 * evidence log and the review listed them as ticked ("IC3.6, IC3.2"), beside
 * a criteria table that reads IC3.1 to IC3.6 down the page.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Evidence } from '../../../shared/domain';
import { criterionCodes, inOrderOf } from '../../../shared/domain/framework';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { EvidenceList } from '../../../renderer/features/evidence/evidence-list';
import { criterionIndex } from '../../../renderer/features/evidence/criteria';

afterEach(cleanup);
const { framework, evidence } = generateSampleCycle(ic0M3Levels, { candidates: 2 });
const level = framework.levels.find((l) => l.code === 'IC3')!;
const [k1, k2, , , , k6] = framework.criteria.filter((c) => c.levelId === level.id);

describe('inOrderOf', () => {
  it('orders ids as the ladder map lists them, unknown ids last in the order given', () => {
    const codes = criterionCodes(framework);
    expect(inOrderOf(codes, ['gone-2', k6!.id, 'gone-1', k1!.id, k2!.id])).toEqual([k1!.id, k2!.id, k6!.id, 'gone-2', 'gone-1']);
    // A framework whose levels are stored out of order is still read in ladder order by the evidence screens' index.
    const lower = framework.criteria.find((c) => c.levelId === framework.levels.find((l) => l.code === 'IC1')!.id)!;
    const shuffled = { ...framework, levels: [...framework.levels].reverse() };
    expect(inOrderOf(criterionIndex(shuffled), [k6!.id, lower.id, k1!.id])).toEqual([lower.id, k1!.id, k6!.id]);
  });
});

describe('the evidence log', () => {
  it('lists an item’s criteria in ladder order, not in the order they were ticked', () => {
    const item: Evidence = { ...evidence[0]!, criterionIds: [k6!.id, k1!.id, k2!.id] };
    render(<EvidenceList items={[item]} criteria={criterionIndex(framework)} editingId={null} renderEditor={() => null} onEdit={() => {}} onDelete={() => {}} />);
    const listed = within(screen.getByRole('list', { name: 'Criteria' })).getAllByRole('listitem').map((li) => li.textContent?.split(' ')[0]);
    expect(listed).toEqual(['IC3.1', 'IC3.2', 'IC3.6']);
  });
});
