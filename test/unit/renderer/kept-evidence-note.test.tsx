// @vitest-environment jsdom
/**
 * Beside Submit, an evidence item started on the candidate page and not added yet is said: a manager trial submitted
 * a revision without the draft that was the very evidence for a gap criterion, and nothing had said it was pending.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeptEvidenceNote } from '../../../renderer/features/packets/kept-evidence-note';
import { writeKept } from '../../../renderer/state/kept-text';

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the kept evidence note beside Submit', () => {
  it('names the item not added yet and links to where it is added', () => {
    writeKept('evidence', 'cand-1', { title: 'Improved the CI cache so the suite runs 4x faster', description: '', date: '2026-03-01', kind: 'project', source: 'manager', linksText: '', criterionIds: [] });
    render(<KeptEvidenceNote candidateId="cand-1" candidateHref="#/candidates/cand-1" />);
    const note = screen.getByRole('note');
    expect(note.textContent).toBe('An evidence item you started is not added yet: “Improved the CI cache so the suite runs 4x faster”, kept on this computer. Submitting leaves it out of this revision. Add it on the candidate page first if it belongs in the case.');
    expect(screen.getByRole('link', { name: 'Add it on the candidate page' }).getAttribute('href')).toBe('#/candidates/cand-1');
  });

  it('says nothing without a kept item, or for another candidate’s', () => {
    writeKept('evidence', 'cand-2', { title: 'Someone else’s', description: '', date: '2026-03-01', kind: 'project', source: 'manager', linksText: '', criterionIds: [] });
    render(<KeptEvidenceNote candidateId="cand-1" candidateHref="#/candidates/cand-1" />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
