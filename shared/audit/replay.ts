/**
 * Replaying the audit trail, and its head.
 *
 * Every entry written by the command layer carries the rows its change left
 * behind (`changes`). Applying the entries in trail order from an empty
 * database must give exactly the records stored now; anything else means a
 * record was changed outside the trail (an edited backup, a write that
 * skipped the command layer) or the trail was cut. Hash links alone cannot
 * show that: a backup whose decision was edited still has an intact chain.
 *
 * Trail order is time order (`at`), then device and sequence. The command
 * layer never writes an entry dated before the newest entry already in the
 * trail, so on one machine time order is also the order of the writes, and
 * after a restore the restored entries come before everything after it.
 *
 * The head (entry count and the hash of the last entry in trail order) is
 * printed on the decision book and stored in backups and bundles: an earlier
 * export's head that is missing from the trail, or sits elsewhere in it,
 * shows that the trail was truncated or rewritten since.
 */
import { z } from 'zod';
import { AUDITED_TABLES, type AuditEntry, type AuditedTable } from '../domain/audit';
import { IsoTimestampSchema } from '../domain/ids';
import { canonicalJson } from '../exchange/canonical-json';
import { withoutDirectionControls } from '../domain/label-text';

export type AuditedRecords = { [K in AuditedTable]: ReadonlyArray<{ readonly id: string; readonly [field: string]: unknown }> };

/** The order the trail is replayed in. */
export function trailOrder(a: AuditEntry, b: AuditEntry): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.seq - b.seq;
}

export function sortTrail(entries: readonly AuditEntry[]): AuditEntry[] {
  return [...entries].sort(trailOrder);
}

/** Entries in the trail, the hash of the last in trail order ("" when empty) and when it was written. */
export const TrailHeadSchema = z.object({
  count: z.number().int().min(0),
  hash: z.string().regex(/^([0-9a-f]{64})?$/, 'expected a SHA-256 in hex'),
  at: IsoTimestampSchema.nullable(),
  /**
   * The computer whose trail this is (its device id), in bundles made since it was recorded: a bundle's head is its
   * maker's trail, which another computer does not hold, and compared there it read as entries removed (a trial).
   */
  deviceId: z.string().min(1).max(200).optional(),
});
export type TrailHead = z.infer<typeof TrailHeadSchema>;

/**
 * The trail head an exported file records, read without opening the rest
 * (a bundle may be encrypted; its head is not). Null when the file records
 * none (made before heads were recorded) or is not a Levelset export.
 * `device`: the computer whose trail the head ends, when the file tells:
 * a bundle's recorded maker, or the device of a backup's own entry with the
 * head's hash. `encrypted`: an encrypted backup, whose head is inside.
 */
export function exportedTrailHead(text: string): { head: TrailHead; kind: 'backup' | 'bundle'; createdAt: string | null; device: string | null } | null {
  const file = exportedFile(text);
  if (!file) return null;
  const head = TrailHeadSchema.safeParse(file.fields.trailHead);
  if (!head.success) return null;
  const tables = file.fields.tables as { audit?: unknown } | undefined;
  const audit = tables && typeof tables === 'object' && Array.isArray(tables.audit) ? (tables.audit as Array<{ hash?: unknown; deviceId?: unknown }>) : [];
  const own = audit.find((e) => e && e.hash === head.data.hash)?.deviceId;
  const device = head.data.deviceId ?? (typeof own === 'string' && own ? own : null);
  return { head: head.data, kind: file.kind, createdAt: typeof file.fields.createdAt === 'string' ? file.fields.createdAt : null, device };
}

/** A Levelset backup or bundle's top-level fields, or null for anything else. */
export function exportedFile(text: string): { kind: 'backup' | 'bundle'; fields: Record<string, unknown> } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const fields = raw as Record<string, unknown>;
  const kind = fields.format === 'levelset.backup' ? 'backup' : fields.format === 'levelset.bundle' ? 'bundle' : null;
  return kind ? { kind, fields } : null;
}

