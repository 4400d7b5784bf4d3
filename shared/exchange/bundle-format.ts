/**
 * The bundle file: how packets travel between machines without a server.
 *
 * A bundle carries one cycle with the framework version it pins, and some of
 * its candidates with their evidence and packets:
 *
 *   { format: 'levelset.bundle', schemaVersion: 2,
 *     checksum: { algorithm: 'SHA-256', value }, createdAt, appVersion,
 *     encrypted: false, content }
 *   { ..., encrypted: true, encryption: { algorithm: 'AES-GCM',
 *     keyDerivation: { algorithm: 'PBKDF2', hash: 'SHA-256', iterations, salt }, iv },
 *     ciphertext }
 *
 * What the checksum covers (docs/BUNDLE-FORMAT.md):
 * - version 2, plain: the file's own bytes as written. The file starts with a
 *   fixed text (V2_PLAIN_PREFIX) that ends where the checksum's 64 hex digits
 *   are, and the checksum is SHA-256 of every byte after them, so the reader
 *   finds them without a second look at the JSON and digests the bytes it
 *   read as they are; every byte is either that fixed text, the digits or
 *   digested, so any change to the file is refused as tampered.
 * - version 2, encrypted: the plaintext bytes as encrypted (the content's
 *   canonical JSON, shared/exchange/canonical-json.ts).
 * - version 1 (still read): the canonical JSON of the content, in both forms,
 *   so the reader had to write the parsed content out again to check it.
 * That is what lets the reader tell the failures apart: when AES-GCM refuses
 * to decrypt, the passphrase is wrong (or the ciphertext was changed, which
 * GCM cannot distinguish); when it decrypts but the checksum differs, the
 * file was tampered with.
 *
 * `openBundle` never throws on bad input. A bundle arrives by e-mail or USB
 * stick and may be cut off, edited, from a newer Levelset or not a bundle at
 * all; each of these is a typed result with a message a committee chair can
 * act on, and nothing is handed to the database until the whole content has
 * passed the domain schemas and the cross-row checks.
 */
import { z } from 'zod';
import { jsonNestingProblem, refusal, refusalFrom } from '../util/refusal';
import { CandidateSchema, CycleSchema, EvidenceSchema, FrameworkSchema, IsoTimestampSchema, PacketSchema, type Framework } from '../domain';
import { fieldPath, issueMessage, lineAt, stripBom, type ImportIssue } from '../frameworks/import-result';
import { jsonSyntaxErrorOffset } from '../frameworks/json-format';
import { validateFramework } from '../frameworks/validate';
import { MAX_OPEN_FILE_BYTES } from '../ipc/contract';
import { base64ByteLength, base64ToBytes, isBase64 } from './base64';
import { decryptBytes, encryptText, sealedFileFields, GCM_TAG_BYTES, IV_BYTES, PBKDF2_DEFAULT_ITERATIONS, PBKDF2_MAX_ITERATIONS, PBKDF2_MIN_ITERATIONS, SALT_BYTES } from './bundle-crypto';
import { TrailHeadSchema, type TrailHead } from '../audit/replay';
import { canonicalJson, jsonUtf8, sameDigest, sha256Hex, sha256HexOfBytes } from './canonical-json';
import { compiledRowSchemas } from './row-parsers';
import { decodedText } from './ascii-json';
import { BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, DIGEST_HEX_LENGTH, V2_PLAIN_PREFIX, bomLength, plainBodyDigest } from './bundle-body';

export { BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, V2_PLAIN_PREFIX, plainBodyDigest } from './bundle-body';
/** The same limit as the open-file dialog: a bundle bigger than this is refused before it is parsed. */
export const MAX_BUNDLE_BYTES = MAX_OPEN_FILE_BYTES;
/** At most this many problems are listed in one error; the first few are what a user fixes anyway. */
const MAX_LISTED_ISSUES = 50;

// ── Content ──────────────────────────────────────────────────────────────

type Path = Array<string | number>;

