/** Packet revisions: submit, reopen as a new revision, read-only states and the parent chain. */
import { describe, expect, it } from 'vitest';
import type { Packet } from '../../../shared/domain/packet';
import { PacketSchema } from '../../../shared/domain/packet';
import { descendsFrom, isReadOnly, reopenPacket, submitPacket } from '../../../shared/packets/revisions';

const T0 = '2026-09-01T10:00:00.000Z';
const T1 = '2026-09-20T10:00:00.000Z';
const T2 = '2026-10-02T10:00:00.000Z';

const DRAFT: Packet = {
  id: 'p1',
  candidateId: 'cand-1',
  cycleId: 'cycle-1',
  targetLevelId: 'ic3',
  revision: 1,
  parentId: null,
  status: 'draft',
  assessments: { c1: { rating: 'consistently', note: 'Two designs.' }, c2: { rating: 'partially', note: '' } },
  summary: 'Led the billing redesign.',
  notYetDoing: 'Not yet setting direction across teams.',
  acknowledgedChecks: ['single-quarter'],
  submittedAt: null,
  snapshot: null,
  createdAt: T0,
  updatedAt: T0,
};

const SNAP = { takenAt: T1, targetLevelId: 'ic3', assessments: DRAFT.assessments, summary: DRAFT.summary, notYetDoing: DRAFT.notYetDoing, evidence: [] };

describe('submitPacket', () => {
  it('returns a submitted copy stamped with the time, leaving the draft untouched', () => {
    const submitted = submitPacket(DRAFT, T1, SNAP);
    expect(submitted).toEqual({ ...DRAFT, status: 'submitted', submittedAt: T1, updatedAt: T1, snapshot: SNAP });
    expect(DRAFT.status).toBe('draft');
    expect(submitted.assessments).not.toBe(DRAFT.assessments);
    expect(PacketSchema.parse(submitted)).toEqual(submitted);
  });

  it('refuses anything but a draft', () => {
    const submitted = submitPacket(DRAFT, T1, SNAP);
    expect(() => submitPacket(submitted, T2, SNAP)).toThrow(/Only a draft/);
    expect(() => submitPacket({ ...DRAFT, status: 'superseded' }, T2, SNAP)).toThrow(/superseded/);
  });
});

describe('isReadOnly', () => {
  it('is false for a draft and true for submitted and superseded packets', () => {
    expect(isReadOnly(DRAFT)).toBe(false);
    expect(isReadOnly({ status: 'submitted' })).toBe(true);
    expect(isReadOnly({ status: 'superseded' })).toBe(true);
  });
});

describe('reopenPacket', () => {
  const submitted = submitPacket(DRAFT, T1, SNAP);

  it('supersedes the submitted revision and starts a draft that names it as parent', () => {
    const { superseded, next } = reopenPacket(submitted, 'p2', T2);
    expect(superseded).toEqual({ ...submitted, status: 'superseded', updatedAt: T2 });
    expect(next).toEqual({
      ...submitted,
      id: 'p2',
      revision: 2,
      parentId: 'p1',
      status: 'draft',
      submittedAt: null,
      snapshot: null,
      createdAt: T2,
      updatedAt: T2,
    });
    expect(next.assessments).toEqual(DRAFT.assessments);
    expect(next.summary).toBe(DRAFT.summary);
    expect(next.acknowledgedChecks).toEqual(['single-quarter']);
    expect(isReadOnly(superseded)).toBe(true);
    expect(isReadOnly(next)).toBe(false);
    expect(PacketSchema.parse(next)).toEqual(next);
  });

  it('shares nothing mutable between the revisions', () => {
    const { superseded, next } = reopenPacket(submitted, 'p2', T2);
    expect(next.assessments).not.toBe(superseded.assessments);
    expect(next.assessments.c1).not.toBe(superseded.assessments.c1);
    expect(next.acknowledgedChecks).not.toBe(superseded.acknowledgedChecks);
    expect(submitted.status).toBe('submitted');
  });

  it('can be submitted and reopened again, counting revisions', () => {
    const second = submitPacket(reopenPacket(submitted, 'p2', T2).next, T2, SNAP);
    const { next } = reopenPacket(second, 'p3', T2);
    expect([next.revision, next.parentId]).toEqual([3, 'p2']);
  });

  it('refuses drafts, superseded packets and a reused id', () => {
    expect(() => reopenPacket(DRAFT, 'p2', T2)).toThrow(/draft/);
    expect(() => reopenPacket({ ...submitted, status: 'superseded' }, 'p2', T2)).toThrow(/superseded/);
    expect(() => reopenPacket(submitted, 'p1', T2)).toThrow(/new id/);
    expect(() => reopenPacket(submitted, '  ', T2)).toThrow(/new id/);
  });
});

describe('descendsFrom', () => {
  // p1 ← p2 ← p3, and x1 unrelated.
  const chain = {
    p1: { id: 'p1', parentId: null },
    p2: { id: 'p2', parentId: 'p1' },
    p3: { id: 'p3', parentId: 'p2' },
    x1: { id: 'x1', parentId: null },
  };
  const map = new Map(Object.entries(chain));

  it('follows the parent chain, from a map or a record', () => {
    expect(descendsFrom(chain.p3, 'p1', map)).toBe(true);
    expect(descendsFrom(chain.p3, 'p2', chain)).toBe(true);
    expect(descendsFrom(chain.p2, 'p1', chain)).toBe(true);
  });

  it('is false for ancestors, strangers and the packet itself', () => {
    expect(descendsFrom(chain.p1, 'p3', map)).toBe(false);
    expect(descendsFrom(chain.p3, 'x1', map)).toBe(false);
    expect(descendsFrom(chain.p3, 'p3', map)).toBe(false);
    expect(descendsFrom(chain.p1, 'p1', map)).toBe(false);
  });

  it('recognises a direct parent missing from the map, and stops at a gap further up', () => {
    const partial = new Map([['p3', chain.p3]]);
    expect(descendsFrom(chain.p3, 'p2', partial)).toBe(true);
    expect(descendsFrom(chain.p3, 'p1', partial)).toBe(false);
  });

  it('terminates on a loop in corrupt data', () => {
    const loop = new Map([
      ['a', { id: 'a', parentId: 'b' }],
      ['b', { id: 'b', parentId: 'c' }],
      ['c', { id: 'c', parentId: 'a' }],
    ]);
    expect(descendsFrom({ id: 'a', parentId: 'b' }, 'zzz', loop)).toBe(false);
    expect(descendsFrom({ id: 'a', parentId: 'b' }, 'c', loop)).toBe(true);
    expect(descendsFrom({ id: 'a', parentId: 'b' }, 'a', loop)).toBe(false);
    const self = new Map([['s', { id: 's', parentId: 's' }]]);
    expect(descendsFrom({ id: 's', parentId: 's' }, 'other', self)).toBe(false);
  });

  it('does not treat inherited object keys as packets', () => {
    expect(descendsFrom({ id: 'q', parentId: 'toString' }, 'zzz', {})).toBe(false);
  });
});
