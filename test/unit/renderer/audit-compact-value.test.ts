/**
 * The session audit's Change column is read by a committee and, months later, by HR: it showed stored values as
 * code ("{levelId: —, outcome: Not yet}", "{revealed: true, preVotes: 3}"), found by a new-user trial. It now reads
 * as words, with ids as the codes people know.
 */
import { describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { criteriaOfLevel } from '../../../shared/domain/framework';
import { compactValue, fieldWords } from '../../../renderer/features/calibration/session/audit-text';

const { framework } = generateSampleCycle(ic0M3Levels, { candidates: 4 });
const level = [...framework.levels].sort((a, b) => a.order - b.order).find((l) => criteriaOfLevel(framework, l.id).length > 0)!;
const firstCriterion = criteriaOfLevel(framework, level.id)[0]!;

describe('the audit change as words', () => {
  it('names fields in words, not as stored', () => {
    expect(fieldWords('levelId')).toBe('level');
    expect(fieldWords('candidateIds')).toBe('candidates');
    expect(fieldWords('citedCriterionIds')).toBe('cited criteria');
    expect(fieldWords('nextSteps')).toBe('next steps');
    expect(fieldWords('preVotes')).toBe('pre votes');
    expect(fieldWords('id')).toBe('id');
  });

  it('reads a vote, a reveal and a decision as a person would', () => {
    expect(compactValue({ levelId: null, outcome: 'not-yet' }, framework)).toBe('Level: —; Outcome: Not yet');
    // An empty text is nothing written, not a pair of quotes (a re-test read 'dissent: “”').
    expect(compactValue({ dissent: '', citedCriterionIds: [] }, framework)).toBe('Dissent: —; Cited criteria: none');
    expect(compactValue({ outcome: 'promote-other', levelId: level.id }, framework)).toBe(`Outcome: Promote to another level; Level: ${level.code}`);
    expect(compactValue({ revealed: true, preVotes: 3 }, framework)).toBe('Revealed: yes; Pre votes: 3');
    expect(compactValue({ criteria: [firstCriterion.id, 'gone'], nextSteps: [] }, framework)).toBe(`Criteria: ${level.code}.1, “gone”; Next steps: none`);
    expect(compactValue({ edit: { type: 'rename', to: 'X' } }, framework)).toBe('Edit: (Type: “rename”; To: “X”)');
  });

  it('keeps plain values plain', () => {
    expect(compactValue(null, framework)).toBe('—');
    expect(compactValue(false, framework)).toBe('no');
    expect(compactValue({}, framework)).toBe('—');
    expect(compactValue(level.id, framework)).toBe(level.code);
  });
});
