/**
 * Import of the progression-framework format (Markdown with YAML front matter,
 * as used by monzo/progression-framework and its many forks).
 *
 * The front matter carries `levels` (a count), and `topics[]`, each with a
 * `name`, an optional `title` and `content[]` entries of `{ level, criteria[],
 * exampleCriteria[]: { criteria, examples[] } }`; the Markdown after it is
 * prose. A file becomes one IC track with levels L1..LN, one competency per
 * topic, and one criterion per listed criterion (example criteria keep their
 * examples). The prose becomes the framework description.
 *
 * Ids are derived from the lineage id, the topic, the level and the position
 * in that level's list, so importing the same file again yields the same ids
 * and evidence linked to an earlier import still points at the same criteria.
 * Plain criteria and example criteria are numbered separately (`-07` and
 * `-x02`), so adding an example criterion does not renumber the others.
 *
 * Choices for what the format leaves open:
 * - a level listed twice within one topic is merged (criteria in file order)
 *   with a warning, since forks do this by accident and nothing is ambiguous;
 * - a level above the declared `levels` count raises the count, with a
 *   warning: real files do this (a public framework declares 5 levels and
 *   uses 2 to 6), and the criteria written for a level are what matter;
 * - a missing `levels` count is inferred from the highest level used, with a
 *   warning;
 * - empty criteria are skipped with a warning; topics and levels without
 *   criteria are kept, with a warning.
 */
import { z } from 'zod';
import { FrameworkSchema, type FrameworkInput } from '../domain/framework';
import {
  fail,
  fieldPath,
  issueMessage,
  sizeLimitError,
  stripBom,
  type FrameworkImportResult,
  type ImportIssue,
} from './import-result';
import { readYaml } from './yaml-lines';
import { asciiSlug } from '../util/file-name';

export { previewOf, type FrameworkPreview, type FrameworkPreviewLevel } from './preview';
export { MAX_FRAMEWORK_FILE_BYTES, type FrameworkImportResult, type ImportIssue } from './import-result';

/** More levels than any ladder has; guards against `level: 1000000` creating a million levels. */
export const MAX_PROGRESSION_LEVELS = 100;

export interface ProgressionImportOptions {
  /** Framework name when the front matter has no title (usually taken from the file name). */
  fallbackName?: string;
  /** The file's name, recorded in `source`. */
  fileName?: string;
  /** Lineage to import into. Default: derived from the front matter `path`, `title` or the fallback name. */
  lineageId?: string;
  /** Id of the imported version. Default: `<lineageId>-v<version>`. */
  frameworkId?: string;
  /** Default 1. */
  version?: number;
  /** Timestamp for createdAt/updatedAt. Default: now. */
  at?: string;
}

// ── Raw front matter ─────────────────────────────────────────────────────

function describe(input: unknown): string {
  if (input === undefined || input === null) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return String(input);
}

/** Text fields: YAML turns `name: 2024` into a number, which is still a fine name. */
const Text = z
  .union([z.string(), z.number(), z.boolean()], { error: (iss) => `expected text, got ${describe(iss.input)}` })
  .transform((v) => String(v));

/** Some forks quote numbers (`level: "3"`); a string of digits is read as the number. */
const numeric = (value: unknown) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value);

const LevelNumber = z.preprocess(
  numeric,
  z
    .number({ error: (iss) => `expected a level number, got ${describe(iss.input)}` })
    .int({ error: (iss) => `expected a whole level number, got ${describe(iss.input)}` })
    .min(1, { error: 'levels are numbered from 1' })
    .max(MAX_PROGRESSION_LEVELS, { error: `at most ${MAX_PROGRESSION_LEVELS} levels are supported` }),
);

const ExampleCriterionSchema = z
  .object(
    {
      criteria: Text.nullish(),
      examples: z.array(Text.nullable(), { error: (iss) => `expected a list of examples, got ${describe(iss.input)}` }).nullish(),
    },
    { error: (iss) => `expected an example criterion (criteria, examples), got ${describe(iss.input)}` },
  )
  .loose();

const ContentSchema = z
  .object(
    {
      level: LevelNumber,
      criteria: z.array(Text.nullable(), { error: (iss) => `expected a list of criteria, got ${describe(iss.input)}` }).nullish(),
      exampleCriteria: z
        .array(ExampleCriterionSchema, { error: (iss) => `expected a list of example criteria, got ${describe(iss.input)}` })
        .nullish(),
    },
    { error: (iss) => `expected a level entry (level, criteria, exampleCriteria), got ${describe(iss.input)}` },
  )
  .loose();

const TopicSchema = z
  .object(
    {
      name: Text.nullish(),
      title: Text.nullish(),
      content: z.array(ContentSchema, { error: (iss) => `expected a list of level entries, got ${describe(iss.input)}` }).nullish(),
    },
    { error: (iss) => `expected a topic (name, title, content), got ${describe(iss.input)}` },
  )
  .loose();

