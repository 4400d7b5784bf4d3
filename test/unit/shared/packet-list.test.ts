/**
 * The packets list's rows: archived candidates left out unless asked for
 * (they used to be listed, and exportable), and the search, filters and
 * sorts the list offers.
 *
 * The example: four candidates, one archived (Dee, with a draft). Target
 * levels ic3 (criteria c1, c2) and m1 (criterion m1); readiness from stored
 * rows: Ana 1 of 2 (50%), Bo 2 of 2 (100%), Cy 0 of 1 (0%), Dee 1 of 2.
 */
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../shared/domain/candidate';
import type { Packet } from '../../../shared/domain/packet';
import { filterPacketRows, levelOrderOf, NO_PACKET_FILTER, packetListFacets, packetListRows, sortPacketRows } from '../../../shared/packets/packet-list';
import { storedReadinessByCandidate } from '../../../shared/packets/stored-readiness';
import type { ReadinessRow } from '../../../shared/rules/readiness';

const AT = '2026-10-05T09:00:00.000Z';

function candidate(id: string, name: string, manager: string, team: string, targetLevelId: string, archived = false): Candidate {
  return { id, cycleId: 'cy', name, role: '', team, manager, currentLevelId: 'ic2', targetLevelId, timeInLevelMonths: 12, groups: {}, archived, createdAt: AT, updatedAt: AT };
}

function packet(candidateId: string, targetLevelId: string, status: Packet['status']): Packet {
  return {
    id: `${candidateId}-p1`,
    candidateId,
    cycleId: 'cy',
    targetLevelId,
    revision: 1,
    parentId: null,
    status,
    assessments: {},
    summary: '',
    notYetDoing: '',
    acknowledgedChecks: [],
    submittedAt: status === 'submitted' ? AT : null,
    snapshot: null,
    createdAt: AT,
    updatedAt: AT,
  };
}

const framework = {
  tracks: [
    { id: 'ic', name: 'IC', kind: 'ic' as const, description: '' },
    { id: 'm', name: 'M', kind: 'manager' as const, description: '' },
  ],
  levels: [
    { id: 'm1', trackId: 'm', order: 1 },
    { id: 'ic3', trackId: 'ic', order: 3 },
    { id: 'ic2', trackId: 'ic', order: 2 },
  ],
  criteria: [
    { id: 'c1', levelId: 'ic3' },
    { id: 'c2', levelId: 'ic3' },
    { id: 'm1c', levelId: 'm1' },
  ],
};

const candidates = [
  candidate('a', 'Ana Lind', 'Sam Rivera', 'Payments', 'ic3'),
  candidate('b', 'Bo Chen', 'Alex Morgan', 'Search', 'ic3'),
  candidate('c', 'Cy Berg', 'Sam Rivera', 'Data', 'm1'),
  candidate('d', 'Dee Nowak', 'Alex Morgan', 'Payments', 'ic3', true),
];
const packets = [packet('a', 'ic3', 'draft'), packet('b', 'ic3', 'submitted'), packet('c', 'm1', 'submitted'), packet('d', 'ic3', 'draft')];
const row = (candidateId: string, criterionId: string, targetLevelId: string, ready: boolean): ReadinessRow & { packetId: string } => ({
  candidateId,
  packetId: `${candidateId}-p1`,
  criterionId,
  targetLevelId,
  rating: ready ? 'consistently' : 'partially',
  sustained: ready,
});
const coverage = [row('a', 'c1', 'ic3', true), row('a', 'c2', 'ic3', false), row('b', 'c1', 'ic3', true), row('b', 'c2', 'ic3', true), row('c', 'm1c', 'm1', false), row('d', 'c1', 'ic3', true)];

const rows = packetListRows({ framework, packets, candidates, readiness: storedReadinessByCandidate(coverage) });
const names = (list: readonly { candidate: Candidate | undefined }[]) => list.map((r) => r.candidate?.name);

