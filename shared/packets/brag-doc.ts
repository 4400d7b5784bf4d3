/**
 * Turns a pasted brag document (Markdown bullets, optionally dated) into
 * evidence drafts, one per top-level bullet, for the manager to review
 * before saving. Nothing here saves anything.
 *
 * - Bullets: "-", "*", "+", "1." and "1)"; task-list boxes ("- [x]") are
 *   dropped. Bullets indented under another, and indented continuation lines,
 *   go into the parent's description. Other lines are ignored, except
 *   headings, which set the date for the bullets below them.
 * - Dates, first one found in the bullet wins, then the nearest dated
 *   heading above, then `defaultDate`: "2026-03-14", "14 Mar 2026",
 *   "Mar 14, 2026", "March 2026" and "2026-03" (first of the month),
 *   "Q2 2026", "2026 Q2" and "2026-Q2" (the first day of the quarter: what
 *   matters downstream is the quarter, and its first day is the one date
 *   every reader can reconstruct). A heading of just a year ("# 2026") lets
 *   month-only headings below it ("## March") name a month.
 * - Links: http(s) URLs, bare or as [text](url) / <url>, checked by the
 *   same parser-based rule as links leaving the app; anything else (a
 *   javascript: or file: link) is dropped with a warning.
 * - Like the framework importers, it never throws on bad input; it returns
 *   the items and warnings, or an error when the paste is over the limits.
 */
import type { EvidenceKind } from '../domain/evidence';
import { DATE_YEARS, dateProblem, isAcceptedDate, quarterStart } from '../util/dates';
import { isSafeExternalUrl } from '../util/trusted-url';
import { capitaliseSentence } from '../util/capitalise';

/** Largest paste accepted, in bytes of UTF-8. */
export const MAX_BRAG_DOC_BYTES = 1024 * 1024;
/** Most items one paste may produce; more is a whole archive, to be split. */
export const MAX_BRAG_DOC_ITEMS = 500;
/** Evidence titles are capped at 300 characters (EvidenceSchema). */
const MAX_TITLE = 300;
const MAX_DESCRIPTION = 20_000;
const MAX_LINK = 2_000;

export type BragDateSource = 'bullet' | 'heading' | 'default';

export interface BragItem {
  title: string;
  description: string;
  /** ISO date. */
  date: string;
  dateSource: BragDateSource;
  kind: EvidenceKind;
  /** http(s) links only, deduplicated, in order of appearance. */
  links: string[];
  /** 1-based line of the bullet. */
  line: number;
}

export interface BragWarning {
  line: number;
  message: string;
}

export type BragParseResult = { ok: true; items: BragItem[]; warnings: BragWarning[] } | { ok: false; error: string };

