/**
 * The full backup file: every row of every persistent table, so a database
 * can be rebuilt exactly on this machine or another.
 *
 *   { format: 'levelset.backup', schemaVersion: 1, databaseVersion,
 *     createdAt, appVersion, checksum: { algorithm: 'SHA-256', value },
 *     tables: { audit, candidates, cycles, decisions, evidence, frameworks,
 *               meta, packets, sessions, votes } }
 *
 * - `schemaVersion` is the layout of this file; `databaseVersion` is the
 *   Dexie version the rows were read from, so a later Levelset whose upgrade
 *   rewrites rows can apply the same change to an older backup, and this one
 *   can refuse a backup from a newer database it does not understand.
 * - The checksum is SHA-256 over the canonical JSON of `tables`
 *   (shared/exchange/canonical-json.ts), so it does not depend on key order
 *   or whitespace.
 * - The derived `coverage` table is not saved: it is rebuilt from packets and
 *   evidence on restore. A `coverage` entry in a file is ignored.
 * - Rows pass the domain schemas on the way out and on the way in, and are
 *   kept as the schemas output them (defaults filled in, unknown fields
 *   dropped). A field stored in a table but missing from its schema would
 *   not survive a backup: add new fields to the schema.
 * - Rows are written one per line with sorted keys: small enough for the
 *   open-file limit, and two backups of the same data differ only in
 *   `createdAt`.
 *
 * `openBackup` never throws. A backup is opened when something has gone
 * wrong already (a new laptop, a damaged profile), and the file may have been
 * cut off, edited, made by a newer Levelset, or be another file entirely; each
 * is a typed result with a message the user can act on. Nothing reaches the
 * database until every row has passed the domain schemas.
 *
 * An exported backup may be protected with a passphrase (backup-crypto.ts):
 * the plain file above, encrypted whole; openBackup takes the passphrase.
 */
import { z } from 'zod';
import { jsonNestingProblem, refusal, refusalFrom } from '../util/refusal';
import { AuditEntrySchema, IsoTimestampSchema, RECORD_SCHEMAS } from '../domain';
import { trailHead, TrailHeadSchema, type TrailHead } from '../audit/replay';
import { verifyAll, type ChainBreakReason } from '../audit/hash-chain';
import { danglingReferences } from '../domain/references';
import { canonicalJson, sameDigest, sha256Hex } from '../exchange/canonical-json';
import { fieldPath, issueMessage, lineAt, stripBom, type ImportIssue } from '../frameworks/import-result';
import { jsonSyntaxErrorOffset } from '../frameworks/json-format';
import { MAX_OPEN_FILE_BYTES } from '../ipc/contract';
import { unprotectBackup } from './backup-crypto';

export const BACKUP_FORMAT = 'levelset.backup';
/** Bump when the layout of the file changes in a way older versions cannot read. */
export const BACKUP_SCHEMA_VERSION = 1;
/** The open-file dialog's limit: a backup bigger than this could not be picked, so it is neither written nor read. */
export const MAX_BACKUP_BYTES = MAX_OPEN_FILE_BYTES;
const MAX_LISTED_ISSUES = 50;

// ── Tables ───────────────────────────────────────────────────────────────

export const MetaRowSchema = z.object({ key: z.string(), value: z.unknown() });
export type BackupMetaRow = z.infer<typeof MetaRowSchema>;

/** Each saved table and the schema its rows must pass. */
const ROW_SCHEMAS = {
  ...RECORD_SCHEMAS,
  audit: AuditEntrySchema,
  meta: MetaRowSchema,
} as const;

export type BackupTableName = keyof typeof ROW_SCHEMAS;
/** Every saved table, in the order they are restored (referenced rows before the rows that reference them). */
export const BACKUP_TABLE_NAMES: readonly BackupTableName[] = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets', 'sessions', 'votes', 'decisions', 'audit', 'meta'];
/** Tables derived from the others: left out of a backup and rebuilt on restore. */
export const DERIVED_TABLE_NAMES: readonly string[] = ['coverage', 'candidateStats'];

