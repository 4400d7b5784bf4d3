/**
 * The one write path. Every change to persisted data is a command (see
 * ../commands.ts for the list) and every command runs here:
 *
 *   1. one `rw` transaction over every table, so a command is all or nothing;
 *   2. the command's body reads what it needs and writes only through the
 *      WriteContext (`ctx.put`, `ctx.delete`, ...), which validates each
 *      row with its shared zod schema and remembers what changed;
 *   3. derived data is brought in step from what changed: the coverage rows
 *      and the list figures (candidate-stats.ts) of every candidate whose
 *      candidate row, evidence, packets, cycle or framework the command
 *      wrote (callers never refresh them);
 *   4. one audit entry is appended to this device's hash chain, naming the
 *      person in the profile and carrying the rows the command wrote, so the
 *      trail replays to the records (shared/audit/replay.ts). A change whose
 *      rows exceed about 1 MB (an import) is recorded as consecutive parts
 *      of one change, in the same transaction (appendChangeEntries).
 *
 * Learned from Actual Budget (every write through one entry, derived values
 * recomputed after it) and Signal Desktop (every operation listed once).
 * Commands take serialisable arguments so they can later travel as events.
 */
import Dexie from 'dexie';
import { AUDITED_TABLES, AuditEntrySchema, PROFILE_KEY, ProfileSchema, RECORD_SCHEMAS, type AuditEntry, type AuditedTable, type RecordOf, type RowChange } from '../../../shared/domain';
import { appendChangeEntries } from '../../../shared/audit/hash-chain';
import { finishPreparedChange, type PreparedChange } from '../../../shared/audit/prepared-change';
import { CycleReads } from './cycle-rows';
import { IdSchema, newId } from '../../../shared/domain/ids';
import { refusalFrom } from '../../../shared/util/refusal';
import { STATE_SCHEMAS, type StateRowOf, type StateTable } from '../../../shared/connected/state';
import type { LevelsetDatabase } from '../database';
import { refreshCandidateStats } from './candidate-stats';
import { chainHead } from './chain-head';
import { wasChecked } from './checked-rows';
import { refreshCoverageFor } from './coverage';

export const DEVICE_ID_KEY = 'deviceId';
/** Settings that belong to this machine, not to the data: a restore keeps them. */
const MACHINE_KEYS = [DEVICE_ID_KEY, PROFILE_KEY];
/**
 * The framework editor's undo stacks (framework-edits.ts undoKey): the last changes made in an editor, not data. A
 * restore drops them, the backup's and this machine's alike: the editor's Undo after a restore must not bring back
 * a document from before it.
 */
export const FRAMEWORK_UNDO_PREFIX = 'framework-undo:';

/** The summary people read in the trail; the rows themselves travel in `changes`. */
export interface AuditSummary {
  entityType: AuditEntry['entityType'];
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface CommandOptions {
  /** The command's name as people read it in the trail when the body gives no summary. */
  name: string;
  /** When the change happened; default now. */
  at?: string;
  /** Who acts: default the profile on this machine. Built-in data and upgrades name the app. */
  actor?: string;
}

/** Thrown when a command writes a row its schema refuses; nothing is written. */
export class RowInvalidError extends Error {
  override name = 'RowInvalidError';
}

/**
 * What a command body may do to the database. Reads go straight to `db`
 * (inside the same transaction); every write goes through here.
 */
export class WriteContext {
  /** Rows written, by table and id, in the order first written: the entry's `changes`. */
  private readonly written = new Map<string, RowChange>();
  private readonly candidates = new Set<string>();
  private readonly cycles = new Set<string>();
  private readonly frameworks = new Set<string>();
  /** The cycles of every candidate, evidence or packet row written: where the affected candidates live (coverage reads them by cycle). */
  private readonly rowCycles = new Set<string>();
  private summary: AuditSummary | null = null;
  private resetAll = false;
  private forceEntry = false;
  private adopted = false;
  private prepared: PreparedChange | null = null;

  constructor(
    readonly db: LevelsetDatabase,
    readonly at: string,
    readonly actor: string,
  ) {}

  /** Validates and stores one row (insert or replace). Returns the row as stored. */
  async put<T extends AuditedTable>(table: T, row: unknown): Promise<RecordOf<T>> {
    const [stored] = await this.bulkPut(table, [row]);
    return stored!;
  }

