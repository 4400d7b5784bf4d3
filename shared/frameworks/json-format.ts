/**
 * Levelset's own framework file: `{ format, schemaVersion, exportedAt, framework }`.
 *
 * The export is pretty-printed with a fixed key order, so exporting the same
 * framework twice gives the same bytes and two exports diff cleanly in git or
 * a review tool. The import trusts nothing: the envelope and the framework are
 * validated with zod (errors name the field path), a file from a newer
 * Levelset is refused rather than half-read, and cross-row references
 * (duplicate ids, unknown levels, tracks and competencies) are checked before
 * anything reaches the database.
 */
import { z } from 'zod';
import {
  CompetencySchema,
  CriterionSchema,
  EquivalenceSchema,
  FrameworkSchema,
  LevelSchema,
  RoleSchema,
  TrackSchema,
  type Framework,
} from '../domain/framework';
import { IsoTimestampSchema } from '../domain/ids';
import { jsonNestingProblem } from '../util/refusal';
import { fail, fieldPath, issueMessage, lineAt, sizeLimitError, stripBom, type FrameworkImportResult, type ImportIssue } from './import-result';
import { validateFramework } from './validate';
import { errorMessage } from '../util/error-message';

export const FRAMEWORK_FILE_FORMAT = 'levelset.framework';
/** Bump when the file layout changes in a way older versions cannot read. */
export const FRAMEWORK_FILE_SCHEMA_VERSION = 1;

export interface FrameworkFile {
  format: typeof FRAMEWORK_FILE_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  framework: Framework;
}

// ── Export ───────────────────────────────────────────────────────────────

const FRAMEWORK_KEYS = [
  'id',
  'lineageId',
  'version',
  'name',
  'description',
  'source',
  'builtIn',
  'frozen',
  'createdAt',
  'updatedAt',
  'tracks',
  'levels',
  'competencies',
  'criteria',
  'equivalences',
  'roles',
];

const ROW_KEYS: Record<string, string[]> = {
  tracks: Object.keys(TrackSchema.shape),
  levels: Object.keys(LevelSchema.shape),
  competencies: Object.keys(CompetencySchema.shape),
  criteria: Object.keys(CriterionSchema.shape),
  equivalences: Object.keys(EquivalenceSchema.shape),
  roles: Object.keys(RoleSchema.shape),
};

/** Copies `obj` with `keys` first in that order, then any other keys sorted (fields added later still export). */
function ordered(obj: object, keys: readonly string[]): Record<string, unknown> {
  const source = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in source && source[k] !== undefined) out[k] = source[k];
  for (const k of Object.keys(source).sort()) if (!(k in out) && source[k] !== undefined) out[k] = source[k];
  return out;
}

export function exportFrameworkJson(framework: Framework, exportedAt: string): string {
  const body = ordered(framework, FRAMEWORK_KEYS);
  for (const [collection, keys] of Object.entries(ROW_KEYS)) {
    const rows = body[collection];
    if (Array.isArray(rows)) body[collection] = rows.map((row: object) => ordered(row, keys));
  }
  const file = { format: FRAMEWORK_FILE_FORMAT, schemaVersion: FRAMEWORK_FILE_SCHEMA_VERSION, exportedAt, framework: body };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ── Import ───────────────────────────────────────────────────────────────

/**
 * Offset of the first JSON syntax error. `JSON.parse` on Node 20 does not
 * always say where it failed ("Unexpected token '}', ... is not valid JSON"),
 * and a line number is what the user needs, so this walks the text once.
 */
export function jsonSyntaxErrorOffset(text: string): number {
  let i = 0;
  const stop = (): never => {
    throw new JsonStop(i);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 34) {
        i++;
        return;
      }
      if (ch === 92) i += 2;
      else if (ch < 32) stop();
      else i++;
    }
    stop();
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') stop();
        str();
        ws();
        if (text[i] !== ':') stop();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else stop();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else stop();
      }
    }
    if (ch === '"') return str();
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    stop();
  };
  try {
    value();
    ws();
    if (i < text.length) stop();
    return -1;
  } catch (e) {
    return e instanceof JsonStop ? Math.min(e.at, text.length) : -1;
  }
}

class JsonStop {
  constructor(readonly at: number) {}
}

const EnvelopeSchema = z.object({
  format: z.literal(FRAMEWORK_FILE_FORMAT, { error: 'expected "levelset.framework"' }),
  schemaVersion: z.number({ error: 'expected a schema version number' }).int({ error: 'expected a whole schema version number' }).min(1),
  exportedAt: IsoTimestampSchema,
  framework: z.unknown(),
});

function zodIssues(error: z.ZodError, prefix: string): ImportIssue[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path, prefix);
    return { message: `${field}: ${issueMessage(issue)}`, field };
  });
}

export function importFrameworkJson(text: string): FrameworkImportResult {
  const tooLarge = sizeLimitError(text);
  if (tooLarge) return fail([tooLarge]);
  const clean = stripBom(text);

  // Before parsing: deep nesting would overflow the stack of the schema checks after it.
  const nesting = jsonNestingProblem(clean, 'The file');
  if (nesting !== null) return fail([{ message: nesting }]);

  let raw: unknown;
  try {
    raw = JSON.parse(clean);
  } catch (e) {
    const offset = jsonSyntaxErrorOffset(clean);
    const line = lineAt(clean, offset < 0 ? clean.length : offset);
    const detail = errorMessage(e);
    return fail([{ message: `Not valid JSON: ${detail}`, line }]);
  }

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail([{ message: 'This is not a Levelset framework file: expected a JSON object with "format": "levelset.framework".' }]);
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== FRAMEWORK_FILE_FORMAT) {
    return fail([
      {
        message:
          record.format === undefined
            ? 'format: missing; this is not a Levelset framework file (expected "format": "levelset.framework").'
            : `format: "${String(record.format)}" is not a Levelset framework file (expected "levelset.framework").`,
        field: 'format',
      },
    ]);
  }
  if (typeof record.schemaVersion === 'number' && record.schemaVersion > FRAMEWORK_FILE_SCHEMA_VERSION) {
    return fail([
      {
        message: `schemaVersion: this file was made by a newer version of Levelset (file schema ${record.schemaVersion}; this version reads up to ${FRAMEWORK_FILE_SCHEMA_VERSION}). Update Levelset to import it.`,
        field: 'schemaVersion',
      },
    ]);
  }
  const envelope = EnvelopeSchema.safeParse(record);
  if (!envelope.success) return fail(zodIssues(envelope.error, ''));

  const parsed = FrameworkSchema.safeParse(envelope.data.framework);
  if (!parsed.success) return fail(zodIssues(parsed.error, 'framework'));
  const framework = parsed.data;

  const issues = validateFramework(framework);
  const toImportIssue = (i: (typeof issues)[number]): ImportIssue => ({ message: `framework.${i.path}: ${i.message}`, field: `framework.${i.path}` });
  const errors = issues.filter((i) => i.severity === 'error').map(toImportIssue);
  if (errors.length > 0) return fail(errors);
  return { ok: true, framework, warnings: issues.filter((i) => i.severity === 'warning').map(toImportIssue) };
}