/** Cross-row problems of a content that already passed the row schemas. */
function contentReferenceIssues(content: z.output<typeof BundleContentShape>): Array<{ path: Path; message: string }> {
  const issues: Array<{ path: Path; message: string }> = [];
  const add = (path: Path, message: string) => issues.push({ path, message });

  const uniqueIds = (collection: string, rows: ReadonlyArray<{ id: string }>) => {
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const earlier = seen.get(row.id);
      if (earlier !== undefined) add([collection, i, 'id'], `duplicate id "${row.id}" (also ${collection}[${earlier}])`);
      else seen.set(row.id, i);
    });
  };
  uniqueIds('frameworks', content.frameworks);
  uniqueIds('candidates', content.candidates);
  uniqueIds('evidence', content.evidence);
  uniqueIds('packets', content.packets);

  content.frameworks.forEach((framework, i) => {
    for (const issue of validateFramework(framework)) {
      if (issue.severity === 'error') add(['frameworks', i, ...splitPath(issue.path)], issue.message);
    }
  });

  const cycle = content.cycle;
  const framework: Framework | undefined = content.frameworks.find((f) => f.id === cycle.frameworkVersionId);
  if (!framework) {
    add(['cycle', 'frameworkVersionId'], `the cycle pins framework version "${cycle.frameworkVersionId}", which is not in the bundle`);
  }
  const levelIds = new Set(framework?.levels.map((l) => l.id) ?? []);
  const levelExists = (id: string) => framework === undefined || levelIds.has(id);
  const sameCycle = (path: Path, cycleId: string) => {
    if (cycleId !== cycle.id) add(path, `belongs to cycle "${cycleId}", but the bundle carries cycle "${cycle.id}"`);
  };

  const candidateIds = new Set(content.candidates.map((c) => c.id));
  content.candidates.forEach((c, i) => {
    sameCycle(['candidates', i, 'cycleId'], c.cycleId);
    if (!levelExists(c.currentLevelId)) add(['candidates', i, 'currentLevelId'], `level "${c.currentLevelId}" is not in the cycle's framework version`);
    if (c.targetLevelId !== null && !levelExists(c.targetLevelId)) {
      add(['candidates', i, 'targetLevelId'], `level "${c.targetLevelId}" is not in the cycle's framework version`);
    }
  });

  content.evidence.forEach((e, i) => {
    if (!candidateIds.has(e.candidateId)) add(['evidence', i, 'candidateId'], `no candidate "${e.candidateId}" in the bundle`);
    sameCycle(['evidence', i, 'cycleId'], e.cycleId);
  });

  const packetById = new Map(content.packets.map((p) => [p.id, p]));
  content.packets.forEach((p, i) => {
    if (!candidateIds.has(p.candidateId)) add(['packets', i, 'candidateId'], `no candidate "${p.candidateId}" in the bundle`);
    sameCycle(['packets', i, 'cycleId'], p.cycleId);
    if (p.targetLevelId !== null && !levelExists(p.targetLevelId)) {
      add(['packets', i, 'targetLevelId'], `level "${p.targetLevelId}" is not in the cycle's framework version`);
    }
    if (p.parentId === null) return;
    // A parent may stay behind on the other machine; one that travels along must fit.
    if (p.parentId === p.id) {
      add(['packets', i, 'parentId'], 'a packet cannot be its own parent');
      return;
    }
    const parent = packetById.get(p.parentId);
    if (parent && parent.candidateId !== p.candidateId) add(['packets', i, 'parentId'], `the parent packet "${p.parentId}" is for another candidate`);
    else if (parent && parent.revision >= p.revision) {
      add(['packets', i, 'revision'], `revision ${p.revision} is not after its parent's revision ${parent.revision}`);
    }
  });
  return issues;
}

