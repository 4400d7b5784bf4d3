/**
 * The rows of the packets list: each candidate's current packet (the shared
 * current-packet rule) with its readiness (the shared readiness rule, counted
 * once per candidate from the coverage rows of that packet and stored beside
 * the candidate by the write path, so drawing the list reads no coverage row),
 * sorted by candidate name. Kept out of the component so a test can check that the
 * list shows what the builder, heatmap, presenter and decision book show.
 *
 * Archived candidates are left out unless asked for, as on the Candidates
 * list: an archived candidate's draft is not something to track or export.
 * The search, filters and sorts of the list are here too.
 */
import { compareNames } from '../calibration/common';
import type { Candidate } from '../domain/candidate';
import type { Packet, PacketStatus } from '../domain/packet';
import { currentPacketByCandidate } from '../rules/current-packet';
import { oneSpellingPerName } from '../rules/manager-names';
import { readinessFromRows, readinessRule, type ReadinessFigure } from '../rules/readiness';
import type { StoredReadiness } from './stored-readiness';
import { keyMatches, normalizeQuery, searchKey } from '../util/search';

/** What the list shows of a packet: the fields the write path stores beside each candidate (candidateStats), or a whole packet row. */
export type ListedPacket = Pick<Packet, 'id' | 'candidateId' | 'targetLevelId' | 'status' | 'revision'>;

export interface PacketListRow<P extends ListedPacket = ListedPacket, C extends Candidate = Candidate> {
  packet: P;
  /** Undefined when the packet's candidate is not given. */
  candidate: C | undefined;
  readiness: PacketReadiness;
}

/** What a list row shows of readiness: the figure and the sentence stating the rule. */
export type PacketReadiness = ReadinessFigure & { rule: string };

function byCandidateId(a: PacketListRow, b: PacketListRow): number {
  return a.packet.candidateId < b.packet.candidateId ? -1 : a.packet.candidateId > b.packet.candidateId ? 1 : 0;
}

function byName(a: PacketListRow, b: PacketListRow): number {
  return compareNames(a.candidate?.name ?? '', b.candidate?.name ?? '') || byCandidateId(a, b);
}

/** Whether a row's candidate is archived (an orphan packet, whose candidate is not stored, is not). */
export function isArchivedRow(row: Pick<PacketListRow, 'candidate'>): boolean {
  return row.candidate?.archived === true;
}

export function packetListRows<P extends ListedPacket, C extends Candidate>(input: {
  framework: { criteria: readonly { id: string; levelId: string }[] } | null;
  packets: readonly P[];
  candidates: readonly C[];
  /** Each candidate's stored readiness (shared/packets/stored-readiness.ts); a packet without one has none of its criteria ready. */
  readiness: ReadonlyMap<string, StoredReadiness>;
  /** Keep archived candidates' packets (the "Show archived" toggle); left out by default. */
  includeArchived?: boolean;
}): PacketListRow<P, C>[] {
  // One spelling per manager (shared/rules/manager-names.ts): one entry in the Manager filter, one filter picks them all.
  const byId = new Map(oneSpellingPerName(input.candidates).map((c) => [c.id, c]));
  const framework = input.framework ?? { criteria: [] };
  // Each level's criteria, picked out of the framework once rather than once per packet (40 criteria on each of many levels).
  const criteriaOf = new Map<string, { criteria: { id: string; levelId: string }[] }>();
  for (const c of framework.criteria) {
    const level = criteriaOf.get(c.levelId);
    if (level) level.criteria.push(c);
    else criteriaOf.set(c.levelId, { criteria: [c] });
  }
  const none = { criteria: [] };
  const rows = [...currentPacketByCandidate(input.packets).values()]
    .map((packet) => ({
      packet,
      candidate: byId.get(packet.candidateId),
      readiness: readinessOf(packet, input.readiness.get(packet.candidateId), criteriaOf.get(packet.targetLevelId ?? '') ?? none),
    }))
    .filter((r) => input.includeArchived === true || !isArchivedRow(r));
  return rows.sort(byName);
}

/**
 * The stored figure when it is about this packet. Otherwise (no coverage rows:
 * no framework, or a packet whose candidate is not stored) the rule over no
 * rows: none of the level's criteria ready.
 */
function readinessOf(packet: ListedPacket, stored: StoredReadiness | undefined, level: { criteria: readonly { id: string; levelId: string }[] }): PacketReadiness {
  if (stored && stored.packetId === packet.id) return { ready: stored.ready, total: stored.total, share: stored.share, rule: readinessRule(stored.ready, stored.total) };
  const { ready, total, share, rule } = readinessFromRows(level, { id: packet.candidateId, targetLevelId: packet.targetLevelId }, []);
  return { ready, total, share, rule };
}

/** What the list is narrowed to; an empty string means "any". */
export interface PacketListFilter {
  /** Matched against the candidate's name, manager and team, as on the Candidates list. */
  query: string;
  status: PacketStatus | '';
  manager: string;
  targetLevelId: string;
}

export const NO_PACKET_FILTER: PacketListFilter = { query: '', status: '', manager: '', targetLevelId: '' };

