/**
 * What changed between two revisions of a packet, as a committee reading
 * revision 2 after revision 1 needs it: the expected lists are written by
 * hand from the two revisions below.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence, Framework, Packet } from '../../../shared/domain';
import { comparedRevision, paragraphs, previousRevision, revisionDiff } from '../../../shared/packets/revision-diff';

const AT = '2026-10-01T09:00:00.000Z';
const framework: Pick<Framework, 'levels' | 'criteria'> = {
  levels: [
    { id: 'l4', code: 'E4', title: 'Senior', order: 4, trackId: 't', summary: '' },
    { id: 'l5', code: 'E5', title: 'Staff', order: 5, trackId: 't', summary: '' },
  ] as unknown as Framework['levels'],
  criteria: [
    { id: 'c41', levelId: 'l4', competencyId: null, text: 'Owns a service', examples: [] },
    { id: 'c51', levelId: 'l5', competencyId: null, text: 'Sets direction across teams', examples: [] },
    { id: 'c52', levelId: 'l5', competencyId: null, text: 'Grows other engineers', examples: [] },
    { id: 'c53', levelId: 'l5', competencyId: null, text: 'Leads incidents', examples: [] },
  ],
};

const item = (id: string, over: Partial<Evidence> = {}): Evidence => ({
  id, candidateId: 'cand', cycleId: 'cy', title: `Item ${id}`, description: '', date: '2026-03-01', kind: 'project', links: [], source: 'manager',
  criterionIds: ['c51'], createdAt: AT, updatedAt: AT, ...over,
} as Evidence);

const rev1: Packet = {
  id: 'p1', candidateId: 'cand', cycleId: 'cy', targetLevelId: 'l5', revision: 1, parentId: null, status: 'superseded',
  assessments: { c51: { rating: 'partially', note: '' }, c52: { rating: 'consistently', note: 'Mentored two' }, c41: { rating: 'consistently', note: '' } },
  summary: 'Led the billing redesign.\n\nRuns the on-call rota.', notYetDoing: '', acknowledgedChecks: [], submittedAt: AT, snapshot: null, createdAt: AT, updatedAt: AT,
};

describe('revisionDiff', () => {
  it('lists each rating that moved, each note rewritten, the paragraphs added and removed and the cited evidence that changed', () => {
    const rev2: Packet = {
      ...rev1, id: 'p2', revision: 2, parentId: 'p1', status: 'draft', submittedAt: null,
      // c51 up, c52's note rewritten, c53 newly rated; c41 (another level's criterion) changed but is no part of either case.
      assessments: { c51: { rating: 'consistently', note: '' }, c52: { rating: 'consistently', note: 'Mentored three' }, c53: { rating: 'not-yet', note: '' }, c41: { rating: 'partially', note: '' } },
      // The first paragraph kept (spaces and blank lines around it do not count), the second replaced, one added.
      summary: '  Led the billing redesign.  \n\n\nRuns the on-call rota for two teams.\n\nWrote the incident guide.',
      notYetDoing: 'Not yet setting direction.',
    };
    const before = [item('e1'), item('e2', { date: '2026-02-01' }), item('e3', { criterionIds: ['c41'] })];
    const after = [
      item('e1', { title: 'Billing redesign', date: '2026-04-02', criterionIds: ['c51', 'c53'] }),
      item('e4', { date: '2026-05-01', criterionIds: ['c52'] }),
      // Linked only to another level's criterion: cited by neither revision, so not listed however it changed.
      item('e3', { criterionIds: ['c41'], title: 'Renamed' }),
    ];
    const diff = revisionDiff(framework, rev1, before, rev2, after);
    expect(diff.from).toBe(1);
    expect(diff.to).toBe(2);
    expect(diff.same).toBe(false);
    expect(diff.targetLevel).toBeNull();
    expect(diff.ratings.map(({ code, from, to, noteChanged }) => ({ code, from, to, noteChanged }))).toEqual([
      { code: 'E5.1', from: 'partially', to: 'consistently', noteChanged: false },
      { code: 'E5.2', from: 'consistently', to: 'consistently', noteChanged: true },
      { code: 'E5.3', from: null, to: 'not-yet', noteChanged: false },
    ]);
    expect(diff.texts).toEqual([
      {
        field: 'summary',
        added: ['Runs the on-call rota for two teams.', 'Wrote the incident guide.'],
        removed: ['Runs the on-call rota.'],
        // In reading order: the paragraph replaced just before its replacement.
        steps: [
          { kind: 'removed', text: 'Runs the on-call rota.' },
          { kind: 'added', text: 'Runs the on-call rota for two teams.' },
          { kind: 'added', text: 'Wrote the incident guide.' },
        ],
      },
      { field: 'notYetDoing', added: ['Not yet setting direction.'], removed: [], steps: [{ kind: 'added', text: 'Not yet setting direction.' }] },
    ]);
    expect(diff.evidence.added.map((e) => e.id)).toEqual(['e4']);
    expect(diff.evidence.removed.map((e) => e.id)).toEqual(['e2']);
    expect(diff.evidence.edited).toEqual([{ id: 'e1', title: 'Billing redesign', fields: ['title (was “Item e1”)', 'date (2026-03-01 → 2026-04-02)', 'criteria (+E5.3)'] }]);
  });

  it('compares the readiness figure of each revision when given the evidence window, and only when it moved', () => {
    // E5.1 has evidence in two quarters (2026 Q1 and Q2): sustained. Rated "partially" it is not ready; "consistently", it is.
    const evidence = [item('q1', { date: '2026-02-01' }), item('q2', { date: '2026-05-01' })];
    const window = { from: '2026-01-01', to: '2026-12-31' };
    const raised = { ...rev1, revision: 2, assessments: { ...rev1.assessments, c51: { rating: 'consistently' as const, note: '' } } };
    const diff = revisionDiff(framework, rev1, evidence, raised, evidence, { window });
    expect(diff.readiness && [diff.readiness.from.ready, diff.readiness.from.total, diff.readiness.to.ready, diff.readiness.to.total]).toEqual([0, 3, 1, 3]);
    // Without the window, or with the figure unchanged (only a note rewritten), no readiness line.
    expect(revisionDiff(framework, rev1, evidence, raised, evidence).readiness).toBeNull();
    const noted = { ...rev1, revision: 2, assessments: { ...rev1.assessments, c52: { rating: 'consistently' as const, note: 'Mentored three' } } };
    expect(revisionDiff(framework, rev1, evidence, noted, evidence, { window }).readiness).toBeNull();
  });

  it('says when the target level moved, and compares the criteria of both levels', () => {
    const rev2: Packet = { ...rev1, id: 'p2', revision: 2, parentId: 'p1', targetLevelId: 'l4' };
    const diff = revisionDiff(framework, rev1, [item('e1')], rev2, [item('e1')]);
    expect(diff.targetLevel).toEqual({ from: 'l5', to: 'l4' });
    // Every rating is the same on both sides: only the level moved. e1 (linked to E5.1) is no longer cited at E4.
    expect(diff.ratings).toEqual([]);
    expect(diff.evidence.removed.map((e) => e.id)).toEqual(['e1']);
  });

  it('finds nothing between two revisions that read the same, and lists a rating taken back', () => {
    const same = revisionDiff(framework, rev1, [item('e1')], { ...rev1, revision: 2, summary: 'Led the billing redesign.\n\n\nRuns the on-call rota.\n' }, [item('e1')]);
    expect(same.same).toBe(true);
    const { c51: _dropped, ...rest } = rev1.assessments;
    const cleared = revisionDiff(framework, rev1, [], { ...rev1, revision: 2, assessments: rest }, []);
    expect(cleared.ratings.map((r) => [r.code, r.from, r.to])).toEqual([['E5.1', 'partially', null]]);
  });

  it('keeps a repeated paragraph as two: one of two copies removed is a change', () => {
    const diff = revisionDiff(framework, { ...rev1, summary: 'Same.\n\nSame.' }, [], { ...rev1, revision: 2, summary: 'Same.' }, []);
    expect(diff.texts).toEqual([{ field: 'summary', added: [], removed: ['Same.'], steps: [{ kind: 'removed', text: 'Same.' }] }]);
  });

  it('says a paragraph edited in the middle where it stands, between the paragraphs kept around it', () => {
    // A chair's trial: "8 months" → "11 months" in the second of three paragraphs showed the new one first and the
    // old one further down, after another new paragraph.
    const before = 'Led the billing redesign.\n\nIn level for 8 months.\n\nMentors two engineers.';
    const after = 'Led the billing redesign.\n\nIn level for 11 months.\n\nMentors two engineers.\n\nWrote the incident guide.';
    const diff = revisionDiff(framework, { ...rev1, summary: before }, [], { ...rev1, revision: 2, summary: after }, []);
    expect(diff.texts[0]!.steps).toEqual([
      { kind: 'removed', text: 'In level for 8 months.' },
      { kind: 'added', text: 'In level for 11 months.' },
      { kind: 'added', text: 'Wrote the incident guide.' },
    ]);
    // Two paragraphs swapped: one of them moved, said as dropped where it was and added where it went.
    const swapped = revisionDiff(framework, { ...rev1, summary: 'A.\n\nB.' }, [], { ...rev1, revision: 2, summary: 'B.\n\nA.' }, []);
    expect(swapped.same).toBe(false);
    expect(swapped.texts[0]!.steps).toEqual([
      { kind: 'removed', text: 'A.' },
      { kind: 'added', text: 'A.' },
    ]);
  });

  it('still lists what was dropped and added in a text of hundreds of paragraphs, dropped first, without working out the order', () => {
    const many = Array.from({ length: 600 }, (_, i) => `Paragraph ${i}.`);
    const before = many.join('\n\n');
    const after = [...many.slice(0, 300), 'A new one.', ...many.slice(301)].join('\n\n');
    const diff = revisionDiff(framework, { ...rev1, summary: before }, [], { ...rev1, revision: 2, summary: after }, []);
    expect(diff.texts[0]!.steps).toEqual([
      { kind: 'removed', text: 'Paragraph 300.' },
      { kind: 'added', text: 'A new one.' },
    ]);
  });

  it('lists a rating of a criterion the framework version does not hold, by its id', () => {
    const diff = revisionDiff(framework, rev1, [], { ...rev1, revision: 2, assessments: { ...rev1.assessments, gone: { rating: 'partially', note: '' } } }, []);
    expect(diff.ratings.map((r) => [r.code, r.from, r.to])).toEqual([['gone', null, 'partially']]);
  });
});

describe('paragraphs', () => {
  it('splits at blank lines (with spaces or CRLF in them) and drops empty ones', () => {
    expect(paragraphs('One\nstill one\n \nTwo\r\n\r\nThree\n\n\n')).toEqual(['One\nstill one', 'Two', 'Three']);
    expect(paragraphs('   ')).toEqual([]);
  });
});

describe('previousRevision', () => {
  it('is the parent, else the revision numbered before it, never a kept copy', () => {
    const kept: Packet = { ...rev1, id: 'k1', conflictOf: 'p1', status: 'draft', submittedAt: null };
    const rev2: Packet = { ...rev1, id: 'p2', revision: 2, parentId: 'p1', status: 'draft', submittedAt: null };
    expect(previousRevision([rev2, kept, rev1], rev2)?.id).toBe('p1');
    // A parent that stayed on another machine: the one numbered before it here.
    expect(previousRevision([kept, rev1], { ...rev2, parentId: 'elsewhere' })?.id).toBe('p1');
    expect(previousRevision([kept], { ...rev2, parentId: null })).toBeNull();
    expect(previousRevision([rev1], rev1)).toBeNull();
  });

  it('reads a kept copy against the revision it was kept beside', () => {
    const rev2: Packet = { ...rev1, id: 'p2', revision: 2, parentId: 'p1', status: 'submitted' };
    const kept: Packet = { ...rev2, id: 'k2', conflictOf: 'p2', status: 'draft', submittedAt: null };
    expect(comparedRevision([kept, rev2, rev1], kept)).toEqual({ packet: rev2, keptBeside: true });
    expect(comparedRevision([kept, rev2, rev1], rev2)).toEqual({ packet: rev1, keptBeside: false });
    expect(comparedRevision([rev1], rev1)).toBeNull();
  });
});