describe('packetListRows', () => {
  it('leaves out archived candidates’ packets, so they are neither listed nor exportable', () => {
    expect(names(rows)).toEqual(['Ana Lind', 'Bo Chen', 'Cy Berg']);
  });

  it('keeps them when "Show archived" asks for them', () => {
    expect(names(packetListRows({ framework, packets, candidates, readiness: storedReadinessByCandidate(coverage), includeArchived: true }))).toEqual(['Ana Lind', 'Bo Chen', 'Cy Berg', 'Dee Nowak']);
  });

  it('computes readiness per packet from the stored rows', () => {
    expect(rows.map((r) => `${r.readiness.ready}/${r.readiness.total}`)).toEqual(['1/2', '2/2', '0/1']);
  });
});

describe('filterPacketRows', () => {
  it('searches name, manager and team, ignoring case and surrounding spaces', () => {
    expect(names(filterPacketRows(rows, { ...NO_PACKET_FILTER, query: '  bo ' }))).toEqual(['Bo Chen']);
    expect(names(filterPacketRows(rows, { ...NO_PACKET_FILTER, query: 'RIVERA' }))).toEqual(['Ana Lind', 'Cy Berg']);
    expect(names(filterPacketRows(rows, { ...NO_PACKET_FILTER, query: 'payments' }))).toEqual(['Ana Lind']);
  });

  it('filters by status, manager and target level, together', () => {
    expect(names(filterPacketRows(rows, { ...NO_PACKET_FILTER, status: 'submitted' }))).toEqual(['Bo Chen', 'Cy Berg']);
    expect(names(filterPacketRows(rows, { ...NO_PACKET_FILTER, manager: 'Sam Rivera' }))).toEqual(['Ana Lind', 'Cy Berg']);
    expect(names(filterPacketRows(rows, { ...NO_PACKET_FILTER, targetLevelId: 'ic3' }))).toEqual(['Ana Lind', 'Bo Chen']);
    expect(names(filterPacketRows(rows, { ...NO_PACKET_FILTER, status: 'submitted', manager: 'Sam Rivera' }))).toEqual(['Cy Berg']);
  });
});

describe('sortPacketRows', () => {
  const order = levelOrderOf(framework);

  it('orders levels by track, then up each track', () => {
    expect([...order.entries()]).toEqual([
      ['ic2', 0],
      ['ic3', 1],
      ['m1', 2],
    ]);
  });

  it('sorts by readiness both ways, by status, manager and target level, ties by name', () => {
    expect(names(sortPacketRows(rows, 'readiness-desc'))).toEqual(['Bo Chen', 'Ana Lind', 'Cy Berg']);
    expect(names(sortPacketRows(rows, 'readiness-asc'))).toEqual(['Cy Berg', 'Ana Lind', 'Bo Chen']);
    // From reversed input, so an order that merely kept its input would fail.
    const reversed = [...rows].reverse();
    expect(names(sortPacketRows(reversed, 'status'))).toEqual(['Ana Lind', 'Bo Chen', 'Cy Berg']);
    expect(names(sortPacketRows(reversed, 'manager'))).toEqual(['Bo Chen', 'Ana Lind', 'Cy Berg']);
    expect(names(sortPacketRows(reversed, 'target-level', order))).toEqual(['Ana Lind', 'Bo Chen', 'Cy Berg']);
    expect(names(sortPacketRows([...rows].reverse(), 'name'))).toEqual(['Ana Lind', 'Bo Chen', 'Cy Berg']);
  });
});

describe('packetListFacets', () => {
  it('counts the submitted packets and offers the managers, target levels and statuses of the listed rows', () => {
    const order = levelOrderOf(framework);
    // From reversed input, so lists that merely kept their input order would fail.
    const facets = packetListFacets([...rows].reverse(), order, ['draft', 'submitted', 'superseded']);
    expect(facets).toEqual({ submitted: 2, managers: ['Alex Morgan', 'Sam Rivera'], levelIds: ['ic3', 'm1'], statuses: ['draft', 'submitted'] });
    // The archived candidate's draft counts only when listed.
    const all = packetListRows({ framework, packets, candidates, readiness: storedReadinessByCandidate(coverage), includeArchived: true });
    expect(packetListFacets(all.filter((r) => r.candidate?.id !== 'a'), order, ['draft', 'submitted', 'superseded']).statuses).toEqual(['draft', 'submitted']);
    expect(packetListFacets(rows.filter((r) => r.packet.status === 'submitted'), order, ['draft', 'submitted']).statuses).toEqual(['submitted']);
  });
});