/** Each row's search key, folded once per row object: a keystroke compares one string per row (the list keeps its rows between keystrokes). */
const searchKeys = new WeakMap<PacketListRow, string>();
function rowKey(r: PacketListRow): string {
  let key = searchKeys.get(r);
  if (key === undefined) searchKeys.set(r, (key = searchKey([r.candidate?.name, r.candidate?.manager, r.candidate?.team])));
  return key;
}

export function filterPacketRows<R extends PacketListRow>(rows: readonly R[], filter: PacketListFilter): R[] {
  const query = normalizeQuery(filter.query);
  return rows.filter(
    (r) =>
      keyMatches(rowKey(r), query) &&
      (filter.status === '' || r.packet.status === filter.status) &&
      (filter.manager === '' || r.candidate?.manager === filter.manager) &&
      (filter.targetLevelId === '' || r.packet.targetLevelId === filter.targetLevelId),
  );
}

/** What the list's controls offer and its header counts, from the rows listed. */
export interface PacketListFacets {
  submitted: number;
  /** Managers of the listed candidates, in name order. */
  managers: string[];
  /** Target levels of the listed packets, in ladder order (`levelOrder`), unknown ones last. */
  levelIds: string[];
  /** The statuses the listed packets have, in `statuses` order. */
  statuses: PacketStatus[];
}

/**
 * The facets of the listed rows, in one pass. The page computes them when the
 * rows change, not on every render: at 3,000 packets they cost the Packets
 * list tens of milliseconds a render (issue 13), and it renders at every step
 * of an import.
 */
export function packetListFacets(listed: readonly PacketListRow[], levelOrder: ReadonlyMap<string, number>, statuses: readonly PacketStatus[]): PacketListFacets {
  let submitted = 0;
  const managers = new Set<string>();
  const levels = new Set<string>();
  const seen = new Set<PacketStatus>();
  for (const r of listed) {
    if (r.packet.status === 'submitted') submitted++;
    seen.add(r.packet.status);
    if (r.candidate?.manager) managers.add(r.candidate.manager);
    if (r.packet.targetLevelId !== null) levels.add(r.packet.targetLevelId);
  }
  return {
    submitted,
    managers: [...managers].sort(compareNames),
    levelIds: [...levels].sort((a, b) => (levelOrder.get(a) ?? Infinity) - (levelOrder.get(b) ?? Infinity)),
    statuses: statuses.filter((s) => seen.has(s)),
  };
}

export type PacketSort = 'name' | 'readiness-desc' | 'readiness-asc' | 'status' | 'manager' | 'target-level';

export const PACKET_SORTS: ReadonlyArray<{ value: PacketSort; label: string }> = [
  { value: 'name', label: 'Candidate name' },
  { value: 'readiness-desc', label: 'Readiness, highest first' },
  { value: 'readiness-asc', label: 'Readiness, lowest first' },
  { value: 'status', label: 'Status (drafts first)' },
  { value: 'manager', label: 'Manager' },
  { value: 'target-level', label: 'Target level' },
];

/** Each level's place on the ladder for sorting: tracks in the framework's order, then levels up each track. */
export function levelOrderOf(framework: { tracks: readonly { id: string }[]; levels: readonly { id: string; trackId: string; order: number }[] }): Map<string, number> {
  const track = new Map(framework.tracks.map((t, i) => [t.id, i]));
  const levels = [...framework.levels].sort((a, b) => (track.get(a.trackId) ?? Infinity) - (track.get(b.trackId) ?? Infinity) || a.order - b.order);
  return new Map(levels.map((l, i) => [l.id, i]));
}

/** Two levels (by id) in ladder order (levelOrderOf); no level, and one the ladder does not have, last. */
export function compareOnLadder(levelOrder: ReadonlyMap<string, number>, a: string | null, b: string | null): number {
  const place = (id: string | null) => (id === null ? Infinity : (levelOrder.get(id) ?? Infinity));
  const [pa, pb] = [place(a), place(b)];
  return pa === pb ? 0 : pa < pb ? -1 : 1;
}

const STATUS_ORDER: Record<PacketStatus, number> = { draft: 0, submitted: 1, superseded: 2 };

/**
 * The rows in the chosen order, ties by candidate name. Readiness sorts by
 * share (a level without criteria, "—", last either way); target levels by
 * their order on the ladder (`levelOrder`), unknown ones last.
 */
export function sortPacketRows<R extends PacketListRow>(rows: readonly R[], sort: PacketSort, levelOrder: ReadonlyMap<string, number> = new Map()): R[] {
  const share = (r: R) => (r.readiness.total === 0 ? null : r.readiness.share);
  const compare = (a: R, b: R): number => {
    switch (sort) {
      case 'name':
        return 0;
      case 'readiness-desc':
      case 'readiness-asc': {
        const sa = share(a);
        const sb = share(b);
        if (sa === null || sb === null) return sa === sb ? 0 : sa === null ? 1 : -1;
        return sort === 'readiness-desc' ? sb - sa : sa - sb;
      }
      case 'status':
        return STATUS_ORDER[a.packet.status] - STATUS_ORDER[b.packet.status];
      case 'manager':
        return compareNames(a.candidate?.manager ?? '', b.candidate?.manager ?? '');
      case 'target-level':
        return compareOnLadder(levelOrder, a.packet.targetLevelId, b.packet.targetLevelId);
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || byName(a, b));
}