export type BackupTables = { [K in BackupTableName]: Array<z.output<(typeof ROW_SCHEMAS)[K]>> };
export type BackupTablesInput = { [K in BackupTableName]: ReadonlyArray<z.input<(typeof ROW_SCHEMAS)[K]>> };
export type BackupCounts = Record<BackupTableName, number>;

const primaryKey = (table: BackupTableName): 'id' | 'key' => (table === 'meta' ? 'key' : 'id');

const TablesSchema = z
  .object({
    frameworks: z.array(ROW_SCHEMAS.frameworks),
    cycles: z.array(ROW_SCHEMAS.cycles),
    candidates: z.array(ROW_SCHEMAS.candidates),
    evidence: z.array(ROW_SCHEMAS.evidence),
    packets: z.array(ROW_SCHEMAS.packets),
    sessions: z.array(ROW_SCHEMAS.sessions),
    votes: z.array(ROW_SCHEMAS.votes),
    decisions: z.array(ROW_SCHEMAS.decisions),
    audit: z.array(ROW_SCHEMAS.audit),
    meta: z.array(ROW_SCHEMAS.meta),
  })
  .superRefine((tables, ctx) => {
    for (const name of BACKUP_TABLE_NAMES) {
      const key = primaryKey(name);
      const seen = new Map<unknown, number>();
      (tables[name] as ReadonlyArray<Record<string, unknown>>).forEach((row, i) => {
        const earlier = seen.get(row[key]);
        if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: [name, i, key], message: `duplicate ${key} ${JSON.stringify(row[key])} (also ${name}[${earlier}])` });
        else seen.set(row[key], i);
      });
    }
  });

function zodIssues(error: z.ZodError, prefix = ''): ImportIssue[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path, prefix);
    return { message: field === '' ? issueMessage(issue) : `${field}: ${issueMessage(issue)}`, ...(field === '' ? {} : { field }) };
  });
}

/** Row counts per table. */
export function backupCounts(tables: Pick<BackupTablesInput, BackupTableName>): BackupCounts {
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, tables[name].length])) as BackupCounts;
}

// ── Create ───────────────────────────────────────────────────────────────

export interface CreateBackupMeta {
  createdAt: string;
  appVersion: string;
  /** The Dexie version of the database the rows were read from. */
  databaseVersion: number;
}

/** Thrown by `createBackup` when a row would make a backup no Levelset could restore. */
export class BackupContentError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`Some saved data is not valid, so the backup would not restore: ${issues.slice(0, 3).map((i) => i.message).join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`);
    this.name = 'BackupContentError';
  }
}

/**
 * Writes a backup file. Every row is validated first, so a backup that is
 * written is one that restores; a row that fails throws `BackupContentError`
 * naming it (damaged local data or a bug, which the user should hear about
 * now rather than on the day they restore). A backup over MAX_BACKUP_BYTES
 * throws a RangeError for the same reason.
 */
export async function createBackup(tables: BackupTablesInput, meta: CreateBackupMeta): Promise<string> {
  const parsed = TablesSchema.safeParse(pickTables(tables));
  if (!parsed.success) throw new BackupContentError(zodIssues(parsed.error));
  if (!IsoTimestampSchema.safeParse(meta.createdAt).success) throw new RangeError(`createdAt must be an ISO timestamp; got "${meta.createdAt}".`);
  if (meta.appVersion.length > 100) throw new RangeError('appVersion is longer than 100 characters.');
  if (!Number.isInteger(meta.databaseVersion) || meta.databaseVersion < 1) throw new RangeError(`databaseVersion must be a whole number from 1; got ${meta.databaseVersion}.`);

  const data = parsed.data;
  const checksum = await sha256Hex(canonicalJson(data));
  const head = [
    `  "format": ${JSON.stringify(BACKUP_FORMAT)}`,
    `  "schemaVersion": ${BACKUP_SCHEMA_VERSION}`,
    `  "databaseVersion": ${meta.databaseVersion}`,
    `  "createdAt": ${JSON.stringify(meta.createdAt)}`,
    `  "appVersion": ${JSON.stringify(meta.appVersion)}`,
    `  "checksum": ${canonicalJson({ algorithm: 'SHA-256', value: checksum })}`,
    `  "trailHead": ${canonicalJson(trailHead(data.audit))}`,
  ];
  const body = [...BACKUP_TABLE_NAMES]
    .sort()
    .map((name) => {
      const rows = data[name] as unknown[];
      return rows.length === 0 ? `    ${JSON.stringify(name)}: []` : `    ${JSON.stringify(name)}: [\n${rows.map((row) => `      ${canonicalJson(row)}`).join(',\n')}\n    ]`;
    });
  const text = `{\n${head.join(',\n')},\n  "tables": {\n${body.join(',\n')}\n  }\n}\n`;
  const bytes = utf8Length(text);
  if (bytes > MAX_BACKUP_BYTES) {
    throw new RangeError(`The backup would be ${megabytes(bytes)} MB; the limit is ${megabytes(MAX_BACKUP_BYTES)} MB, so it could not be opened again. Nothing was written.`);
  }
  return text;
}

