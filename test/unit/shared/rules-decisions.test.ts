import { describe, expect, it } from 'vitest';
import { compareDecisions, latestDecisionByCandidate, latestDecisionOf } from '../../../shared/rules/latest-decision';
import { grantsNoLevel, levelAfterDecision } from '../../../shared/rules/level-after-decision';

const d = (id: string, candidateId: string, decidedAt: string, updatedAt: string, sessionId = 's1') => ({ id, candidateId, decidedAt, updatedAt, sessionId });

describe('latest decision', () => {
  const early = d('d1', 'x', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z');
  const late = d('d2', 'x', '2026-11-02T10:00:00.000Z', '2026-11-02T10:00:00.000Z');
  const sameTimeEdited = d('d3', 'x', '2026-11-02T10:00:00.000Z', '2026-11-03T09:00:00.000Z');
  const sameTimeOtherId = d('d4', 'x', '2026-11-02T10:00:00.000Z', '2026-11-03T09:00:00.000Z');

  it('takes the later decidedAt', () => {
    expect(latestDecisionByCandidate([late, early]).get('x')?.id).toBe('d2');
    expect(latestDecisionByCandidate([early, late]).get('x')?.id).toBe('d2');
  });

  it('breaks a decidedAt tie by updatedAt, then by id, whatever the input order', () => {
    expect(latestDecisionByCandidate([sameTimeEdited, late]).get('x')?.id).toBe('d3');
    expect(latestDecisionByCandidate([late, sameTimeEdited]).get('x')?.id).toBe('d3');
    expect(latestDecisionByCandidate([sameTimeOtherId, sameTimeEdited]).get('x')?.id).toBe('d4');
    expect(latestDecisionByCandidate([sameTimeEdited, sameTimeOtherId]).get('x')?.id).toBe('d4');
    expect(compareDecisions(sameTimeOtherId, sameTimeEdited)).toBeGreaterThan(0);
    expect(compareDecisions(early, early)).toBe(0);
  });

  it('keeps candidates apart and can look in one session only', () => {
    const other = d('d9', 'y', '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z');
    const later = d('d5', 'x', '2026-12-05T10:00:00.000Z', '2026-12-05T10:00:00.000Z', 's2');
    const all = [early, other, later, late];
    expect(latestDecisionByCandidate(all).get('y')?.id).toBe('d9');
    expect(latestDecisionOf(all, 'x')?.id).toBe('d5');
    expect(latestDecisionOf(all, 'x', 's1')?.id).toBe('d2');
    expect(latestDecisionOf(all, 'z')).toBeUndefined();
  });
});

describe('level after a decision', () => {
  const candidate = { currentLevelId: 'ic2', targetLevelId: 'ic3' };

  it('promote grants the level the decision recorded, else the target', () => {
    expect(levelAfterDecision(candidate, { outcome: 'promote', newLevelId: 'ic3' })).toBe('ic3');
    // The target changed after the decision: the record wins.
    expect(levelAfterDecision({ ...candidate, targetLevelId: 'ic4' }, { outcome: 'promote', newLevelId: 'ic3' })).toBe('ic3');
    expect(levelAfterDecision(candidate, { outcome: 'promote', newLevelId: null })).toBe('ic3');
  });

  it('promote-other grants the decision’s level; not yet and defer keep the current level', () => {
    expect(levelAfterDecision(candidate, { outcome: 'promote-other', newLevelId: 'm1' })).toBe('m1');
    expect(levelAfterDecision(candidate, { outcome: 'not-yet', newLevelId: null })).toBe('ic2');
    expect(levelAfterDecision(candidate, { outcome: 'defer' })).toBe('ic2');
    expect(levelAfterDecision(candidate, undefined)).toBe('ic2');
  });

  it('a promotion naming no level keeps the current level and is flagged', () => {
    expect(levelAfterDecision(candidate, { outcome: 'promote-other', newLevelId: null })).toBe('ic2');
    expect(grantsNoLevel(candidate, { outcome: 'promote-other', newLevelId: null })).toBe(true);
    expect(levelAfterDecision({ currentLevelId: 'ic2', targetLevelId: null }, { outcome: 'promote' })).toBe('ic2');
    expect(grantsNoLevel({ currentLevelId: 'ic2', targetLevelId: null }, { outcome: 'promote' })).toBe(true);
    expect(grantsNoLevel(candidate, { outcome: 'promote' })).toBe(false);
    expect(grantsNoLevel(candidate, { outcome: 'defer' })).toBe(false);
  });
});