/** `levels[2].code` → `['levels', 2, 'code']`, so framework issues nest under `frameworks[i]`. */
function splitPath(path: string): Path {
  const out: Path = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

const BundleContentShape = z.object({
  cycle: CycleSchema,
  /** The framework versions the content uses (the one the cycle pins). */
  frameworks: z.array(FrameworkSchema),
  candidates: z.array(CandidateSchema),
  evidence: z.array(EvidenceSchema),
  packets: z.array(PacketSchema),
});

/** The content of a bundle, checked row by row and across rows; issues name the field, e.g. `packets[3].candidateId`. */
export const BundleContentSchema = BundleContentShape.superRefine((content, ctx) => {
  for (const issue of contentReferenceIssues(content)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type BundleContent = z.output<typeof BundleContentSchema>;
export type BundleContentInput = z.input<typeof BundleContentSchema>;

/** Every problem of a content, as import issues (empty when it is valid). */
export function checkBundleContent(content: unknown): ImportIssue[] {
  const parsed = BundleContentSchema.safeParse(content);
  return parsed.success ? [] : zodIssues(parsed.error);
}

function zodIssues(error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path);
    return { message: field === '' ? issueMessage(issue) : `${field}: ${issueMessage(issue)}`, ...(field === '' ? {} : { field }) };
  });
}

// ── Envelope ─────────────────────────────────────────────────────────────

const Base64Schema = z.string().refine(isBase64, 'expected base64 text');
const bytesSchema = (min: number, max: number, what: string) =>
  Base64Schema.refine((s) => base64ByteLength(s) >= min && base64ByteLength(s) <= max, min === max ? `expected ${what} of ${min} bytes` : `expected ${what} of ${min} to ${max} bytes`);

const EnvelopeBase = {
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion: z.union([z.literal(1), z.literal(BUNDLE_SCHEMA_VERSION)]),
  createdAt: IsoTimestampSchema,
  appVersion: z.string().max(100),
  /** The head of the exporting machine's audit trail; absent in bundles made before it was recorded. */
  trailHead: TrailHeadSchema.optional(),
  checksum: z.object({
    algorithm: z.literal('SHA-256', { error: 'expected "SHA-256"' }),
    value: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
  }),
};

const PlainEnvelopeSchema = z.object({ ...EnvelopeBase, encrypted: z.literal(false), content: z.unknown() });

const iterationsMessage = `expected a whole number of key-derivation iterations from ${PBKDF2_MIN_ITERATIONS.toLocaleString('en-US')} to ${PBKDF2_MAX_ITERATIONS.toLocaleString('en-US')}`;
const EncryptedEnvelopeSchema = z.object({
  ...EnvelopeBase,
  encrypted: z.literal(true),
  encryption: z.object({
    algorithm: z.literal('AES-GCM', { error: 'expected "AES-GCM"' }),
    keyDerivation: z.object({
      algorithm: z.literal('PBKDF2', { error: 'expected "PBKDF2"' }),
      hash: z.literal('SHA-256', { error: 'expected "SHA-256"' }),
      iterations: z
        .number({ error: iterationsMessage })
        .int({ error: iterationsMessage })
        .min(PBKDF2_MIN_ITERATIONS, { error: iterationsMessage })
        .max(PBKDF2_MAX_ITERATIONS, { error: iterationsMessage }),
      salt: bytesSchema(SALT_BYTES, 64, 'a salt'),
    }),
    iv: bytesSchema(IV_BYTES, IV_BYTES, 'an IV'),
  }),
  ciphertext: bytesSchema(GCM_TAG_BYTES, MAX_BUNDLE_BYTES, 'a ciphertext'),
});

// ── Create ───────────────────────────────────────────────────────────────

export interface CreateBundleOptions {
  /** Encrypts the content when given; an empty passphrase is refused rather than silently ignored. */
  passphrase?: string;
  createdAt: string;
  appVersion: string;
  /** PBKDF2 iterations; default 600,000, accepted 600,000 to 10,000,000. */
  iterations?: number;
  /** The head of this machine's audit trail, so the bundle can later show whether the trail was cut or rewritten since. */
  trailHead?: TrailHead;
}

/** Thrown by `createBundle` when the content would make a bundle no Levelset could open. */
export class BundleContentError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`The bundle content is not valid: ${issues.slice(0, 3).map((i) => i.message).join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`);
    this.name = 'BundleContentError';
  }
}

/**
 * Writes a bundle file (pretty JSON). The content is validated first, so a
 * bundle that leaves this machine is one that opens on the other; a content
 * that fails throws `BundleContentError` (a bug or damaged local data, not
 * user input). The content is written with sorted keys, so two exports of
 * the same data differ only in `createdAt` (and, encrypted, salt and IV).
 */