export interface BragParseOptions {
  /** Date for bullets with no date of their own and no dated heading, ISO `YYYY-MM-DD`. */
  defaultDate: string;
  /**
   * A stored `YYYY-MM-DD` date as a warning names it: the app's one date
   * format on screen (the renderer's formatDate; shared/ has no locale). Text
   * quoted from the paste ("3/4/2026") is quoted as typed, so the manager can
   * find it there.
   */
  showDate: (isoDate: string) => string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The ISO form of a year, month and day, whether or not such a day exists (the date rule judges it). */
function isoCandidate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** A date the shared date rule accepts (real, in the accepted years), as ISO, or null. */
function isoDate(year: number, month: number, day: number): string | null {
  const iso = isoCandidate(year, month, day);
  return isAcceptedDate(iso) ? iso : null;
}

interface DateRule {
  pattern: RegExp;
  /** The date as ISO, possibly one that does not exist or is out of range ("2026-02-30", "1900-03-14"). */
  toIso: (m: RegExpExecArray) => string;
  /** Why the text cannot be read as one date, beyond the date rule ("3/4/2026" is 3 April or March 4). */
  problemOf?: (m: RegExpExecArray) => string | null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "28/3/2026" and "3/28/2026" (also with dots or dashes): day first or month
 * first is told by the number over 12; "3/4/2026" could be either, so it is
 * not guessed (problemOf says so). The same number twice is the same date both ways.
 */
function dayMonthYear(m: RegExpExecArray): { iso: string; ambiguous: boolean } {
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (a > 12 && b <= 12) return { iso: isoCandidate(year, b, a), ambiguous: false };
  return { iso: isoCandidate(year, a, b), ambiguous: a !== b && a <= 12 && b <= 12 };
}

/** In order of preference when two match at the same position. */
const DATE_RULES: readonly DateRule[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/gi, toIso: (m) => isoCandidate(Number(m[1]), Number(m[2]), Number(m[3])) },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'gi'),
    toIso: (m) => isoCandidate(Number(m[3]), monthIndex(m[2] ?? ''), Number(m[1])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gi'),
    toIso: (m) => isoCandidate(Number(m[3]), monthIndex(m[1] ?? ''), Number(m[2])),
  },
  { pattern: new RegExp(String.raw`\b${MONTH},?\s+(\d{4})\b`, 'gi'), toIso: (m) => isoCandidate(Number(m[2]), monthIndex(m[1] ?? ''), 1) },
  {
    pattern: /\bQ([1-4])\s*[-/]?\s*(\d{4})\b|\b(\d{4})\s*[-/]?\s*Q([1-4])\b/gi,
    toIso: (m) => quarterStart({ year: Number(m[2] ?? m[3]), q: Number(m[1] ?? m[4]) }),
  },
  { pattern: /\b(\d{4})-(\d{2})\b(?!-\d)/gi, toIso: (m) => isoCandidate(Number(m[1]), Number(m[2]), 1) },
  { pattern: /\b(\d{4})([/.])(\d{1,2})\2(\d{1,2})\b/g, toIso: (m) => isoCandidate(Number(m[1]), Number(m[3]), Number(m[4])) },
  {
    pattern: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g,
    toIso: (m) => dayMonthYear(m).iso,
    problemOf: (m) => {
      if (!dayMonthYear(m).ambiguous) return null;
      const [a, b] = [Number(m[1]), Number(m[2])];
      return `it could be ${a} ${MONTH_NAMES[b - 1]} or ${MONTH_NAMES[a - 1]} ${b}. Write it as YYYY-MM-DD.`;
    },
  },
];

/** "Q9 2026", "2026 Q0": written as a quarter, but there is no such quarter. */
const NOT_A_QUARTER = /\bQ([05-9])\s*[-/]?\s*(\d{4})\b|\b(\d{4})\s*[-/]?\s*Q([05-9])\b/i;

interface FoundDate {
  /** The date, when the shared date rule accepts it. */
  iso: string | null;
  /** Why the date rule refuses it, when it looks like a date but is not one Levelset accepts. */
  problem: string | null;
  raw: string;
  index: number;
}

/** "2026-13-45": the ISO shape with a year Levelset takes, whatever its month and day. */
function looksLikeIsoDate(raw: string): boolean {
  const shape = /^(\d{4})-\d{2}-\d{2}$/.exec(raw);
  return shape !== null && Number(shape[1]) >= DATE_YEARS.min && Number(shape[1]) <= DATE_YEARS.max;
}

/**
 * The earliest date-like text; `iso` is null and `problem` says why when it
 * looks like a date but the shared date rule refuses it (2026-02-30, 1900-03-14, Q9 2026).
 * A numeric match whose month is not a month ("1234-56") is a number, not a mistyped date.
 */
function findDate(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const rule of DATE_RULES) {
    rule.pattern.lastIndex = 0;
    const m = rule.pattern.exec(text);
    if (!m) continue;
    if (best !== null && m.index >= best.index) continue;
    const candidate = rule.toIso(m);
    const problem = dateProblem(candidate) ?? rule.problemOf?.(m) ?? null;
    const month = Number(candidate.slice(5, 7));
    // Written as YYYY-MM-DD in the years dates take, it was meant as a date, and is said to be none (2026-13-45 took today's date in silence).
    if (problem !== null && (month < 1 || month > 12) && !looksLikeIsoDate(m[0])) continue;
    best = { iso: problem === null ? candidate : null, problem, raw: m[0], index: m.index };
  }
  const typo = NOT_A_QUARTER.exec(text);
  if (typo && (best === null || typo.index < best.index)) {
    best = { iso: null, problem: `There is no quarter Q${typo[1] ?? typo[4]}; quarters are Q1 to Q4.`, raw: typo[0], index: typo.index };
  }
  return best;
}