/** Only the saved tables (a `coverage` array or other extras passed in are not written). */
function pickTables(tables: BackupTablesInput): Record<BackupTableName, unknown> {
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, tables[name]])) as Record<BackupTableName, unknown>;
}

// ── Open ─────────────────────────────────────────────────────────────────

export type BackupErrorCode = 'too-large' | 'not-a-backup' | 'truncated' | 'newer-version' | 'tampered' | 'invalid' | 'needs-passphrase' | 'wrong-passphrase';

export interface BackupError {
  code: BackupErrorCode;
  /** One sentence or two a user can act on. */
  message: string;
  /** Path of the first field at fault, e.g. `tables.decisions[3].rationale`. */
  field?: string;
  /** Every problem found, for `invalid` (at most 50). */
  issues?: ImportIssue[];
}

export interface BackupSummary {
  /** The head of the backup's audit trail: compare it with the trail of any later copy. */
  trailHead: TrailHead;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  databaseVersion: number;
  /** Rows per table. */
  counts: BackupCounts;
}

export type OpenBackupResult = { ok: true; tables: BackupTables; summary: BackupSummary } | { ok: false; error: BackupError };

export interface OpenBackupOptions {
  /**
   * The newest Dexie version this Levelset knows (the database's `verno`).
   * A backup read from a newer database is refused as `newer-version`; when
   * left out, any version is accepted.
   */
  databaseVersion?: number;
  /** For a backup protected with a passphrase (backup-crypto.ts); without it such a backup is refused as `needs-passphrase`. */
  passphrase?: string;
}

const MESSAGES = {
  truncated: 'The backup file is incomplete (it may have been cut off while copying or saving). Use another copy of the backup.',
  tampered: 'The backup was changed or damaged after it was made: its content does not match its checksum. Use another copy of the backup.',
} as const;

function failure(code: BackupErrorCode, message: string, extra: { field?: string; issues?: ImportIssue[] } = {}): OpenBackupResult {
  // Every refusal leaves here: one line, short, whatever built it (shared/util/refusal.ts).
  const error: BackupError = { code, message: refusal(message) };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.issues !== undefined) error.issues = extra.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => ({ ...issue, message: refusal(issue.message) }));
  return { ok: false, error };
}

const EnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  databaseVersion: z.number().int().min(1),
  createdAt: IsoTimestampSchema,
  appVersion: z.string().max(100),
  checksum: z.object({
    algorithm: z.literal('SHA-256', { error: 'expected "SHA-256"' }),
    value: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
  }),
  /** Absent in backups made before the head was recorded. */
  trailHead: TrailHeadSchema.optional(),
  tables: z.record(z.string(), z.unknown()),
});

/**
 * Reads a backup file. Resolves to the validated tables and a summary for
 * the restore preview, or to one typed error; it never rejects.
 */
export async function openBackup(text: string, options: OpenBackupOptions = {}): Promise<OpenBackupResult> {
  try {
    return await openUnchecked(text, options);
  } catch (e) {
    // Every expected failure is handled below; this is the net under the net.
    return failure('invalid', refusalFrom(e, 'The backup'));
  }
}