export async function createBundle(content: BundleContentInput, options: CreateBundleOptions): Promise<string> {
  const parsed = BundleContentSchema.safeParse(content);
  if (!parsed.success) throw new BundleContentError(zodIssues(parsed.error));
  if (!IsoTimestampSchema.safeParse(options.createdAt).success) throw new RangeError(`createdAt must be an ISO timestamp; got "${options.createdAt}".`);
  if (options.appVersion.length > 100) throw new RangeError('appVersion is longer than 100 characters.');
  if (options.passphrase !== undefined && options.passphrase.length === 0) throw new RangeError('A passphrase cannot be empty.');

  const canonical = canonicalJson(parsed.data);
  const head = (checksum: string) => ({
    format: BUNDLE_FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    checksum: { algorithm: 'SHA-256', value: checksum },
    createdAt: options.createdAt,
    appVersion: options.appVersion,
    ...(options.trailHead ? { trailHead: options.trailHead } : {}),
  });
  let text: string;
  if (options.passphrase === undefined) {
    // Written with the checksum's digits as "0"s, then the digits of what follows them put in their place.
    const unsummed = `${JSON.stringify({ ...head('0'.repeat(DIGEST_HEX_LENGTH)), encrypted: false, content: JSON.parse(canonical) as unknown }, null, 2)}\n`;
    if (!unsummed.startsWith(V2_PLAIN_PREFIX)) throw new Error('The bundle writer does not begin with V2_PLAIN_PREFIX.');
    const rest = unsummed.slice(V2_PLAIN_PREFIX.length + DIGEST_HEX_LENGTH);
    text = `${V2_PLAIN_PREFIX}${await sha256Hex(rest)}${rest}`;
  } else {
    const sealed = await encryptText(canonical, options.passphrase, options.iterations ?? PBKDF2_DEFAULT_ITERATIONS);
    text = `${JSON.stringify({ ...head(await sha256Hex(canonical)), encrypted: true, ...sealedFileFields(sealed) }, null, 2)}\n`;
  }
  if (utf8Length(text) > MAX_BUNDLE_BYTES) {
    throw new RangeError(`The bundle would be ${megabytes(utf8Length(text))} MB; the limit is ${megabytes(MAX_BUNDLE_BYTES)} MB. Export fewer candidates at a time.`);
  }
  return text;
}

// ── Open ─────────────────────────────────────────────────────────────────

export type BundleErrorCode =
  | 'too-large'
  | 'not-a-bundle'
  | 'truncated'
  | 'newer-version'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  | 'tampered'
  | 'invalid';

export interface BundleError {
  code: BundleErrorCode;
  /** One sentence or two a user can act on. */
  message: string;
  /** Path of the first field at fault, e.g. `packets[3].candidateId`. */
  field?: string;
  /** Every problem found, for `invalid` (at most 50). */
  issues?: ImportIssue[];
}

export interface BundleSummary {
  /** The exporting machine's trail head, when the bundle records one. */
  trailHead: TrailHead | null;
  createdAt: string;
  appVersion: string;
  encrypted: boolean;
  cycleId: string;
  cycleName: string;
  frameworks: number;
  candidates: number;
  evidence: number;
  packets: number;
}

export type OpenBundleResult = { ok: true; content: BundleContent; summary: BundleSummary } | { ok: false; error: BundleError };

export interface OpenBundleOptions {
  passphrase?: string;
  /**
   * The file's size in bytes, when the caller knows it (a File's `size`):
   * then a large text is not measured again (a pass over every character of
   * a 20 MB bundle, a sixth of its JSON.parse, issue 13).
   */
  byteLength?: number;
  /**
   * The file's bytes as read, when the caller has them: a version-2 plain
   * bundle's checksum is taken over them as they are, instead of encoding
   * the text again. `text` is then their UTF-8 decoding (`decodedText`) or
   * their ASCII form (`asciiJsonText`, what the import worker reads: the
   * same JSON value, decoded and parsed faster); a file that does not parse
   * is refused as its decoding reads.
   */
  bytes?: Uint8Array<ArrayBuffer>;
  /**
   * With `bytes`: `plainBodyDigest` of those same bytes, being computed on
   * another thread (the import worker's digest worker, issue 13: SHA-256 of
   * a 23 MB file is 40 ms of the thread that asks for it). Resolving to null
   * (the other thread failed) digests them here instead.
   */
  bodyDigest?: Promise<string | null>;
  /**
   * Told what is being done: decrypting and the checksum as one step each,
   * then the records checked so far. The import worker passes it on to the
   * progress bar; the result is the same with or without it.
   */
  onProgress?: (progress: BundleProgress) => void;
}