// Kind guesses: the earliest keyword wins ("Mentored Ana through her first design doc" is mentoring).
// "Led" is deliberately absent: people lead incidents, designs and projects alike.
const KIND_RULES: ReadonlyArray<readonly [EvidenceKind, RegExp]> = [
  ['incident', /\b(?:incidents?|outages?|post-?mortems?|on-?call|sev-?[0-4]|p0|p1|pager(?:duty)?|paged|root[-\s]cause|rca|hotfix(?:es|ed)?|rollbacks?|rolled\s+back)\b/i],
  ['mentoring', /\b(?:mentor(?:s|ed|ing)?|coach(?:es|ed|ing)?|onboard(?:s|ed|ing)?|pair(?:ed|ing)\s+with|taught|teach(?:es|ing)?|sponsor(?:s|ed|ing)?|brown[-\s]bag|workshops?)\b/i],
  ['feedback', /\b(?:feedback|kudos|praise[sd]?|shout-?outs?|thank(?:s|ed)?|testimonials?|recogni[sz]ed|recognition|peer\s+review)\b/i],
  ['design', /\b(?:design(?:s|ed)?(?:\s+docs?)?|rfcs?|adrs?|architecture|architected|proposals?|specs?|technical\s+strategy)\b/i],
  ['project', /\b(?:shipped|ship(?:s|ping)?|launch(?:ed|es|ing)?|deliver(?:ed|s|ing)?|migrat(?:ed|ion|ing)|releas(?:ed|es|ing)|built|build(?:s|ing)?|implement(?:ed|s|ing)?|rolled\s+out|rollout|projects?|features?)\b/i],
];

/** A guess from keywords, for the manager to correct while reviewing. */
export function guessEvidenceKind(text: string): EvidenceKind {
  let best: { kind: EvidenceKind; index: number } | null = null;
  for (const [kind, pattern] of KIND_RULES) {
    const m = pattern.exec(text);
    if (m && (best === null || m.index < best.index)) best = { kind, index: m.index };
  }
  return best?.kind ?? 'other';
}

