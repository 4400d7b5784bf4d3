// @vitest-environment jsdom
/**
 * A "Log evidence" draft read back from localStorage: what the form can show
 * comes back field by field; a field it cannot (an unknown kind, a number for
 * a title) falls back to its default without losing the rest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readEvidenceDraft } from '../../../renderer/features/evidence/use-evidence-draft';
import { writeKept } from '../../../renderer/state/kept-text';

afterEach(() => localStorage.clear());

describe('readEvidenceDraft', () => {
  it('brings a kept draft back as it was typed', () => {
    const draft = { title: 'Led the migration', description: 'Three services', date: '2026-05-02', kind: 'incident', source: 'peer', linksText: 'https://wiki.example.com/x', criterionIds: ['c1', 'c2'] };
    writeKept('evidence', 'cand-1', draft);
    expect(readEvidenceDraft('cand-1')).toEqual(draft);
  });

  it('defaults each field it cannot show, keeping the others: an unknown kind showed no option selected', () => {
    writeKept('evidence', 'cand-1', { title: 'Led the migration', description: 42, date: '2026-05-02', kind: 'heroics', source: null, criterionIds: ['c1', 7, null, 'c2'] });
    expect(readEvidenceDraft('cand-1')).toEqual({ title: 'Led the migration', description: '', date: '2026-05-02', kind: 'project', source: 'manager', linksText: '', criterionIds: ['c1', 'c2'] });
  });

  it('finds nothing when nothing is kept or what is kept is not a draft', () => {
    expect(readEvidenceDraft('cand-1')).toBeNull();
    writeKept('evidence', 'cand-1', 'just a string');
    expect(readEvidenceDraft('cand-1')).toBeNull();
    writeKept('evidence', 'cand-1', ['a', 'b']);
    expect(readEvidenceDraft('cand-1')).toBeNull();
  });
});