export interface BundleProgress {
  phase: 'decrypting' | 'checksum' | 'checking';
  done: number;
  total: number;
}

const MESSAGES = {
  truncated: 'The file is incomplete (it may have been cut off while copying). Copy it again from the machine that exported it.',
  needsPassphrase: 'This bundle is encrypted. Enter the passphrase it was exported with.',
  wrongPassphrase: 'The passphrase is wrong, or the file was altered after it was encrypted. Check the passphrase with the person who sent it.',
  tampered: 'The bundle was changed or damaged after it was exported: its content does not match its checksum. Ask for a fresh export.',
} as const;

function failure(code: BundleErrorCode, message: string, extra: { field?: string; issues?: ImportIssue[] } = {}): OpenBundleResult {
  // Every refusal leaves here: one line, short, whatever built it (shared/util/refusal.ts).
  const error: BundleError = { code, message: refusal(message) };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.issues !== undefined) error.issues = extra.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => ({ ...issue, message: refusal(issue.message) }));
  return { ok: false, error };
}

/**
 * Reads a bundle file. Resolves to the validated content and a summary for
 * the preview, or to one typed error; it never rejects.
 */
export async function openBundle(text: string, options: OpenBundleOptions = {}): Promise<OpenBundleResult> {
  try {
    return await openUnchecked(text, options);
  } catch (e) {
    // Every expected failure is handled below; this is the net under the net.
    return failure('invalid', refusalFrom(e, 'The bundle'));
  }
}