  /**
   * Validates every row first (nothing is written if one is refused), then stores them in one call.
   * A row the import worker already validated for this table (checked-rows.ts) is not validated twice.
   */
  bulkPut<T extends AuditedTable>(table: T, rows: readonly unknown[]): Promise<Array<RecordOf<T>>> {
    let clean: Array<RecordOf<T>>;
    try {
      clean = rows.map((row) => {
        if (wasChecked(table, row)) return row as RecordOf<T>;
        const parsed = RECORD_SCHEMAS[table].safeParse(row);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new RowInvalidError(`A ${table} row was refused: ${issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'invalid'}.`);
        }
        return parsed.data as RecordOf<T>;
      });
    } catch (e) {
      return Dexie.Promise.reject(e);
    }
    if (clean.length === 0) return Dexie.Promise.resolve(clean);
    // Dexie's own promise, not an async function's: an import keeps one slice in flight while it
    // queues the next (bundles.ts), and two native async calls in flight at once lose Dexie's
    // transaction zone (PrematureCommitError).
    return (this.db[table] as unknown as Dexie.Table<RecordOf<T>, string>).bulkPut(clean).then(() => {
      for (const row of clean) this.note(table, row.id, row as Record<string, unknown>);
      return clean;
    });
  }

  /** Deletes one row; deleting a row that is not there writes nothing. */
  async delete(table: AuditedTable, id: string): Promise<void> {
    const existing = (await (this.db[table] as unknown as Dexie.Table<{ id: string }, string>).get(id)) as Record<string, unknown> | undefined;
    if (!existing) return;
    await (this.db[table] as unknown as Dexie.Table<unknown, string>).delete(id);
    this.note(table, id, null, existing);
  }

  /**
   * Replaces every record, the trail and the settings with a backup's (a
   * restore). This machine keeps its own audit device id, so two machines
   * never append to one chain. With `adopt` (a backup made before the trail
   * recorded rows) the entry for this command carries every row and resets
   * replay; otherwise the backup's own trail, checked before, explains them.
   */
  async replaceEverything(tables: { [K in AuditedTable]: ReadonlyArray<RecordOf<K>> } & { audit: readonly AuditEntry[]; meta: ReadonlyArray<{ key: string; value: unknown }> }, adopt: boolean): Promise<void> {
    // This machine's device id and the person using it stay: they are not the backup's.
    const local = (await this.db.meta.bulkGet(MACHINE_KEYS)).filter((row) => row !== undefined);
    await Promise.all([...AUDITED_TABLES.map((t) => this.db[t].clear()), this.db.audit.clear(), this.db.meta.clear()]);
    for (const table of AUDITED_TABLES) await (this.db[table] as unknown as Dexie.Table<unknown, string>).bulkAdd([...tables[table]]);
    await this.db.audit.bulkAdd([...tables.audit]);
    await this.db.meta.bulkAdd(tables.meta.filter((m) => !MACHINE_KEYS.includes(m.key) && !m.key.startsWith(FRAMEWORK_UNDO_PREFIX)));
    await this.db.meta.bulkPut(local);
    this.written.clear();
    this.resetAll = true;
    this.adopted = adopt;
    if (adopt) for (const table of AUDITED_TABLES) for (const row of tables[table]) this.written.set(`${table}\u0000${row.id}`, { table, id: row.id, row });
  }

  /** Writes a meta row (settings: profile, active cycle). Not a record: no audit entry of its own. */
  async putMeta(key: string, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }

  /**
   * Stores one row of connected mode's machine state (shared/connected/state.ts:
   * the outbox, stream positions...), validated, in this command's
   * transaction so it commits or fails with the records. Not a record: no
   * audit row, no backup.
   */
  putState<T extends StateTable>(table: T, row: unknown): Promise<StateRowOf<T>> {
    return putStateRow(this.db, table, row);
  }

  /** Deletes one row of connected mode's machine state (a sent outbox event). */
  deleteState(table: StateTable, key: string): Promise<void> {
    return deleteStateRow(this.db, table, key);
  }

  /** The summary of this command for people reading the trail. */
  describe(summary: AuditSummary): void {
    this.summary = summary;
  }

  /** Appends an entry even when no record changed (an import that changed nothing, a restore). */
  alwaysAudit(): void {
    this.forceEntry = true;
  }

  /**
   * The entry recording this command, prepared off the page (an import,
   * shared/audit/prepared-change.ts). Used only if it is about exactly the
   * rows written, dated and signed as this entry; otherwise ignored.
   */
  usePreparedEntry(prepared: PreparedChange | null): void {
    this.prepared = prepared;
  }

  get preparedEntry(): PreparedChange | null {
    return this.prepared;
  }

  private note(table: AuditedTable, id: string, row: Record<string, unknown> | null, before?: Record<string, unknown>): void {
    const key = `${table}\u0000${id}`;
    this.written.delete(key);
    this.written.set(key, { table, id, row });
    const source = row ?? before ?? {};
    if (table === 'candidates') this.candidates.add(id);
    else if (table === 'evidence' || table === 'packets') this.candidates.add(String(source.candidateId));
    if ((table === 'candidates' || table === 'evidence' || table === 'packets') && typeof source.cycleId === 'string') this.rowCycles.add(source.cycleId);
    else if (table === 'cycles') this.cycles.add(id);
    else if (table === 'frameworks') this.frameworks.add(id);
  }