/** The front matter as written; unknown keys (path, sidebarGroup, homepage…) are allowed and ignored. */
export const ProgressionFrontMatterSchema = z
  .object({
    title: Text.nullish(),
    sidebarTitle: Text.nullish(),
    path: Text.nullish(),
    levels: z.preprocess(
      numeric,
      z
        .number({ error: (iss) => `expected the number of levels, got ${describe(iss.input)}` })
        .int({ error: (iss) => `expected a whole number of levels, got ${describe(iss.input)}` })
        .min(1, { error: 'a framework needs at least 1 level' })
        .max(MAX_PROGRESSION_LEVELS, { error: `at most ${MAX_PROGRESSION_LEVELS} levels are supported` })
        .nullish(),
    ),
    topics: z.array(TopicSchema, {
      error: (iss) =>
        iss.input === undefined || iss.input === null
          ? 'missing: the front matter needs a list of topics'
          : `expected a list of topics, got ${describe(iss.input)}`,
    }),
  })
  .loose();
export type ProgressionFrontMatter = z.infer<typeof ProgressionFrontMatterSchema>;

// ── Names and ids ────────────────────────────────────────────────────────

// Emoji with their joiners, variation selectors and keycaps, and whitespace.
// The joiners are alternatives, not class members, so no class mixes a
// combining character with a base character.
const DECORATION = '(?:[\\s\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}]|\\u200d|\\ufe0e|\\ufe0f|\\u20e3)+';
const LEADING_DECORATION = new RegExp(`^${DECORATION}`, 'u');
const TRAILING_DECORATION = new RegExp(`${DECORATION}$`, 'u');

/** "🛠️ Backend Engineering Framework" → "Backend Engineering Framework". Keeps emoji inside the text. */
export function stripDecoration(text: string): string {
  return text.replace(LEADING_DECORATION, '').replace(TRAILING_DECORATION, '').replace(/\s+/g, ' ').trim();
}

/** "communication" → "Communication"; "comms & feedback" → "Comms & feedback". Punctuation is kept. */
export function prettifyTopicName(name: string): string {
  const clean = stripDecoration(name);
  const first = clean.codePointAt(0);
  if (first === undefined) return '';
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + clean.slice(head.length);
}

/** "frameworks/backend-engineering.md" → "Backend engineering". */
export function nameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').replace(/[-_]+/g, ' ');
  return prettifyTopicName(stem);
}

