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
import { formatDate } from '../../../renderer/components/dates';

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

  it('says under the outcome what the decision was before a reopen changed it, and that it departs from the final votes, as the book does', () => {
    const at = '2026-12-05T12:00:00.000Z';
    const decision: Decision = {
      id: 'd1', sessionId: 's1', candidateId: 'c1', outcome: 'not-yet', newLevelId: null, rationale: 'Revisited.', citedCriterionIds: [], nextSteps: ['Lead a design review.'], dissent: '', locked: true,
      earlier: [{ outcome: 'promote', newLevelId: null, decidedAt: '2026-10-31T12:00:00.000Z', changedAt: at }], decidedAt: at, createdAt: '2026-10-31T12:00:00.000Z', updatedAt: at,
    };
    const votes = { counts: { promote: 4, 'not-yet': 0, defer: 0, 'promote-other': 0 }, total: 4, majority: 'promote' as const };
    const { rerender } = render(<DecisionText decision={decision} framework={framework} finalVotes={votes} />);
    const outcome = () => (screen.getByText('Outcome').nextElementSibling as HTMLElement).textContent;
    // In the app's date format on screen (the book prints YYYY-MM-DD).
    expect(outcome()).toContain(`Changed on ${formatDate('2026-12-05')}, after the session was reopened: was Promote (decided ${formatDate('2026-10-31')}).`);
    expect(outcome()).toContain('Decided against the final votes: their majority was Promote (4 of 4).');
    // A decision never changed, that follows its votes: the outcome alone.
    rerender(<DecisionText decision={{ ...decision, outcome: 'promote', earlier: [] }} framework={framework} finalVotes={votes} />);
    expect(outcome()).toBe('PromoteLocked');
    // Without final votes: said as the book says it.
    rerender(<DecisionText decision={{ ...decision, outcome: 'promote', earlier: [] }} framework={framework} finalVotes={{ ...votes, total: 0, majority: null }} />);
    expect(outcome()).toContain('Decided without final votes: none were recorded for this candidate.');
  });
});
