// @vitest-environment jsdom
/**
 * A saved decision on screen lists the criteria it cites in ladder order (as
 * the decision book and the CSV do, shared/domain/framework.ts inLadderOrder),
 * not in the order the committee ticked them.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { DecisionText } from '../../../renderer/features/calibration/session/decision-text';

afterEach(() => cleanup());

const { framework } = generateSampleCycle(ic0M3Levels, { candidates: 1 });

describe('DecisionText', () => {
  it('lists the cited criteria in ladder order, an unknown one last', () => {
    const level = framework.levels.find((l) => l.code === 'IC3')!;
    const [k1, k2, k3] = framework.criteria.filter((c) => c.levelId === level.id);
    const at = '2026-11-10T14:00:00.000Z';
    const decision: Decision = {
      id: 'd1', sessionId: 's1', candidateId: 'c1', outcome: 'promote', newLevelId: level.id, rationale: 'Sustained.',
      citedCriterionIds: ['gone', k3!.id, k1!.id, k2!.id], nextSteps: [], dissent: '', locked: false, decidedAt: at, createdAt: at, updatedAt: at,
    };
    render(<DecisionText decision={decision} framework={framework} />);
    const items = within(screen.getByText('Criteria cited').nextElementSibling as HTMLElement).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([`IC3.1 ${k1!.text}`, `IC3.2 ${k2!.text}`, `IC3.3 ${k3!.text}`, '? A criterion no longer in the framework']);
  });
});