async function openUnchecked(text: string, options: OpenBundleOptions): Promise<OpenBundleResult> {
  if (typeof text !== 'string') return failure('not-a-bundle', 'This is not a Levelset bundle: expected a text file.');
  // Awaited only once the file has parsed, if at all: a failure of the other thread is not an error of this open.
  options.bodyDigest?.catch(() => {});
  // The file's size when the caller knows it; else every UTF-16 unit is at least one byte and at
  // most three, so only borderline texts are measured.
  const bytes = options.byteLength ?? options.bytes?.byteLength ?? (text.length * 3 <= MAX_BUNDLE_BYTES ? 0 : text.length > MAX_BUNDLE_BYTES ? text.length : utf8Length(text));
  if (bytes > MAX_BUNDLE_BYTES) {
    return failure('too-large', `The file is too large to be a bundle (${megabytes(bytes)} MB; the limit is ${megabytes(MAX_BUNDLE_BYTES)} MB). It was not read.`);
  }
  const clean = stripBom(text);
  if (clean.trim() === '') return failure('not-a-bundle', 'The file is empty.');

  // Deep nesting would overflow the stack of a recursive walk. V8's JSON.parse
  // is not recursive, and nothing after it walks the parsed value deeper than
  // the schemas reach, except the checksum's canonical form, so the (slow)
  // nesting scan runs only when the parse fails or the quick checksum does not
  // match (see `checksumProblem`), not over every good file.
  const nestedFailure = () => {
    const nesting = jsonNestingProblem(clean, 'The file');
    return nesting === null ? null : failure(clean.includes(`"${BUNDLE_FORMAT}"`) ? 'tampered' : 'not-a-bundle', nesting);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(clean);
  } catch {
    // `text` may be the bytes' ASCII form (ascii-json.ts), which fails where their decoding fails but
    // counts lines and columns differently: the refusal is worded from the decoding.
    const decoded = options.bytes === undefined ? text : decodedText(options.bytes);
    if (decoded !== text) return openUnchecked(decoded, { ...options, bytes: undefined, byteLength: bytes });
    return nestedFailure() ?? syntaxFailure(clean);
  }

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return failure('not-a-bundle', `This is not a Levelset bundle: expected a JSON object with "format": "${BUNDLE_FORMAT}".`);
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== BUNDLE_FORMAT) {
    if (record.format === 'levelset.framework') {
      return failure('not-a-bundle', 'This is a framework file, not a bundle. Import it under Frameworks.', { field: 'format' });
    }
    // The other way round, a bundle given to Restore, already points to Packets (backup-format.ts); this did not (trial C).
    if (record.format === 'levelset.backup') {
      // No field named: nothing in the file is wrong, it is another kind of file (a trial read "format" as damage).
      return failure('not-a-bundle', 'This is a backup, not a bundle. Restore it on the About page (Restore from a file…).');
    }
    return failure(
      'not-a-bundle',
      record.format === undefined
        ? `This is not a Levelset bundle: it has no "format" (expected "${BUNDLE_FORMAT}").`
        : `This is not a Levelset bundle: its format is ${JSON.stringify(String(record.format)).slice(0, 80)} (expected "${BUNDLE_FORMAT}").`,
      { field: 'format' },
    );
  }
  const version = record.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_SCHEMA_VERSION) {
    return failure(
      'newer-version',
      `This bundle was made by a newer version of Levelset (bundle format ${version}). Update Levelset to import it.`,
      { field: 'schemaVersion' },
    );
  }
  if (version !== 1 && version !== BUNDLE_SCHEMA_VERSION) {
    return failure('invalid', `The bundle is damaged: schemaVersion must be a whole number from 1 to ${BUNDLE_SCHEMA_VERSION}.`, { field: 'schemaVersion' });
  }

  if (record.encrypted === false) {
    const envelope = PlainEnvelopeSchema.safeParse(record);
    if (!envelope.success) return envelopeFailure(envelope.error);
    if (!('content' in record)) return failure('invalid', 'The bundle is damaged: it has no content.', { field: 'content' });
    const { content, checksum } = envelope.data;
    const verify = version === 1 ? () => checksumProblem(content, checksum.value, nestedFailure) : () => fileChecksumProblem(clean, options.bytes, checksum.value, options.bodyDigest);
    return finish(content, verify, envelope.data, options.onProgress);
  }
  if (record.encrypted === true) {
    const envelope = EncryptedEnvelopeSchema.safeParse(record);
    if (!envelope.success) return envelopeFailure(envelope.error);
    const passphrase = options.passphrase;
    if (passphrase === undefined || passphrase === '') return failure('needs-passphrase', MESSAGES.needsPassphrase);
    const { encryption, ciphertext } = envelope.data;
    const salt = base64ToBytes(encryption.keyDerivation.salt);
    const iv = base64ToBytes(encryption.iv);
    const sealed = base64ToBytes(ciphertext);
    if (!salt || !iv || !sealed) return failure('tampered', MESSAGES.tampered);
    options.onProgress?.({ phase: 'decrypting', done: 0, total: 1 });
    const plain = await decryptBytes({ salt, iv, iterations: encryption.keyDerivation.iterations, ciphertext: sealed }, passphrase);
    if (!plain) return failure('wrong-passphrase', MESSAGES.wrongPassphrase);
    // The plaintext is digested as it is (the writer encrypted the canonical text) while it is parsed and checked.
    const plainDigest = sha256HexOfBytes(plain);
    plainDigest.catch(() => {});
    let content: unknown;
    let decrypted: string;
    try {
      decrypted = new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch {
      return failure('tampered', MESSAGES.tampered);
    }
    const nestedContent = () => {
      const nesting = jsonNestingProblem(decrypted, 'The bundle');
      return nesting === null ? null : failure('invalid', nesting);
    };
    try {
      content = JSON.parse(decrypted);
    } catch {
      return nestedContent() ?? failure('tampered', MESSAGES.tampered);
    }
    const checksum = envelope.data.checksum.value;
    const verify = async () => {
      if (sameDigest(await plainDigest, checksum)) return null;
      // Version 1 took the checksum over the canonical content, which another writer may have encrypted in another form.
      return version === 1 ? checksumProblem(content, checksum, nestedContent) : failure('tampered', MESSAGES.tampered);
    };
    return finish(content, verify, envelope.data, options.onProgress);
  }
  return failure('invalid', 'The bundle is damaged: "encrypted" must be true or false.', { field: 'encrypted' });
}