export function trailHead(entries: readonly AuditEntry[]): TrailHead {
  const sorted = sortTrail(entries);
  const last = sorted[sorted.length - 1];
  return { count: sorted.length, hash: last?.hash ?? '', at: last?.at ?? null };
}

// The short form people compare by eye lives with the other words about the trail (verify-text.ts: no zod there).
export { formatTrailHead } from './verify-text';

export type HeadComparison =
  | { ok: true }
  | { ok: false; reason: 'truncated'; message: string }
  | { ok: false; reason: 'rewritten'; message: string };

/**
 * Compares the trail with the head an earlier export recorded. The trail may
 * have grown since; the entry that was last then must still be there, at the
 * same position. `source` names where the head came from in the message ("the backup", "the printed head").
 */
export function compareWithHead(entries: readonly AuditEntry[], head: TrailHead, source = 'the earlier export'): HeadComparison {
  if (head.count === 0) return { ok: true };
  const sorted = sortTrail(entries);
  if (sorted.length < head.count)
    return { ok: false, reason: 'truncated', message: `The trail has ${sorted.length} entries; ${source} recorded ${head.count}. Entries were removed since.` };
  const then = sorted[head.count - 1];
  if (!then || then.hash !== head.hash) {
    return {
      ok: false,
      reason: 'rewritten',
      message: `Entry ${head.count} of the trail is not the one ${source} recorded (${head.hash.slice(0, 12)}): the trail was rewritten or cut and refilled since.`,
    };
  }
  return { ok: true };
}

type Replayed = Map<AuditedTable, Map<string, { row: unknown; by: AuditEntry }>>;

function emptyState(): Replayed {
  return new Map(AUDITED_TABLES.map((t) => [t, new Map()]));
}

/** The records the trail describes, with the entry that last wrote each row. */
export function replayTrail(entries: readonly AuditEntry[]): Replayed {
  let state = emptyState();
  for (const entry of sortTrail(entries)) {
    const changes = entry.changes;
    if (!changes) continue;
    if (changes.reset) state = emptyState();
    for (const change of changes.rows) {
      const table = state.get(change.table);
      if (!table) continue;
      if (change.row === null) table.delete(change.id);
      else table.set(change.id, { row: change.row, by: entry });
    }
  }
  return state;
}

export interface EntryRef {
  id: string;
  deviceId: string;
  seq: number;
  at: string;
  action: string;
  actor: string;
}

export interface ReplayDisagreement {
  table: AuditedTable;
  id: string;
  /** What is wrong, in words. */
  message: string;
  /** The entry that last wrote the row in the trail; null when no entry records it. */
  entry: EntryRef | null;
}

export type ReplayResult = { ok: true; entries: number; records: number } | { ok: false; disagreement: ReplayDisagreement; disagreements: number };

const SINGULAR: Record<AuditedTable, string> = {
  frameworks: 'framework',
  cycles: 'cycle',
  candidates: 'candidate',
  evidence: 'evidence item',
  packets: 'packet',
  sessions: 'session',
  votes: 'vote',
  decisions: 'decision',
};

/**
 * Whether a stored row is the one the trail last wrote: the same canonical JSON, or the same but for direction
 * controls. Labels are stored without them since session 32 (domain/label-text.ts), and every way a row arrives parses
 * it so: a backup made before, whose trail recorded a name with one, restores as the name without it, and the trail
 * still explains the row (else the restore was refused as edited). A control alone changes nothing a person can read.
 * The second look is taken only for rows that differ, so the replay's common path does no more than before.
 */
function sameRow(recorded: unknown, stored: unknown): boolean {
  const [a, b] = [canonicalJson(recorded), canonicalJson(stored)];
  return a === b || withoutDirectionControls(a) === withoutDirectionControls(b);
}

type Row = { readonly id: string; readonly [field: string]: unknown };
const text = (row: Row | undefined, field: string): string | null => (row && typeof row[field] === 'string' && (row[field] as string).trim() ? (row[field] as string) : null);

/**
 * A record as a sentence names it: by what a person knows it by (the candidate's name, the session's, an evidence
 * title), then its id. An HR trial's refused restore named only `"sample-2026-session-1:sample-2026-cand-0017"`.
 */