  /**
   * Step 3: the candidates whose coverage may have changed, and the cycles
   * they belong to (none named after a restore: then every cycle).
   */
  async affected(): Promise<{ candidates: Set<string>; cycles: Set<string> | undefined }> {
    const ids = new Set(this.candidates);
    if (this.resetAll) for (const id of await this.db.candidates.toCollection().primaryKeys()) ids.add(id);
    const cycles = new Set(this.cycles);
    if (this.frameworks.size > 0) {
      for (const id of await this.db.cycles.where('frameworkVersionId').anyOf([...this.frameworks]).primaryKeys()) cycles.add(id);
    }
    for (const cycleId of cycles) for (const id of await this.db.candidates.where('cycleId').equals(cycleId).primaryKeys()) ids.add(id);
    return { candidates: ids, cycles: this.resetAll ? undefined : new Set([...cycles, ...this.rowCycles]) };
  }

  /** The row this command stored in `table` under `id`, as stored; undefined if it stored none there (or deleted it). */
  writtenRow(table: AuditedTable, id: string): { id: string } | undefined {
    const change = this.written.get(`${table}\u0000${id}`);
    return change?.row ? (change.row as { id: string }) : undefined;
  }

  /** Step 4: the entry to append, or null when the command changed no record. */
  entryInput(): { summary: AuditSummary; changes: { reset: boolean; rows: RowChange[] } } | null {
    const rows = [...this.written.values()];
    if (rows.length === 0 && !this.resetAll && !this.forceEntry) return null;
    const first = rows[0];
    const summary = this.summary ?? {
      entityType: first ? entityTypeOf(first.table) : 'database',
      entityId: first?.id ?? 'database',
      action: 'change',
    };
    // A restore with its own trail resets nothing: replay runs through the restored entries.
    return { summary, changes: { reset: this.adopted, rows } };
  }

  get needsCoverageReset(): boolean {
    return this.resetAll;
  }
}

async function putStateRow<T extends StateTable>(db: LevelsetDatabase, table: T, row: unknown): Promise<StateRowOf<T>> {
  const parsed = STATE_SCHEMAS[table].safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The path and the rule only: a refused row may hold credentials, which never reach a message.
    throw new RowInvalidError(`A ${table} row was refused: ${issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'invalid'}.`);
  }
  await (db[table] as unknown as Dexie.Table<StateRowOf<T>, string>).put(parsed.data as StateRowOf<T>);
  return parsed.data as StateRowOf<T>;
}

async function deleteStateRow(db: LevelsetDatabase, table: StateTable, key: string): Promise<void> {
  await (db[table] as unknown as Dexie.Table<unknown, string>).delete(key);
}

/** The state writes a `withCommandSource` body may make beside its commands. */
export interface StateWriter {
  put<T extends StateTable>(table: T, row: unknown): Promise<StateRowOf<T>>;
  delete(table: StateTable, key: string): Promise<void>;
}

function entityTypeOf(table: AuditedTable): AuditEntry['entityType'] {
  const map: Record<AuditedTable, AuditEntry['entityType']> = {
    frameworks: 'framework',
    cycles: 'cycle',
    candidates: 'candidate',
    evidence: 'evidence',
    packets: 'packet',
    sessions: 'session',
    votes: 'vote',
    decisions: 'decision',
  };
  return map[table];
}

async function deviceId(db: LevelsetDatabase): Promise<string> {
  const row = await db.meta.get(DEVICE_ID_KEY);
  // A stored value the id schema refuses (damaged, or written by an old import) would make every entry, and so every backup, invalid: a new chain starts instead.
  if (IdSchema.safeParse(row?.value).success) return row!.value as string;
  const id = newId();
  await db.meta.put({ key: DEVICE_ID_KEY, value: id });
  return id;
}

/** Who is recorded as acting: the profile's name (and role), or a plain placeholder before one is set. */
export async function currentActor(db: LevelsetDatabase): Promise<string> {
  const parsed = ProfileSchema.safeParse((await db.meta.get(PROFILE_KEY))?.value);
  if (parsed.success) return parsed.data.role ? `${parsed.data.name} (${parsed.data.role})` : parsed.data.name;
  const legacy = (await db.meta.get('userName'))?.value;
  return typeof legacy === 'string' && legacy.trim() ? legacy.trim() : 'Unnamed user';
}

/**
 * Appends the entry recording one change to this device's chain (several
 * consecutive entries, its parts, when the change is large: see
 * appendChangeEntries), dated no earlier than the newest entry in the trail
 * (so trail order is write order even if the clock went back, or a restored
 * backup came from a machine whose clock ran ahead).
 */