async function openUnchecked(text: string, options: OpenBackupOptions, inside = false): Promise<OpenBackupResult> {
  if (typeof text !== 'string') return failure('not-a-backup', 'This is not a Levelset backup: expected a text file.');
  if (text.length * 3 > MAX_BACKUP_BYTES) {
    // Every UTF-16 unit is at least one byte, so only borderline texts are measured.
    const bytes = text.length > MAX_BACKUP_BYTES ? text.length : utf8Length(text);
    if (bytes > MAX_BACKUP_BYTES) {
      return failure('too-large', `The file is too large to be a backup (${megabytes(bytes)} MB; the limit is ${megabytes(MAX_BACKUP_BYTES)} MB). It was not read.`);
    }
  }
  const clean = stripBom(text);
  if (clean.trim() === '') return failure('not-a-backup', 'The file is empty.');

  // Before parsing: deep nesting would overflow the stack of every recursive walk after it.
  const nesting = jsonNestingProblem(clean, 'The file');
  if (nesting !== null) return failure(clean.includes(`"${BACKUP_FORMAT}"`) ? 'tampered' : 'not-a-backup', nesting);

  let raw: unknown;
  try {
    raw = JSON.parse(clean);
  } catch {
    return syntaxFailure(clean);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return failure('not-a-backup', `This is not a Levelset backup: expected a JSON object with "format": "${BACKUP_FORMAT}".`);
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== BACKUP_FORMAT) return formatFailure(record.format);

  const version = record.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_SCHEMA_VERSION) {
    return failure('newer-version', `This backup was made by a newer version of Levelset (backup format ${version}). Update Levelset to restore it.`, { field: 'schemaVersion' });
  }
  if (version !== BACKUP_SCHEMA_VERSION) {
    return failure('invalid', `The backup is damaged: schemaVersion must be a whole number from 1 to ${BACKUP_SCHEMA_VERSION}.`, { field: 'schemaVersion' });
  }
  const dbVersion = record.databaseVersion;
  if (options.databaseVersion !== undefined && typeof dbVersion === 'number' && Number.isInteger(dbVersion) && dbVersion > options.databaseVersion) {
    return failure(
      'newer-version',
      `This backup was made by a newer version of Levelset (database version ${dbVersion}; this one reads up to ${options.databaseVersion}). Update Levelset to restore it.`,
      { field: 'databaseVersion' },
    );
  }

  if (record.encrypted === true) {
    // A protected backup holds a plain one; one inside another is not something Levelset writes.
    if (inside) return failure('tampered', MESSAGES.tampered);
    const opened = await unprotectBackup(record, options.passphrase);
    if (!opened.ok) return failure(opened.code, opened.message, opened.field === undefined ? {} : { field: opened.field });
    return openUnchecked(opened.text, options, true);
  }

  const envelope = EnvelopeSchema.safeParse(record);
  if (!envelope.success) {
    const issues = zodIssues(envelope.error);
    const first = issues[0];
    return failure('invalid', `The backup is damaged${first ? `: ${first.message}` : '.'}`, { ...(first?.field === undefined ? {} : { field: first.field }), issues });
  }
  const head = envelope.data;

  // Derived tables are rebuilt, so they are neither checked nor restored.
  const saved = Object.fromEntries(Object.entries(head.tables).filter(([name]) => !DERIVED_TABLE_NAMES.includes(name)));
  let canonical: string;
  try {
    canonical = canonicalJson(saved);
  } catch {
    return failure('tampered', MESSAGES.tampered);
  }
  if (!sameDigest(await sha256Hex(canonical), head.checksum.value)) return failure('tampered', MESSAGES.tampered);

  const unknown = Object.keys(saved).filter((name) => !(BACKUP_TABLE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    return failure('invalid', `The backup has a table this version of Levelset does not know: "${unknown[0]}".`, { field: `tables.${unknown[0]}` });
  }
  const parsed = TablesSchema.safeParse(saved);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, 'tables');
    const first = issues[0];
    const message = `The backup's data is not valid${first ? `: ${first.message}` : '.'}${issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''}`;
    return failure('invalid', message, { ...(first?.field === undefined ? {} : { field: first.field }), issues });
  }
  const tables: BackupTables = parsed.data;
  const head_ = trailHead(tables.audit);
  if (head.trailHead && (head.trailHead.count !== head_.count || head.trailHead.hash !== head_.hash)) {
    return failure('tampered', `The backup's audit trail does not end where the backup says it does (recorded ${head.trailHead.count} entries, found ${head_.count}): entries were removed or rewritten. Use another copy of the backup.`, { field: 'trailHead' });
  }
  const integrity = await backupIntegrityProblem(tables);
  if (integrity) return failure(integrity.code, integrity.message, integrity);
  return {
    ok: true,
    tables,
    summary: { trailHead: head_, createdAt: head.createdAt, appVersion: head.appVersion, schemaVersion: head.schemaVersion, databaseVersion: head.databaseVersion, counts: backupCounts(tables) },
  };
}

