/**
 * The three-way comparison behind "never drop a submission, never lose a
 * draft's edits": which of a draft's edits a submission would lose, what
 * each side changed in words, and carrying kept edits into a new revision.
 */
import { describe, expect, it } from 'vitest';
import type { Packet } from '../../../shared/domain';
import { changedExcerpts, describeChanges, lostEdits } from '../../../shared/exchange/packet-changes';
import { reopenWithKeptEdits } from '../../../shared/packets/revisions';

const AT = '2026-10-01T09:00:00.000Z';
const base: Packet = {
  id: 'rev1', candidateId: 'c', cycleId: 'y', targetLevelId: 'l', revision: 1, parentId: null, status: 'superseded',
  assessments: { a: { rating: 'partially', note: '' }, b: { rating: 'not-yet', note: 'Not seen yet' } },
  summary: 'Base summary', notYetDoing: '', acknowledgedChecks: [], submittedAt: AT, snapshot: null, createdAt: AT, updatedAt: AT,
};

describe('lostEdits', () => {
  it('names the fields the draft changed that the other side does not carry', () => {
    const draft = { ...base, summary: 'Draft summary', assessments: { ...base.assessments, b: { rating: 'partially' as const, note: 'Seen once' } } };
    const submission = { ...base, summary: 'Draft summary', notYetDoing: 'Written there' };
    // The summary edit is in the submission; the rating of b is not; notYetDoing changed only there.
    expect(lostEdits(base, draft, submission)).toEqual(['assessment:b']);
    expect(lostEdits(base, base, submission)).toEqual([]);
  });

  it('counts every difference when no common revision is known, a removed assessment included', () => {
    const draft = { ...base, assessments: { a: base.assessments.a! } };
    expect(lostEdits(undefined, draft, base)).toEqual(['assessment:b']);
    expect(lostEdits(undefined, base, base)).toEqual([]);
  });
});

describe('describeChanges', () => {
  it('says what changed in words, criterion by criterion', () => {
    const changed: Packet = { ...base, status: 'draft', submittedAt: null, summary: '', assessments: { a: { rating: 'consistently', note: 'Led the migration' }, c: { rating: 'not-yet', note: '' } } };
    const names: Record<string, string> = { a: 'Designs', b: 'Reviews', c: 'Mentors' };
    expect(describeChanges(base, changed, (id) => names[id]!, (day) => day)).toEqual([
      'Not submitted (a draft).',
      'Summary cleared.',
      '"Designs": partially → consistently.',
      // Base had no note on "Designs": one is written.
      '"Designs": note written: "Led the migration".',
      '"Reviews": assessment removed.',
      '"Mentors": rated not yet.',
    ]);
    expect(describeChanges(base, base, (id) => id, (day) => day)).toEqual(['Submitted on 2026-10-01.', 'No changes to the summary or assessments.']);
  });

  it('names the day of a submission as the app shows dates (showDate), and one that is no day as stored', () => {
    expect(describeChanges(base, base, (id) => id, (day) => `<${day}>`)[0]).toBe('Submitted on <2026-10-01>.');
    expect(describeChanges(base, { ...base, submittedAt: '2026-02-30T10:00:00.000Z' }, (id) => id, (day) => `<${day}>`)[0]).toBe('Submitted on 2026-02-30 (not a real date).');
  });
});

describe('reopenWithKeptEdits', () => {
  const submission: Packet = { ...base, id: 'rev2', revision: 2, parentId: 'rev1', status: 'submitted', summary: 'Sent' };
  const kept: Packet = { ...submission, id: 'rev2-unsent', status: 'superseded', submittedAt: null, conflictOf: 'rev2', summary: 'Unsent edit', notYetDoing: 'More to do' };

  it('starts revision 3 on top of the submission with the kept edits', () => {
    const { superseded, next } = reopenWithKeptEdits(submission, kept, 'rev3', '2026-10-09T10:00:00.000Z');
    expect(superseded).toMatchObject({ id: 'rev2', status: 'superseded', summary: 'Sent' });
    expect(next).toMatchObject({ id: 'rev3', revision: 3, parentId: 'rev2', status: 'draft', summary: 'Unsent edit', notYetDoing: 'More to do', submittedAt: null });
    expect(next.conflictOf).toBeUndefined();
  });

  it('refuses edits kept beside another revision', () => {
    expect(() => reopenWithKeptEdits(submission, { ...kept, conflictOf: 'other' }, 'rev3', AT)).toThrow('Those edits were not kept beside revision 2.');
  });
});

describe('changedExcerpts', () => {
  // 100 characters the two share, then the edit: the first 80 characters alone would not reach it.
  const shared = 'Alex co-led the checkout latency project with a senior engineer and the payments team lead, on time ';
  it('shows both texts from a little before where they first differ, when the edit is past the first 80 characters', () => {
    expect(shared).toHaveLength(100);
    const shown = changedExcerpts(`${shared}and within budget.`, `${shared}but shipped two weeks late.`);
    // The first difference is at character 100 ("a" against "b"); the window starts 20 before it, at 80: " team lead, on time ".
    expect(shown).toEqual({ before: '…team lead, on time and within budget.', after: '…team lead, on time but shipped two weeks late.' });
  });

  it('shows the start of each text when they differ early, cut to 80 characters', () => {
    expect(changedExcerpts('Base summary', 'Edited summary')).toEqual({ before: 'Base summary', after: 'Edited summary' });
    expect(changedExcerpts('short', `${'x'.repeat(90)}`)).toEqual({ before: 'short', after: `${'x'.repeat(80)}…` });
  });

  it('says what a criterion’s note was when it is rewritten, by the same rule as the summary', () => {
    const lines = describeChanges(base, { ...base, assessments: { ...base.assessments, b: { rating: 'not-yet', note: 'Seen once in Q3' } } }, (id) => (id === 'b' ? 'Reviews' : id), (d) => d);
    expect(lines).toContain('"Reviews": note rewritten: "Seen once in Q3" (was "Not seen yet").');
  });

  it('says what the text was in the preview line, so a hand edit far into a summary can be seen', () => {
    const lines = describeChanges({ ...base, summary: `${shared}and within budget.` }, { ...base, summary: `${shared}but shipped two weeks late.` }, (id) => id, (d) => d);
    expect(lines).toContain('Summary rewritten: "…team lead, on time but shipped two weeks late." (was "…team lead, on time and within budget.").');
  });
});
