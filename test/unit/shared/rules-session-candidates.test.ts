import { describe, expect, it } from 'vitest';
import { currentPacket, currentPacketByCandidate } from '../../../shared/rules/current-packet';
import { eligibleCandidates, isEligible, orderByLevel, reviewOrder } from '../../../shared/rules/session-candidates';
import { createRandom } from '../../../shared/util/random';
import { sessionNames } from '../../../shared/calibration/blind';

const framework = {
  tracks: [{ id: 'ic' }, { id: 'm' }],
  levels: [
    { id: 'm1', trackId: 'm', order: 1 },
    { id: 'ic3', trackId: 'ic', order: 3 },
    { id: 'ic2', trackId: 'ic', order: 2 },
  ],
} as unknown as Parameters<typeof orderByLevel>[0];

const c = (id: string, name: string, targetLevelId: string | null, archived = false) => ({ id, name, targetLevelId, archived });
const p = (id: string, candidateId: string, revision: number, status: 'draft' | 'submitted' | 'superseded') => ({ id, candidateId, revision, status, targetLevelId: null });

describe('current packet per candidate', () => {
  it('takes the highest revision that is not superseded, a submission before a draft of the same revision', () => {
    const packets = [p('x1', 'x', 1, 'superseded'), p('x2', 'x', 2, 'draft'), p('y1', 'y', 1, 'draft'), p('y1b', 'y', 1, 'submitted'), p('z1', 'z', 1, 'superseded')];
    const map = currentPacketByCandidate(packets);
    expect(map.get('x')?.id).toBe('x2');
    expect(map.get('y')?.id).toBe('y1b');
    expect(map.has('z')).toBe(false);
    expect(currentPacket(packets.filter((q) => q.candidateId === 'y'))?.id).toBe('y1b');
  });
});

describe('session eligibility', () => {
  it('needs a target level, no archive, and a submitted current packet unless drafts are included', () => {
    expect(isEligible(c('a', 'A', 'ic2'), { status: 'submitted' }, { includeDrafts: false })).toBe(true);
    expect(isEligible(c('a', 'A', 'ic2'), { status: 'draft' }, { includeDrafts: false })).toBe(false);
    expect(isEligible(c('a', 'A', 'ic2'), undefined, { includeDrafts: false })).toBe(false);
    expect(isEligible(c('a', 'A', 'ic2'), undefined, { includeDrafts: true })).toBe(true);
    expect(isEligible(c('a', 'A', null), { status: 'submitted' }, { includeDrafts: true })).toBe(false);
    expect(isEligible(c('a', 'A', 'ic2', true), { status: 'submitted' }, { includeDrafts: true })).toBe(false);
  });

  it('judges the current packet: a submitted revision 1 superseded by a draft revision 2 is not eligible', () => {
    const candidates = [c('x', 'X', 'ic2'), c('y', 'Y', 'ic2')];
    const packets = [p('x1', 'x', 1, 'superseded'), p('x2', 'x', 2, 'draft'), p('y1', 'y', 1, 'submitted')];
    expect(eligibleCandidates(candidates, packets, { includeDrafts: false }).map((k) => k.id)).toEqual(['y']);
    expect(eligibleCandidates(candidates, packets, { includeDrafts: true }).map((k) => k.id)).toEqual(['x', 'y']);
  });
});

describe('review order', () => {
  const people = [c('4', 'Zoe', 'ic2'), c('1', 'Ann', 'm1'), c('2', 'bob', 'ic3'), c('3', 'Al', 'ic2'), c('5', 'Al', 'ic2'), c('6', 'Kim', 'gone')];

  it('by level: track in framework order, level order, name, id; unknown levels last', () => {
    // ic track first (ic2 before ic3), then m1; the two "Al" by id; the unknown level last.
    expect(orderByLevel(framework, people).map((k) => k.id)).toEqual(['3', '5', '4', '2', '1', '6']);
    expect(reviewOrder(framework, people, 'by-level').map((k) => k.id)).toEqual(['3', '5', '4', '2', '1', '6']);
  });

  it('manual keeps the given order; shuffled is the by-level order shuffled by the seed', () => {
    expect(reviewOrder(framework, people, 'manual').map((k) => k.id)).toEqual(['4', '1', '2', '3', '5', '6']);
    const expected = createRandom(42).shuffle(['3', '5', '4', '2', '1', '6']);
    expect(reviewOrder(framework, people, 'shuffled', 42).map((k) => k.id)).toEqual(expected);
    expect(reviewOrder(framework, [...people].reverse(), 'shuffled', 42).map((k) => k.id)).toEqual(expected);
    expect(() => reviewOrder(framework, people, 'shuffled')).toThrow(/seed/);
  });

  it('a blind session orders a level by the pseudonyms it shows, so the order tells nothing about the names', () => {
    // Eight IC2 candidates whose names sort in id order, and the same people named the other way round.
    const named = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eva', 'Finn', 'Gus', 'Hana'].map((name, i) => c(`cand-${i}`, name, 'ic2'));
    const renamed = named.map((k, i) => ({ ...k, name: named[named.length - 1 - i]!.name }));
    const pseudonym = sessionNames({ id: 'session-x', candidateIds: named.map((k) => k.id) }, named.map((k) => ({ ...k, manager: '', team: '', groups: {} }) as never)).candidate;
    const byPseudonym = [...named].sort((a, b) => pseudonym(a.id).localeCompare(pseudonym(b.id), 'en')).map((k) => k.id);

    expect(reviewOrder(framework, named, 'by-level', undefined, 'session-x').map((k) => k.id)).toEqual(byPseudonym);
    expect(reviewOrder(framework, renamed, 'by-level', undefined, 'session-x').map((k) => k.id)).toEqual(byPseudonym);
    expect(byPseudonym).not.toEqual(named.map((k) => k.id));
    // Levels still come first, and a session that shows names keeps the name order.
    expect(reviewOrder(framework, [c('m', 'Zed', 'm1'), ...named], 'by-level', undefined, 'session-x').map((k) => k.id)).toEqual([...byPseudonym, 'm']);
    expect(reviewOrder(framework, named, 'by-level').map((k) => k.id)).toEqual(named.map((k) => k.id));
  });
});