/**
 * What is wrong with a backup's rows as a whole, or null: an audit chain
 * that does not verify (entries edited or removed, so the trail proves
 * nothing) or a row that names a row that does not exist (a vote for no
 * candidate). openBackup refuses both; restore asks again before writing.
 */
export async function backupIntegrityProblem(tables: Pick<BackupTables, 'audit' | keyof typeof RECORD_SCHEMAS>): Promise<{ code: BackupErrorCode; message: string; field: string; issues?: ImportIssue[] } | null> {
  const chains = await verifyAll(tables.audit);
  for (const { deviceId, result } of chains.devices) {
    if (result.ok) continue;
    const { seq, reason } = result.brokenAt;
    return {
      code: 'tampered',
      message: `The backup's audit trail is broken at entry ${seq} of device ${JSON.stringify(deviceId.slice(0, 40))} (${CHAIN_BREAKS[reason]}), so it was not restored; use another copy of the backup.`,
      field: 'tables.audit',
    };
  }
  const dangling = danglingReferences(tables);
  const first = dangling[0];
  if (!first) return null;
  return {
    code: 'invalid',
    message: `The backup's data is not valid: ${first.message}${dangling.length > 1 ? ` (and ${dangling.length - 1} more)` : ''}`,
    field: `tables.${first.table}[${first.index}].${first.field}`,
    issues: dangling.map((d) => ({ message: d.message, field: `tables.${d.table}[${d.index}].${d.field}` })),
  };
}

const CHAIN_BREAKS: Record<ChainBreakReason, string> = {
  'hash-mismatch': 'an entry was changed',
  'prev-hash-mismatch': 'an entry does not follow the one before it',
  'sequence-gap': 'entries are missing',
  'wrong-device': 'an entry belongs to another device',
};

function formatFailure(format: unknown): OpenBackupResult {
  if (format === 'levelset.bundle') return failure('not-a-backup', 'This is a packet bundle, not a backup. Import it under Packets.', { field: 'format' });
  if (format === 'levelset.framework') return failure('not-a-backup', 'This is a framework file, not a backup. Import it under Frameworks.', { field: 'format' });
  return failure(
    'not-a-backup',
    format === undefined
      ? `This is not a Levelset backup: it has no "format" (expected "${BACKUP_FORMAT}").`
      : `This is not a Levelset backup: its format is ${JSON.stringify(String(format)).slice(0, 80)} (expected "${BACKUP_FORMAT}").`,
    { field: 'format' },
  );
}

/**
 * JSON that does not parse is either cut off (the first error is at the very
 * end, or inside the last bare number or literal) or something else: a backup
 * edited by hand, or not a backup at all.
 */
function syntaxFailure(text: string): OpenBackupResult {
  const trimmed = text.trimEnd();
  const startsLikeObject = trimmed.trimStart().startsWith('{');
  const offset = jsonSyntaxErrorOffset(trimmed);
  if (startsLikeObject && offset >= 0) {
    const tail = /[A-Za-z0-9.+-]+$/.exec(trimmed);
    if (offset >= trimmed.length || (tail !== null && offset >= tail.index)) return failure('truncated', MESSAGES.truncated);
  }
  const line = offset < 0 ? null : lineAt(trimmed, offset);
  const where = line === null ? '' : ` (line ${line})`;
  if (startsLikeObject && trimmed.includes(`"${BACKUP_FORMAT}"`)) {
    return failure('tampered', `The backup is damaged: it is not valid JSON${where}. It may have been edited or corrupted; use another copy.`);
  }
  return failure('not-a-backup', `This is not a Levelset backup: the file is not valid JSON${where}.`);
}

/** UTF-8 length without allocating the encoded copy (a backup may be tens of megabytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