// Every pattern below runs on pasted text, so each is written to stay linear
// on hostile input: a link body cannot contain the character that starts the
// next attempt ("[" for Markdown links, "<" for autolinks), and a bare URL
// must start after a character its body cannot contain.
// After "(" the spaces are taken whole ((?!\s)): with an empty target, the spaces before it and those after it were two
// runs over the same characters, tried at every split (a pasted line of spaces froze the page for seconds).
// A link's target may hold parentheses in balanced pairs, one level deep (Wikipedia's "Consensus_(computer_science)"), as
// CommonMark allows: the target stopped at the first ")" and the rest of the link was left in the title. Each part of a
// target starts with a character no other part starts with, so it still matches one way only.
const MD_LINK = /\[([^\][]*)\]\(\s*(?!\s)<?((?:[^\s()<>[\]]|\([^\s()<>[\]]*\))*)>?(?:\s+(?:"[^"]{0,300}"|'[^']{0,300}'))?\s*\)/g;
const AUTO_LINK = /<([a-z][a-z0-9+.-]*:[^<>\s]*)>/gi;
/** A bare URL, with balanced parentheses one level deep as in a Markdown target; trailing sentence punctuation, and a ")" that closes the sentence's own bracket, are left to the sentence. */
const BARE_URL = /(?<![^\s<>()[\]"'`*|])https?:\/\/(?:[^\s<>()[\]"'`*|]|\([^\s<>()[\]"'`*|]*\))*(?:[^\s<>()[\]"'`*|.,;:!?]|\([^\s<>()[\]"'`*|]*\))/gi;
const ANY_LINK = new RegExp(`${MD_LINK.source}|${AUTO_LINK.source}|${BARE_URL.source}`, 'gi');

interface Extracted {
  /** The text with Markdown links replaced by their labels and autolinks by nothing. */
  text: string;
  links: string[];
  refused: string[];
}

/** Pulls links out of one line of Markdown; keeps only what may leave the app. */
function extractLinks(raw: string): Extracted {
  const links: string[] = [];
  const refused: string[] = [];
  const take = (url: string) => {
    if (url.length <= MAX_LINK && isSafeExternalUrl(url)) links.push(url);
    else refused.push(url);
  };
  // One pass over all three forms, so links come out in the order they were written.
  const text = raw.replace(ANY_LINK, (all: string, label: string | undefined, mdUrl: string | undefined, autoUrl: string | undefined) => {
    if (mdUrl !== undefined) {
      take(mdUrl);
      return label ?? '';
    }
    if (autoUrl !== undefined) {
      take(autoUrl);
      return '';
    }
    take(all);
    return all;
  });
  return { text, links, refused };
}

/** `text` without any of `chars` at its start and end; a loop, not a regex, so long runs stay linear. */
function trimChars(text: string, chars: string, ends: 'both' | 'start' | 'end' = 'both'): string {
  let from = 0;
  let to = text.length;
  if (ends !== 'end') while (from < to && chars.includes(text.charAt(from))) from++;
  if (ends !== 'start') while (to > from && chars.includes(text.charAt(to - 1))) to--;
  return text.slice(from, to);
}

const EDGE_JUNK = ' \t:–—-|,';

/** Bold/italic/code markers and the leftovers of a removed date prefix or suffix. */
function tidyTitle(text: string): string {
  let out = text
    .replace(/(\*\*|__|`)/g, '')
    // The brackets a bare URL stood in ("the RFC (https://…) for"), emptied when it became a link.
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    // Single-marker emphasis around words (*search*, _search_); a marker inside a word (user_id) stays.
    .replace(/(^|[\s(])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1');
  out = trimChars(out, EDGE_JUNK);
  if (out.startsWith('()')) out = out.slice(2);
  if (out.endsWith('()')) out = out.slice(0, -2);
  return trimChars(out, EDGE_JUNK);
}

/** Removes the date from the title when it leads or trails the bullet ("2026-03-14: Shipped X", "Shipped X (March 2026)"). */
function withoutEdgeDate(text: string, found: FoundDate | null): string {
  if (!found) return text;
  const before = text.slice(0, found.index);
  const after = text.slice(found.index + found.raw.length);
  // The words after a leading date start the title: "3/28/2026: ran the retro" is "Ran the retro".
  if (trimChars(before, ' \t([*_') === '') return capitaliseSentence(trimChars(after, ' \t)]', 'start'));
  if (trimChars(after, ' \t)].*_') === '') return withoutDanglingWord(trimChars(before, ' \t([', 'end'));
  return text;
}

/** Words that only introduced the date just lifted off the end ("Shipped search in Sept 2025" is "Shipped search"). */
const DANGLING = /\s+(?:on|in|by|for|at|from|since|until|till|due|during|around|as of)$/i;

function withoutDanglingWord(text: string): string {
  const cut = text.replace(DANGLING, '');
  return cut.trim() === '' ? text : cut;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_BRAG_DOC_BYTES) return text.length;
  return text.length > MAX_BRAG_DOC_BYTES ? text.length : new TextEncoder().encode(text).length;
}

const BULLET = /^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})(?:\s+(.*))?$/;
const RULE = /^\s*([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** "## March 2026 ##" → "March 2026"; a "#" that is part of a word ("C#") stays. */
function withoutClosingHashes(body: string): string {
  const trimmed = body.trimEnd();
  const bare = trimChars(trimmed, '#', 'end');
  if (bare === trimmed) return trimmed;
  return bare === '' || /\s$/.test(bare) ? bare.trimEnd() : trimmed;
}

function indentWidth(ws: string): number {
  let width = 0;
  for (const ch of ws) width += ch === '\t' ? 4 - (width % 4) : 1;
  return width;
}

interface HeadingContext {
  date: string | null;
  year: number | null;
}

interface Draft {
  line: number;
  indent: number;
  /** The bullet's text with links taken out. */
  text: string;
  /** The bullet's own date, when it has a valid one. */
  found: FoundDate | null;
  headingDate: string | null;
  links: string[];
  details: string[];
}

/** Parses a pasted brag document; see the module comment for what it understands. */
export function parseBragDocument(text: string, options: BragParseOptions): BragParseResult {
  if (dateProblem(options.defaultDate) !== null) {
    return { ok: false, error: `The default date "${options.defaultDate}" is not a date (expected YYYY-MM-DD).` };
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_BRAG_DOC_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return { ok: false, error: `The text is too long to read as one brag document (${mb(bytes)} MB; the limit is ${mb(MAX_BRAG_DOC_BYTES)} MB). Paste it in parts.` };
  }

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const headings: Array<HeadingContext | undefined> = new Array<HeadingContext | undefined>(7).fill(undefined);
  const drafts: Draft[] = [];
  const warnings: BragWarning[] = [];
  let current: Draft | null = null;
  let inFence = false;
  let lastWasBlank = false;

  const headingDate = (): string | null => {
    for (let level = 6; level >= 1; level--) {
      const h = headings[level];
      if (h?.date) return h.date;
    }
    return null;
  };
  const headingYear = (below: number): number | null => {
    for (let level = below - 1; level >= 1; level--) {
      const h = headings[level];
      if (h?.year) return h.year;
    }
    return null;
  };
  const collect = (raw: string, lineNo: number): { text: string; links: string[] } => {
    const ex = extractLinks(raw);
    for (const url of ex.refused) warnings.push({ line: lineNo, message: `Left out the link "${clip(url, 80)}": only http and https links are kept.` });
    return { text: ex.text, links: ex.links };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (FENCE.test(line)) {
      inFence = !inFence;
      current = null;
      continue;
    }
    if (inFence) continue;
    if (line.trim() === '') {
      lastWasBlank = true;
      continue;
    }
    const blankBefore = lastWasBlank;
    lastWasBlank = false;

    const heading = HEADING.exec(line);
    if (heading) {
      current = null;
      const level = heading[1]?.length ?? 1;
      for (let l = level; l <= 6; l++) headings[l] = undefined;
      const body = withoutClosingHashes(heading[2] ?? '');
      const found = findDate(body);
      let date = found?.iso ?? null;
      const yearOnly = /^\s*(\d{4})\s*$/.exec(body);
      const year = yearOnly ? Number(yearOnly[1]) : date ? Number(date.slice(0, 4)) : null;
      const monthOnly = new RegExp(String.raw`^\s*${MONTH}\s*$`, 'i').exec(body);
      if (!date && monthOnly) {
        const y = headingYear(level);
        if (y !== null) date = isoDate(y, monthIndex(monthOnly[1] ?? ''), 1);
      }
      if (found?.problem) {
        warnings.push({ line: lineNo, message: `The heading’s date "${clip(found.raw, 40)}" was not used: ${found.problem} The bullets below it take their own or the default date.` });
      }
      headings[level] = { date: yearOnly ? null : date, year };
      continue;
    }
    if (RULE.test(line)) {
      current = null;
      continue;
    }

    const bullet = BULLET.exec(line);
    if (bullet) {
      const indent = indentWidth(bullet[1] ?? '');
      const body = (bullet[2] ?? '').trim();
      if (current && indent > current.indent) {
        if (body !== '') {
          const { text: t, links } = collect(body, lineNo);
          current.details.push(`- ${t.trim()}`);
          current.links.push(...links);
        }
        continue;
      }
      if (body === '') {
        current = null;
        continue;
      }
      if (drafts.length >= MAX_BRAG_DOC_ITEMS) {
        return {
          ok: false,
          error: `The document has more than ${MAX_BRAG_DOC_ITEMS} bullets (the limit for one paste; the next one is on line ${lineNo}). Paste it in parts.`,
        };
      }
      const { text: t, links } = collect(body, lineNo);
      // URLs are kept as links; without them a date in a URL is not taken for the bullet's date.
      const plain = t.replace(BARE_URL, ' ');
      const found = findDate(plain);
      if (found?.problem) {
        warnings.push({ line: lineNo, message: `The date "${clip(found.raw, 40)}" was not used: ${found.problem} The item takes the heading’s or the default date instead; correct it below.` });
      }
      current = { line: lineNo, indent, text: plain, found: found?.iso ? found : null, headingDate: headingDate(), links, details: [] };
      drafts.push(current);
      continue;
    }

    // An indented line right under a bullet continues it; anything else is not evidence.
    if (current && !blankBefore && indentWidth(/^\s*/.exec(line)?.[0] ?? '') > current.indent) {
      const { text: t, links } = collect(line.trim(), lineNo);
      current.details.push(t.trim());
      current.links.push(...links);
    } else {
      current = null;
    }
  }

  const items = drafts.map((d): BragItem => {
    const bare = tidyTitle(withoutEdgeDate(d.text, d.found));
    const full = bare !== '' ? bare : tidyTitle(d.text) || d.links[0] || 'Untitled';
    const title = clip(full, MAX_TITLE);
    const descriptionParts = [...(title !== full ? [full] : []), ...d.details];
    const ownDate = d.found?.iso ?? null;
    const date = ownDate ?? d.headingDate ?? options.defaultDate;
    const dateSource: BragDateSource = ownDate ? 'bullet' : d.headingDate ? 'heading' : 'default';
    return {
      title,
      description: clip(descriptionParts.join('\n'), MAX_DESCRIPTION),
      date,
      dateSource,
      kind: guessEvidenceKind([d.text, ...d.details].join(' ').replace(BARE_URL, ' ')),
      links: [...new Set(d.links)],
      line: d.line,
    };
  });
  // A bullet with no date of its own or from its heading takes the default date, and with it a quarter, which can make a
  // criterion look sustained: said once for all of them, so it is checked before adding.
  const undated = items.filter((i) => i.dateSource === 'default');
  if (undated.length > 0) {
    const lines = undated.map((i) => i.line);
    const which = undated.length === 1 ? 'This bullet has no date of its own' : `${undated.length} bullets (lines ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ', …' : ''}) have no date of their own`;
    warnings.push({
      line: lines[0]!,
      message: `${which} or from a heading above: ${undated.length === 1 ? 'it takes' : 'they take'} ${options.showDate(options.defaultDate)}, which puts ${undated.length === 1 ? 'it' : 'them'} in that quarter. Set the date below, or leave ${undated.length === 1 ? 'it' : 'them'} out.`,
    });
    warnings.sort((a, b) => a.line - b.line);
  }
  return { ok: true, items, warnings };
}

/** Why a parsed bullet is left out at first: the same title and date as an earlier bullet, or as evidence already on record. */
export type BragDuplicate = { of: 'line'; line: number } | { of: 'recorded' };

/**
 * The bullets that repeat an earlier bullet of the paste or an evidence item already on record: the same title (case
 * and spacing aside) on the same date. The review leaves them out until ticked, saying why; a pasted document twice
 * over, or one bullet copied twice, added every item again (a trial).
 */
export function bragDuplicates(items: readonly Pick<BragItem, 'title' | 'date' | 'line'>[], recorded: readonly { title: string; date: string }[]): Map<number, BragDuplicate> {
  const key = (e: { title: string; date: string }) => `${e.date}\u0000${e.title.trim().replace(/\s+/g, ' ').toLocaleLowerCase()}`;
  const onRecord = new Set(recorded.map(key));
  const firstLine = new Map<string, number>();
  const out = new Map<number, BragDuplicate>();
  items.forEach((item, i) => {
    const k = key(item);
    const earlier = firstLine.get(k);
    if (onRecord.has(k)) out.set(i, { of: 'recorded' });
    else if (earlier !== undefined) out.set(i, { of: 'line', line: earlier });
    else firstLine.set(k, item.line);
  });
  return out;
}