export async function appendEntry(
  db: LevelsetDatabase,
  input: { summary: AuditSummary; changes?: { reset: boolean; rows: RowChange[] }; at: string; actor: string; prepared?: PreparedChange | null },
): Promise<AuditEntry[]> {
  const device = await deviceId(db);
  // Index keys only (chain-head.ts): the last entry may hold an import's rows.
  const { last, newestAt } = await chainHead(db, device);
  const at = newestAt !== null && newestAt > input.at ? newestAt : input.at;
  // A large entry (an import) is hashed in slices with a cheap request of this transaction between them, so no one task holds it all.
  const pause = () => db.meta.get(DEVICE_ID_KEY);
  const fields = {
    id: input.prepared?.id ?? newId(),
    deviceId: device,
    actor: input.actor,
    at,
    entityType: input.summary.entityType,
    entityId: input.summary.entityId,
    action: input.summary.action,
    before: input.summary.before,
    after: input.summary.after,
    changes: input.changes,
  };
  // Prepared in the import worker (the rows' text hashed there): finished here with the chain link, or computed here.
  const entries = (input.prepared && finishPreparedChange(last, fields, input.prepared)) || (await appendChangeEntries(last, fields, pause, () => newId()));
  // Each part is stored with its own request, so IndexedDB copies one part per task, not the whole change at once.
  for (const entry of entries) {
    // Checked with the backup's own schema, so every row of the trail backs up; a refusal aborts the whole command.
    const checked = AuditEntrySchema.safeParse(entry);
    if (!checked.success) throw new Error(`${refusalFrom(checked.error, 'The audit entry for this change')} Nothing was saved.`);
    await db.audit.add(entry);
  }
  return entries;
}

/**
 * Where the commands run inside `withCommandSource` come from: a session
 * event of a connected cycle (renderer/db/connected), applied from the
 * cycle's stream or made by this member. The person who acted is the
 * event's, not this machine's profile, so every machine records the same
 * rows; the audit entry names the stream's sequence, the order all
 * machines agree on (absent while a local action has not come back).
 */
export interface CommandSource {
  actor: string;
  stream?: { name: string; seq: number | null; msgId: string };
}

const sources = new WeakMap<object, CommandSource>();

/**
 * Runs `body` in one rw transaction over every table, in which each command
 * (runCommand) is recorded as coming from `source`. Everything in the body
 * commits together or not at all: a command's refusal fails the whole.
 */
export async function withCommandSource<R>(db: LevelsetDatabase, source: CommandSource, body: (state: StateWriter) => Promise<R>): Promise<R> {
  return db.transaction('rw', db.tables, async (tx) => {
    sources.set(tx, source);
    return body({ put: (table, row) => putStateRow(db, table, row), delete: (table, key) => deleteStateRow(db, table, key) });
  });
}

function withStream(summary: AuditSummary, source: CommandSource | undefined): AuditSummary {
  if (!source?.stream) return summary;
  const stream = { stream: source.stream.name, streamSeq: source.stream.seq, msgId: source.stream.msgId };
  const after = summary.after !== null && typeof summary.after === 'object' && !Array.isArray(summary.after) ? { ...summary.after, ...stream } : { value: summary.after ?? null, ...stream };
  return { ...summary, after };
}

/** Runs one command body through the write path (see the top of this file). */
export async function runCommand<R>(db: LevelsetDatabase, options: CommandOptions, body: (ctx: WriteContext) => Promise<R>): Promise<R> {
  const at = options.at ?? new Date().toISOString();
  const outer = Dexie.currentTransaction;
  const source = outer ? sources.get(outer) : undefined;
  return db.transaction('rw', db.tables, async () => {
    const actor = options.actor ?? source?.actor ?? (await currentActor(db));
    const ctx = new WriteContext(db, at, actor);
    const result = await body(ctx);
    if (ctx.needsCoverageReset) await Promise.all([db.coverage.clear(), db.candidateStats.clear()]);
    const affected = await ctx.affected();
    // One set of paged cycle reads for both derived tables: a cycle's evidence is read once per command.
    const reads = new CycleReads(db, (table, id) => ctx.writtenRow(table, id));
    const coverage = await refreshCoverageFor(db, affected.candidates, affected.cycles, reads);
    await refreshCandidateStats(db, affected.candidates, affected.cycles, coverage, reads);
    const entry = ctx.entryInput();
    if (entry) await appendEntry(db, { ...entry, summary: withStream(entry.summary.action === 'change' ? { ...entry.summary, action: options.name } : entry.summary, source), at, actor, prepared: ctx.preparedEntry });
    return result;
  });
}