async function finish(
  content: unknown,
  verify: () => Promise<OpenBundleResult | null>,
  head: { createdAt: string; appVersion: string; encrypted: boolean; trailHead?: TrailHead | undefined },
  onProgress: ((progress: BundleProgress) => void) | undefined,
): Promise<OpenBundleResult> {
  onProgress?.({ phase: 'checksum', done: 0, total: 1 });
  // The bytes are handed to WebCrypto here, before the records are checked below (an engine that
  // hashes off this thread does it meanwhile). A checksum that does not match still wins: a
  // changed file is reported as tampered, not by the first record that fails.
  const checksummed = verify();
  checksummed.catch(() => {});
  const parsed = checkContentInSteps(content, onProgress ?? (() => {}));
  const problem = await checksummed;
  if (problem) return problem;
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const first = issues[0];
    const message = `The bundle's content is not valid${first ? `: ${first.message}` : '.'}${issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''}`;
    return failure('invalid', message, { ...(first?.field === undefined ? {} : { field: first.field }), issues });
  }
  const data = parsed.data;
  return {
    ok: true,
    content: data,
    summary: {
      trailHead: head.trailHead ?? null,
      createdAt: head.createdAt,
      appVersion: head.appVersion,
      encrypted: head.encrypted,
      cycleId: data.cycle.id,
      cycleName: data.cycle.name,
      frameworks: data.frameworks.length,
      candidates: data.candidates.length,
      evidence: data.evidence.length,
      packets: data.packets.length,
    },
  };
}

/**
 * Whether a version-2 plain bundle is as it was written: it begins with
 * V2_PLAIN_PREFIX followed by the checksum's digits (after a byte-order
 * mark, which the writer never writes), and the checksum is SHA-256 of the
 * bytes after them. `bytes` are the file as read, digested where they lie (no
 * copy); without them the text is encoded (the same bytes, for a file that
 * was valid UTF-8).
 */
async function fileChecksumProblem(text: string, bytes: Uint8Array<ArrayBuffer> | undefined, checksum: string, bodyDigest?: Promise<string | null>): Promise<OpenBundleResult | null> {
  const head = `${V2_PLAIN_PREFIX}${checksum}`;
  if (!text.startsWith(head)) return failure('tampered', MESSAGES.tampered);
  const file = bytes ?? new TextEncoder().encode(text);
  const start = bomLength(file);
  // The bytes must begin as the text does (the prefix and the digits are ASCII: one byte a character).
  for (let i = 0; i < head.length; i++) if (file[start + i] !== head.charCodeAt(i)) return failure('tampered', MESSAGES.tampered);
  const digest = (bytes && (await bodyDigest?.catch(() => null))) || (await plainBodyDigest(file));
  return sameDigest(digest, checksum) ? null : failure('tampered', MESSAGES.tampered);
}

/**
 * Whether `content` matches the checksum, taken over its canonical JSON (version 1).
 * A bundle this app wrote carries its content with sorted keys, so the
 * engine's own `JSON.stringify` of the parsed content already is that
 * canonical text: hashing it skips a walk over every value in script (most
 * of the time of opening a large bundle). The same digest means the same
 * text, so the content is the one the checksum was taken over. Only when it
 * does not match (keys in another order, or a changed file) is the content
 * written canonically and hashed again.
 */
async function checksumProblem(content: unknown, checksum: string, nestedFailure: () => OpenBundleResult | null): Promise<OpenBundleResult | null> {
  let quick: Uint8Array<ArrayBuffer> | undefined;
  try {
    // The bytes of JSON.stringify(content), a row at a time (canonical-json.ts jsonUtf8 says why).
    quick = jsonUtf8(content);
  } catch {
    // Nested too deep for the engine's stack: the canonical writer below refuses it by its depth limit.
  }
  if (quick !== undefined && sameDigest(await sha256HexOfBytes(quick), checksum)) return null;
  const nested = nestedFailure();
  if (nested) return nested;
  let canonical: string;
  try {
    canonical = canonicalJson(content);
  } catch {
    return failure('tampered', MESSAGES.tampered);
  }
  return sameDigest(await sha256Hex(canonical), checksum) ? null : failure('tampered', MESSAGES.tampered);
}

