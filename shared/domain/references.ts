/**
 * References between rows: a vote names a session and a candidate, a packet
 * a candidate and a cycle, and so on. The write path keeps them whole (a
 * cycle is deleted with everything in it, shared by renderer/db/lifecycle.ts),
 * so a row that points at a row that does not exist came from outside: an
 * edited backup or a damaged file. Restore refuses such a backup, naming the
 * first dangling reference, rather than storing a vote for nobody that
 * blanks a view later.
 *
 * Criterion ids (evidence, decisions) are not checked: a cycle may move to
 * a newer framework version deliberately, and rows written before keep the
 * criterion ids of the old one.
 */
import type { AuditedTable } from './audit';

/** The fields of each table that hold ids of rows in another table. */
interface Reference {
  table: AuditedTable;
  field: string;
  target: AuditedTable;
  /** A human name for the row kind, for the message ("vote", "decision"). */
  row: string;
  targetRow: string;
}

/** Every reference checked, in the order restore reports them (referenced tables first). */
export const ROW_REFERENCES: readonly Reference[] = [
  { table: 'cycles', field: 'frameworkVersionId', target: 'frameworks', row: 'cycle', targetRow: 'framework version' },
  { table: 'candidates', field: 'cycleId', target: 'cycles', row: 'candidate', targetRow: 'cycle' },
  { table: 'evidence', field: 'candidateId', target: 'candidates', row: 'evidence item', targetRow: 'candidate' },
  { table: 'evidence', field: 'cycleId', target: 'cycles', row: 'evidence item', targetRow: 'cycle' },
  { table: 'packets', field: 'candidateId', target: 'candidates', row: 'packet', targetRow: 'candidate' },
  { table: 'packets', field: 'cycleId', target: 'cycles', row: 'packet', targetRow: 'cycle' },
  { table: 'sessions', field: 'cycleId', target: 'cycles', row: 'session', targetRow: 'cycle' },
  { table: 'sessions', field: 'candidateIds', target: 'candidates', row: 'session', targetRow: 'candidate' },
  { table: 'votes', field: 'sessionId', target: 'sessions', row: 'vote', targetRow: 'session' },
  { table: 'votes', field: 'candidateId', target: 'candidates', row: 'vote', targetRow: 'candidate' },
  { table: 'decisions', field: 'sessionId', target: 'sessions', row: 'decision', targetRow: 'session' },
  { table: 'decisions', field: 'candidateId', target: 'candidates', row: 'decision', targetRow: 'candidate' },
];

/** The rows of the record tables, as far as references go: ids and the referencing fields. */
export type ReferencedRecords = { [K in AuditedTable]?: ReadonlyArray<{ readonly id: string; readonly [field: string]: unknown }> };

/** One row that points at a row that does not exist. */
export interface DanglingReference {
  table: AuditedTable;
  /** Index of the row in its table's array. */
  index: number;
  id: string;
  field: string;
  /** The id that names no row. */
  missing: string;
  /** One sentence, e.g. `Vote "v1" names candidate "c9", which does not exist.` */
  message: string;
}

function short(id: string): string {
  return JSON.stringify(id.length > 40 ? `${id.slice(0, 39)}…` : id);
}

/**
 * Every reference in `records` that names a row neither in `records` nor in
 * `known` (ids that exist elsewhere, e.g. already in the database when a
 * bundle is imported). Pure and linear in the number of rows.
 */
export function danglingReferences(records: ReferencedRecords, known: { [K in AuditedTable]?: Iterable<string> } = {}): DanglingReference[] {
  const ids = new Map<AuditedTable, Set<string>>();
  const idsOf = (table: AuditedTable): Set<string> => {
    let set = ids.get(table);
    if (!set) {
      set = new Set((records[table] ?? []).map((row) => row.id));
      for (const id of known[table] ?? []) set.add(id);
      ids.set(table, set);
    }
    return set;
  };
  const out: DanglingReference[] = [];
  for (const ref of ROW_REFERENCES) {
    const targets = idsOf(ref.target);
    (records[ref.table] ?? []).forEach((row, index) => {
      const value = row[ref.field];
      const values = Array.isArray(value) ? value : [value];
      for (const missing of values) {
        if (typeof missing !== 'string' || targets.has(missing)) continue;
        const row_ = ref.row.charAt(0).toUpperCase() + ref.row.slice(1);
        out.push({ table: ref.table, index, id: row.id, field: ref.field, missing, message: `${row_} ${short(row.id)} names ${ref.targetRow} ${short(missing)}, which does not exist.` });
      }
    });
  }
  return out;
}