function rowNamer(records: AuditedRecords): (table: AuditedTable, id: string, row?: Row) => string {
  const maps = new Map<AuditedTable, Map<string, Row>>();
  const find = (table: AuditedTable, id: unknown): Row | undefined => {
    if (typeof id !== 'string') return undefined;
    let map = maps.get(table);
    if (!map) maps.set(table, (map = new Map(records[table].map((r) => [r.id, r]))));
    return map.get(id);
  };
  const person = (row: Row | undefined) => text(find('candidates', row?.['candidateId']), 'name');
  const session = (row: Row | undefined) => text(find('sessions', row?.['sessionId']), 'name');
  // Only the table's own way of naming a row is worked out (each looks up at most a candidate and a session).
  const nameOf = (table: AuditedTable, row: Row | undefined): string | null => {
    switch (table) {
      case 'frameworks':
      case 'cycles':
      case 'sessions': {
        const name = text(row, 'name');
        return name && `“${name}”`;
      }
      case 'candidates':
        return text(row, 'name');
      case 'evidence': {
        const [title, who] = [text(row, 'title'), person(row)];
        return title && `“${title}”${who ? ` of ${who}` : ''}`;
      }
      case 'packets': {
        const who = person(row);
        return who && `of ${who}${typeof row?.['revision'] === 'number' ? `, revision ${row['revision'] as number}` : ''}`;
      }
      case 'decisions':
      case 'votes': {
        const [who, where] = [person(row), session(row)];
        return who && `on ${who}${where ? ` in “${where}”` : ''}`;
      }
    }
  };
  return (table, id, row = find(table, id)) => {
    const name = nameOf(table, row);
    return name ? `${SINGULAR[table]} ${name} (id "${id}")` : `${SINGULAR[table]} "${id}"`;
  };
}

function ref(entry: AuditEntry): EntryRef {
  return { id: entry.id, deviceId: entry.deviceId, seq: entry.seq, at: entry.at, action: entry.action, actor: entry.actor };
}

/**
 * Replays the trail and compares it with the records. Reports the first
 * disagreement in trail order (a record that no entry explains comes first,
 * since nothing in the trail dates it), and how many there are.
 */
export function replayAgainst(entries: readonly AuditEntry[], records: AuditedRecords): ReplayResult {
  const state = replayTrail(entries);
  const order = new Map(sortTrail(entries).map((e, i) => [e.id, i]));
  const found: Array<ReplayDisagreement & { position: number }> = [];
  const named = rowNamer(records);
  let count = 0;
  for (const table of AUDITED_TABLES) {
    const replayed = state.get(table) ?? new Map();
    const stored = new Map(records[table].map((r) => [r.id, r]));
    count += stored.size;
    for (const [id, row] of stored) {
      const expected = replayed.get(id);
      if (!expected) {
        found.push({ table, id, entry: null, position: -1, message: `The ${named(table, id, row)} is stored but no audit entry records it.` });
      } else if (!sameRow(expected.row, row)) {
        found.push({
          table,
          id,
          entry: ref(expected.by),
          position: order.get(expected.by.id) ?? 0,
          message: `The ${named(table, id, row)} differs from what the trail records (last written by "${expected.by.action}", by ${expected.by.actor}, ${expected.by.at}; entry ${expected.by.seq} of device ${expected.by.deviceId.slice(0, 8)}).`,
        });
      }
    }
    for (const [id, expected] of replayed) {
      if (stored.has(id)) continue;
      found.push({
        table,
        id,
        entry: ref(expected.by),
        position: order.get(expected.by.id) ?? 0,
        message: `The trail records the ${named(table, id, expected.row as Row)} (written by "${expected.by.action}", by ${expected.by.actor}, ${expected.by.at}) but it is not stored.`,
      });
    }
  }
  if (found.length === 0) return { ok: true, entries: entries.length, records: count };
  found.sort((a, b) => a.position - b.position);
  const { position: _position, ...first } = found[0]!;
  return { ok: false, disagreement: first, disagreements: found.length };
}