/** The row schemas of a content, the many-rowed ones with their compiled fast path (row-parsers.ts): the same answers, a few times faster. */
const rowCollections = () => {
  const compiled = compiledRowSchemas();
  return [
    ['frameworks', FrameworkSchema],
    ['candidates', compiled.candidates],
    ['evidence', compiled.evidence],
    ['packets', compiled.packets],
  ] as const;
};
const PROGRESS_EVERY = 250;

/**
 * `BundleContentSchema.safeParse` one row at a time, telling progress every
 * few hundred rows. Any failure falls back to the one-piece parse, so the
 * issues (and their order) are exactly those of the plain check.
 */
function checkContentInSteps(content: unknown, onProgress: (progress: BundleProgress) => void): ReturnType<typeof BundleContentSchema.safeParse> {
  const whole = () => BundleContentSchema.safeParse(content);
  if (typeof content !== 'object' || content === null) return whole();
  const record = content as Record<string, unknown>;
  const collections = rowCollections();
  const rows = collections.map(([key]) => record[key]);
  if (!rows.every(Array.isArray)) return whole();
  const total = 1 + (rows as unknown[][]).reduce((sum, r) => sum + r.length, 0);
  const cycle = CycleSchema.safeParse(record.cycle);
  if (!cycle.success) return whole();
  let done = 1;
  const out: Record<string, unknown[]> = {};
  for (const [i, [key, schema]] of collections.entries()) {
    const parsedRows: unknown[] = [];
    for (const row of rows[i] as unknown[]) {
      const one = (schema as z.ZodType).safeParse(row);
      if (!one.success) return whole();
      parsedRows.push(one.data);
      if (++done % PROGRESS_EVERY === 0) onProgress({ phase: 'checking', done, total });
    }
    out[key] = parsedRows;
  }
  const data = { cycle: cycle.data, ...out } as z.output<typeof BundleContentShape>;
  if (contentReferenceIssues(data).length > 0) return whole();
  onProgress({ phase: 'checking', done: total, total });
  return { success: true, data } as ReturnType<typeof BundleContentSchema.safeParse>;
}

function envelopeFailure(error: z.ZodError): OpenBundleResult {
  const issues = zodIssues(error);
  const first = issues[0];
  return failure('invalid', `The bundle is damaged${first ? `: ${first.message}` : '.'}`, { ...(first?.field === undefined ? {} : { field: first.field }), issues });
}

/**
 * JSON that does not parse is either cut off (the first error is at the very
 * end, or inside the last bare number or literal) or something else: a bundle
 * that was edited by hand, or not a bundle at all.
 */
function syntaxFailure(text: string): OpenBundleResult {
  const trimmed = text.trimEnd();
  const startsLikeObject = trimmed.trimStart().startsWith('{');
  const offset = jsonSyntaxErrorOffset(trimmed);
  if (startsLikeObject && offset >= 0) {
    const tail = /[A-Za-z0-9.+-]+$/.exec(trimmed);
    if (offset >= trimmed.length || (tail !== null && offset >= tail.index)) return failure('truncated', MESSAGES.truncated);
  }
  const line = offset < 0 ? null : lineAt(trimmed, offset);
  const where = line === null ? '' : ` (line ${line})`;
  if (startsLikeObject && trimmed.includes(`"${BUNDLE_FORMAT}"`)) {
    return failure('tampered', `The bundle is damaged: it is not valid JSON${where}. It may have been edited or corrupted; ask for a fresh export.`);
  }
  return failure('not-a-bundle', `This is not a Levelset bundle: the file is not valid JSON${where}.`);
}

/**
 * UTF-8 length without allocating the encoded copy (a bundle may be tens of
 * megabytes): the engine's encoder writes the text a slice at a time into one
 * small buffer and says how many bytes each slice took. A slice never ends
 * between the two halves of a surrogate pair, so the count is exact.
 */
function utf8Length(text: string): number {
  const SLICE = 1 << 16;
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(SLICE * 3 + 3);
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + SLICE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    bytes += encoder.encodeInto(text.slice(i, end), buffer).written;
    i = end;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
