/**
 * The one way a refused input is put into words. Bundles, backups,
 * framework files and IPC payloads all come from outside, and whatever is
 * wrong with them, the user reads ONE short sentence naming the field or
 * line and what is wrong: never "[object Object]", never a raw zod dump of
 * tens of thousands of characters, never "Maximum call stack size exceeded".
 *
 * - `issueText(issue)`: a zod issue as a phrase ("is missing", "should be
 *   text, not a number", "is longer than 200 characters"); custom messages
 *   written for people (the domain schemas') pass through, shortened.
 * - `refusal(text)`: any message made safe to show: one line, at most
 *   MAX_REFUSAL_CHARS, no "[object Object]".
 * - `refusalFrom(error, context)`: whatever was thrown, as a sentence.
 * - `jsonNestingProblem(text)`: refuses deeply nested JSON before it is
 *   parsed or walked by anything recursive.
 */
import type { z } from 'zod';

/** The longest refusal shown; the rest of a long message is cut with "…". */
export const MAX_REFUSAL_CHARS = 300;
/** Deeper JSON than this is no Levelset file (the deepest, a session record's snapshot evidence, nests about 8 levels). */
export const MAX_JSON_DEPTH = 64;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  undefined: 'missing',
  bigint: 'a number',
  date: 'a date',
  nan: 'not a number',
};

function typeWord(type: unknown): string {
  return typeof type === 'string' ? (TYPE_WORDS[type] ?? type) : 'another type';
}

/** The type of a value as TYPE_WORDS names it. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

/** A value quoted in a refusal, cut short. */
export function shortValue(value: unknown, max = 40): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else return typeWord(typeOf(value));
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

/**
 * A zod issue as a phrase that follows a field name. Messages the schemas
 * wrote for people are kept; zod's generic ones are reworded.
 */
export function issueText(issue: z.core.$ZodIssue): string {
  if (isPersonMessage(issue.message)) return clip(issue.message, 200);
  // zod only carries the input when asked; its default message names what it received.
  const received = /received (\w+)/.exec(issue.message)?.[1];
  switch (issue.code) {
    case 'invalid_type':
      if (received === 'undefined') return 'is missing';
      return `should be ${typeWord(issue.expected)}${received ? `, not ${typeWord(received)}` : ''}`;
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${String(issue.maximum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has more than ${String(issue.maximum)} entries`;
      if (issue.origin === 'number' || issue.origin === 'int') return `is more than ${String(issue.maximum)}`;
      break;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'is empty' : `is shorter than ${String(issue.minimum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has fewer than ${String(issue.minimum)} entries`;
      if (issue.origin === 'number' || issue.origin === 'int') return `is less than ${String(issue.minimum)}`;
      break;
    case 'invalid_value': {
      const options = issue.values.slice(0, 6).map((v) => shortValue(v, 24)).join(', ');
      return `is not one of ${options}${issue.values.length > 6 ? ', …' : ''}`;
    }
    case 'unrecognized_keys':
      return `has an unknown field ${shortValue(issue.keys[0] ?? '')}`;
    case 'invalid_union':
      return 'is none of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not valid';
    case 'invalid_element':
      return 'has an entry that is not valid';
    default:
      break;
  }
  return clip(issue.message.replace(/^Invalid input:\s*/i, ''), 200);
}

/** zod's own messages start "Invalid", "Too" or "Unrecognized"; the schemas' messages for people do not. */
function isPersonMessage(message: string): boolean {
  return !/^(invalid|too (big|small)|unrecognized)/i.test(message);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * Any message made safe to show: collapsed to one line, "[object Object]"
 * and stack lines removed, at most MAX_REFUSAL_CHARS.
 */
export function refusal(text: string): string {
  const oneLine = text
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join(' ')
    .replaceAll('[object Object]', 'an object')
    .replace(/\s+/g, ' ')
    .trim();
  return clip(oneLine === '' ? 'The input could not be read.' : oneLine, MAX_REFUSAL_CHARS);
}

/**
 * Whatever was thrown while reading `context` ("The bundle", "The backup"),
 * as one sentence: a stack overflow is said as nesting, a zod error by its
 * first issue, anything else by its message, never its stack.
 */
export function refusalFrom(error: unknown, context: string): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return refusal(`${context} is nested too deeply to be read.`);
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues) && issues.length > 0 && typeof (issues[0] as { message?: unknown }).message === 'string') {
    const first = issues[0] as z.core.$ZodIssue;
    const field = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return refusal(`${context} is not valid: ${field === '' ? '' : `${field} `}${issueText(first)}.`);
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return refusal(message === '' ? `${context} could not be read.` : `${context} could not be read (${clip(message, 160)}).`);
}

/**
 * Null when `text`, read as JSON, nests at most `maxDepth` arrays and
 * objects; else a sentence with the line where it goes too deep. One linear
 * pass that skips strings, so it is safe to run before JSON.parse and before
 * anything recursive (canonical JSON, zod) walks the value.
 */
export function jsonNestingProblem(text: string, what: string, maxDepth = MAX_JSON_DEPTH): string | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > maxDepth) return `${what} nests more than ${maxDepth} levels deep (line ${line}), so it was not read.`;
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}
