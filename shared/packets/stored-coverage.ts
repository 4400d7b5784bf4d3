/**
 * How coverage is stored: ONE row per candidate (database version 8), not
 * one per criterion. A candidate's criterion rows all describe their one
 * current packet (same packet, cycle, target level and manager), so those
 * fields are stored once and each criterion keeps only its own figures.
 *
 * Why (issue 13): an import of 1,000 candidates on a framework of 40
 * criteria per level wrote 40,000 coverage rows with six indexes, about
 * 10 s of a 17 s import, five times the raw write of the bundle's own
 * records; the same figures as 1,000 rows with two indexes are written in
 * about a twentieth of that time. Readers still see CriterionCoverageRow
 * lists: `unpackCoverage` gives back exactly the rows `coverageRows` built.
 */
import type { CriterionCoverageRow } from './coverage';

/** One criterion's figures inside a candidate's stored coverage row. */
export type StoredCriterion = Omit<CriterionCoverageRow, 'id' | 'packetId' | 'candidateId' | 'cycleId' | 'targetLevelId' | 'manager'>;

/** A candidate's stored coverage: `id` is the candidate's id. */
export interface StoredCoverageRow {
  id: string;
  cycleId: string;
  packetId: string;
  targetLevelId: string;
  manager: string;
  /** In the order coverageRows gave them (the framework's criteria of the target level). */
  criteria: StoredCriterion[];
}

/**
 * The stored row for one candidate's coverage rows (all of one packet, as
 * coverageRows builds them), or null when there are none.
 */
export function packCoverage(rows: readonly CriterionCoverageRow[]): StoredCoverageRow | null {
  const first = rows[0];
  if (!first) return null;
  const criteria = rows.map((row): StoredCriterion => {
    if (row.candidateId !== first.candidateId || row.packetId !== first.packetId || row.cycleId !== first.cycleId || row.targetLevelId !== first.targetLevelId || row.manager !== first.manager) {
      throw new Error('Coverage rows of one stored row must describe one candidate\'s one packet.');
    }
    const { id: _id, packetId: _packetId, candidateId: _candidateId, cycleId: _cycleId, targetLevelId: _targetLevelId, manager: _manager, ...own } = row;
    return own;
  });
  return { id: first.candidateId, cycleId: first.cycleId, packetId: first.packetId, targetLevelId: first.targetLevelId, manager: first.manager, criteria };
}

/** The criterion rows a stored row holds, as coverageRows built them (`id` is `packetId:criterionId`). */
export function unpackCoverage(stored: StoredCoverageRow): CriterionCoverageRow[] {
  const out: CriterionCoverageRow[] = [];
  unpackInto(stored, out);
  return out;
}

/** Every criterion row of these stored rows, in order. */
export function unpackAll(stored: readonly StoredCoverageRow[]): CriterionCoverageRow[] {
  const out: CriterionCoverageRow[] = [];
  for (const row of stored) unpackInto(row, out);
  return out;
}

/**
 * Appends a stored row's criterion rows to `out`. The fields are written out rather than spread: a session page
 * unpacks some 40,000 rows before its first paint, in code not yet optimised, where the spread took about a third
 * longer (992 × 40 rows, first call, in Node; issue 13). The `satisfies` keeps the list of fields one with the type's.
 */
function unpackInto(stored: StoredCoverageRow, out: CriterionCoverageRow[]): void {
  const { id: candidateId, cycleId, packetId, targetLevelId, manager } = stored;
  for (const c of stored.criteria) {
    out.push({
      id: `${packetId}:${c.criterionId}`,
      packetId,
      candidateId,
      cycleId,
      targetLevelId,
      manager,
      criterionId: c.criterionId,
      rating: c.rating,
      evidenceCount: c.evidenceCount,
      evidenceInWindow: c.evidenceInWindow,
      quarters: c.quarters,
      sustained: c.sustained,
      gap: c.gap,
      gapReasons: c.gapReasons,
      lastEvidenceDate: c.lastEvidenceDate,
    } satisfies Record<keyof CriterionCoverageRow, unknown>);
  }
}

/**
 * The version 8 upgrade: criterion rows as version 7 stored them, grouped
 * into one stored row per candidate. A candidate whose rows name more than
 * one packet (never written by the write path, which replaced a candidate's
 * rows together) keeps the rows of the packet named last in id order.
 */
export function packStoredRows(rows: readonly CriterionCoverageRow[]): StoredCoverageRow[] {
  const byCandidate = new Map<string, CriterionCoverageRow[]>();
  for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const mine = byCandidate.get(row.candidateId);
    if (!mine || mine[0]!.packetId !== row.packetId) byCandidate.set(row.candidateId, [row]);
    else mine.push(row);
  }
  return [...byCandidate.values()].map((mine) => packCoverage(mine)!);
}