/** Lower-case ASCII slug for ids; accents folded, everything else becomes '-' (the one rule, asciiSlug). */
export function slugify(text: string, maxLength = 48): string {
  return asciiSlug(text, maxLength);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// ── Front matter ─────────────────────────────────────────────────────────

interface FrontMatterParts {
  yaml: string;
  /** 1-based line of the first YAML line in the file. */
  yamlFirstLine: number;
  body: string;
}

function splitFrontMatter(text: string): FrontMatterParts | ImportIssue {
  const lines = text.split(/\r?\n/);
  let open = 0;
  while (open < lines.length && (lines[open] ?? '').trim() === '') open++;
  if (open >= lines.length || (lines[open] ?? '').trimEnd() !== '---') {
    return {
      message:
        'No front matter: a progression-framework file starts with a line of three dashes (---), then YAML with `levels` and `topics`, then another --- line. ' +
        'A Markdown file exported from Levelset is for reading and does not import back: import the same framework’s JSON export instead.',
      line: Math.min(open + 1, lines.length),
    };
  }
  for (let close = open + 1; close < lines.length; close++) {
    const l = (lines[close] ?? '').trimEnd();
    if (l === '---' || l === '...') {
      return {
        yaml: lines.slice(open + 1, close).join('\n'),
        yamlFirstLine: open + 2,
        body: lines.slice(close + 1).join('\n'),
      };
    }
  }
  return {
    message: `The front matter opened on line ${open + 1} is never closed: add a line with --- after the YAML.`,
    line: open + 1,
  };
}

// ── Import ───────────────────────────────────────────────────────────────

/** One topic's criteria at one level, with their ids already assigned. */
interface LevelBucket {
  criteria: Array<{ id: string; text: string; examples: string[] }>;
  /**
   * Running positions of plain and example criteria. They count skipped
   * empties too, so filling in an empty entry later does not shift the ids
   * of the entries after it.
   */
  nextCriterion: number;
  nextExample: number;
}

/** Whether a topic's title spells its name in words ("&" read as "and"), or starts with it as a whole word. */
function titleSpellsName(title: string, name: string): boolean {
  const words = slugify(title.replace(/&/g, ' and '));
  const slug = slugify(name.replace(/&/g, ' and '));
  return slug !== '' && (words === slug || words.startsWith(`${slug}-`));
}

export function importProgressionFramework(text: string, options: ProgressionImportOptions = {}): FrameworkImportResult {
  const tooLarge = sizeLimitError(text);
  if (tooLarge) return fail([tooLarge]);

  const parts = splitFrontMatter(stripBom(text));
  if ('message' in parts) return fail([parts]);
  const { yaml, yamlFirstLine, body } = parts;

  const read = readYaml(yaml);
  if (!read.ok) return fail([{ message: `Malformed YAML: ${read.error.message}`, line: read.error.line + yamlFirstLine - 1 }]);
  const warnings: ImportIssue[] = read.warnings.map((w) => ({ message: `YAML: ${w.message}`, line: w.line + yamlFirstLine - 1 }));
  const raw = read.value;
  if (raw === null || raw === undefined) {
    return fail([{ message: 'The front matter is empty: it needs `levels` and `topics`.', line: yamlFirstLine }]);
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return fail([{ message: 'The front matter must be a YAML mapping with `levels` and `topics`.', line: yamlFirstLine }]);
  }

  const lineOf = (path: ReadonlyArray<PropertyKey>) => {
    const line = read.lineOf(path);
    return line === undefined ? undefined : line + yamlFirstLine - 1;
  };
  const parsed = ProgressionFrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const field = fieldPath(issue.path);
        const line = lineOf(issue.path);
        return { message: `${field || 'front matter'}: ${issueMessage(issue)}`, field: field || undefined, ...(line ? { line } : {}) };
      }),
    );
  }
  const fm = parsed.data;
  const errors: ImportIssue[] = [];

  // ── How many levels ──
  let highest = 0;
  fm.topics.forEach((t) => t.content?.forEach((c) => (highest = Math.max(highest, c.level))));
  let levelCount: number;
  if (fm.levels === null || fm.levels === undefined) {
    if (highest === 0) {
      return fail([{ message: 'levels: the front matter has no `levels` count and no topic lists any level.', field: 'levels', line: yamlFirstLine }]);
    }
    levelCount = highest;
    warnings.push({ message: `levels: no \`levels\` count in the front matter; using the highest level listed (${highest}).`, field: 'levels' });
  } else if (highest > fm.levels) {
    levelCount = highest;
    warnings.push({
      message: `levels: the front matter declares ${fm.levels} levels but the topics use levels up to ${highest}; imported ${highest} levels, taken from the content. Check the levels in the preview.`,
      field: 'levels',
      line: lineOf(['levels']) ?? yamlFirstLine,
    });
  } else {
    levelCount = fm.levels;
  }

  // ── Names and lineage ──
  const title = stripDecoration(fm.title ?? '');
  const sidebarTitle = stripDecoration(fm.sidebarTitle ?? '');
  const name = title || sidebarTitle || stripDecoration(options.fallbackName ?? '') || 'Imported framework';
  const lineageId =
    options.lineageId ?? `pf-${slugify(fm.path ?? '', 80) || slugify(title || sidebarTitle, 80) || slugify(options.fallbackName ?? '', 80) || 'framework'}`;
  const version = options.version ?? 1;
  const frameworkId = options.frameworkId ?? `${lineageId}-v${version}`;
  const trackId = `${lineageId}-track`;
  const levelId = (n: number) => `${lineageId}-level-${n}`;

  // ── Topics → competencies, content → buckets per level ──
  const competencies: FrameworkInput['competencies'] = [];
  const topicBuckets: Array<{ competencyId: string; slug: string; byLevel: Map<number, LevelBucket> }> = [];
  const seenNames = new Map<string, number>();
  const usedSlugs = new Set<string>();

  fm.topics.forEach((topic, ti) => {
    const rawName = (topic.name ?? '').trim() || (topic.title ?? '').trim();
    const compName = prettifyTopicName(rawName);
    if (!compName) {
      errors.push({ message: `topics[${ti}].name: a topic needs a name (name and title are both empty).`, field: `topics[${ti}].name`, line: lineOf(['topics', ti]) });
      return;
    }
    const key = compName.toLowerCase();
    const earlier = seenNames.get(key);
    if (earlier !== undefined) {
      errors.push({
        message: `topics[${ti}].name: topic "${compName}" is listed twice (also topics[${earlier}]); merge the two or rename one.`,
        field: `topics[${ti}].name`,
        line: lineOf(['topics', ti, 'name']),
      });
      return;
    }
    seenNames.set(key, ti);

    let slug = slugify(rawName) || `topic-${ti + 1}`;
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${slugify(rawName) || 'topic'}-${n}`;
    usedSlugs.add(slug);

    const competencyId = `${lineageId}-comp-${slug}`;
    // A title that spells the name in words is the name as people read it ("Technical skills" for `name: technical-skills`,
    // which showed as "Technical-skills"; "Scope & Complexity" for `scope-and-complexity`; "Expertise & mentoring" for
    // `expertise`, a title that starts with the name); any other title describes the topic. The id still comes from `name`, so a
    // re-import of the same file links up with evidence already linked to its criteria.
    const titleText = stripDecoration(topic.title ?? '');
    const shownName = titleText && titleSpellsName(titleText, rawName) ? prettifyTopicName(titleText) : compName;
    competencies.push({
      id: competencyId,
      name: shownName,
      description: titleText && titleText.toLowerCase() !== shownName.toLowerCase() ? titleText : '',
    });

    const byLevel = new Map<number, LevelBucket>();
    const firstEntryOfLevel = new Map<number, number>();
    const content = topic.content ?? [];
    if (content.length === 0) {
      warnings.push({ message: `topics[${ti}].content: topic "${compName}" has no criteria at any level.`, field: `topics[${ti}].content`, line: lineOf(['topics', ti]) });
    }

    content.forEach((entry, ci) => {
      const base = `topics[${ti}].content[${ci}]`;
      let bucket = byLevel.get(entry.level);
      if (bucket) {
        warnings.push({
          message: `${base}.level: level ${entry.level} appears more than once in topic "${compName}" (first at content[${firstEntryOfLevel.get(entry.level)}]); their criteria were merged.`,
          field: `${base}.level`,
          line: lineOf(['topics', ti, 'content', ci, 'level']),
        });
      } else {
        bucket = { criteria: [], nextCriterion: 1, nextExample: 1 };
        byLevel.set(entry.level, bucket);
        firstEntryOfLevel.set(entry.level, ci);
      }
      const b = bucket;
      const idBase = `${lineageId}-crit-${slug}-l${entry.level}`;

      (entry.criteria ?? []).forEach((criterion, k) => {
        const position = b.nextCriterion++;
        const textValue = (criterion ?? '').trim();
        const field = `${base}.criteria[${k}]`;
        if (!textValue) {
          warnings.push({ message: `${field}: empty criterion skipped.`, field, line: lineOf(['topics', ti, 'content', ci, 'criteria', k]) });
          return;
        }
        b.criteria.push({ id: `${idBase}-${pad(position)}`, text: textValue, examples: [] });
      });

      (entry.exampleCriteria ?? []).forEach((example, k) => {
        const position = b.nextExample++;
        const textValue = (example.criteria ?? '').trim();
        const field = `${base}.exampleCriteria[${k}].criteria`;
        const examples = (example.examples ?? []).map((e) => (e ?? '').trim()).filter((e) => e !== '');
        if (!textValue) {
          warnings.push({
            message: `${field}: example criterion without text skipped${examples.length ? ` (and its ${examples.length} example${examples.length === 1 ? '' : 's'})` : ''}.`,
            field,
            line: lineOf(['topics', ti, 'content', ci, 'exampleCriteria', k]),
          });
          return;
        }
        b.criteria.push({ id: `${idBase}-x${pad(position)}`, text: textValue, examples });
      });
    });

    topicBuckets.push({ competencyId, slug, byLevel });
  });

  if (errors.length > 0) return fail(errors);

  // ── Levels and criteria, in ladder order then topic order ──
  const levels: FrameworkInput['levels'] = [];
  const criteria: FrameworkInput['criteria'] = [];
  for (let n = 1; n <= levelCount; n++) {
    levels.push({ id: levelId(n), trackId, code: `L${n}`, title: `Level ${n}`, order: n - 1 });
    const before = criteria.length;
    for (const topic of topicBuckets) {
      const bucket = topic.byLevel.get(n);
      if (!bucket) continue;
      for (const c of bucket.criteria) criteria.push({ ...c, levelId: levelId(n), competencyId: topic.competencyId });
    }
    if (criteria.length === before) warnings.push({ message: `Level ${n} has no criteria in any topic.`, field: 'levels' });
  }

  const at = options.at ?? new Date().toISOString();
  const candidate: FrameworkInput = {
    id: frameworkId,
    lineageId,
    version,
    name,
    description: body.trim(),
    source: `Imported from ${options.fileName ?? 'a progression-framework file'} (progression-framework format)`,
    builtIn: false,
    frozen: false,
    createdAt: at,
    updatedAt: at,
    tracks: [{ id: trackId, name: sidebarTitle || name, kind: 'ic', description: '' }],
    levels,
    competencies,
    criteria,
    equivalences: [],
    roles: [],
  };
  const checked = FrameworkSchema.safeParse(candidate);
  if (!checked.success) {
    return fail(checked.error.issues.map((issue) => ({ message: `${fieldPath(issue.path) || 'framework'}: ${issueMessage(issue)}`, field: fieldPath(issue.path) })));
  }
  return { ok: true, framework: checked.data, warnings };
}
