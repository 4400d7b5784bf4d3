/** The audit table's words: when an entry was made, in the user's locale, and its before and after as compact text. */
import { OutcomeSchema, type Framework } from '../../../../shared/domain';
import { criterionCodes, outcomeLabel } from './labels';
import { levelOf } from '../../../../shared/domain/level-lookup';

const OUTCOME_VALUES: ReadonlySet<string> = new Set(OutcomeSchema.options);
/** Free text longer than this is shortened in the table; longTexts gives it whole. */
const SHORT = 80;

/** Plurals a trailing "s" gets wrong ("citedCriterionIds" read "cited criterions"). */
const PLURALS: Readonly<Record<string, string>> = { criterion: 'criteria', person: 'people' };

/** A stored field's name as people read it: "nextSteps" → "next steps", "levelId" → "level", "citedCriterionIds" → "cited criteria" (ids show as codes). */
export function fieldWords(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const many = / ids$/.exec(words);
  if (!many) return words.replace(/ id$/, '');
  const rest = words.slice(0, many.index).split(' ');
  const last = rest.pop()!;
  return [...rest, PLURALS[last] ?? `${last}s`].join(' ');
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * Before and after as compact text a committee reads ("Outcome: Promote; Level: IC4"): field names in words, ids
 * become level and criterion codes, yes/no for flags, free text quoted and shortened (a blind session's entries come
 * redacted). Nested values go in parentheses.
 */
export function compactValue(value: unknown, framework: Framework, codes: Map<string, string> = criterionCodes(framework)): string {
  return compact(value, framework, codes, true);
}

function compact(value: unknown, framework: Framework, codes: Map<string, string>, top: boolean): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (value.trim() === '') return '—';
    if (OUTCOME_VALUES.has(value)) return outcomeLabel(value as Parameters<typeof outcomeLabel>[0]);
    const level = levelOf(framework, value);
    if (level) return level.code;
    const code = codes.get(value);
    if (code) return code;
    const text = value;
    return text.length > SHORT ? `“${text.slice(0, SHORT - 1)}…”` : `“${text}”`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => compact(v, framework, codes, false)).join(', ');
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>);
    if (fields.length === 0) return '—';
    // Each field capitalised, as a list of its own: "Outcome: Promote; Rationale: …".
    const text = fields.map(([k, v]) => `${capitalised(fieldWords(k))}: ${compact(v, framework, codes, false)}`).join('; ');
    return top ? text : `(${text})`;
  }
  return String(value);
}

/**
 * The free text compactValue shortened, whole, by where it sits ("rationale", "next steps 2"): the audit table opens
 * them under "Full text", so a changed decision's earlier rationale or a reopen's reason can be read in full.
 */
export function longTexts(value: unknown, path = ''): { field: string; text: string }[] {
  if (typeof value === 'string') return value.length > SHORT ? [{ field: path || 'text', text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => longTexts(v, `${path}${path ? ' ' : ''}${i + 1}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      const field = fieldWords(k);
      return longTexts(v, path ? `${path} ${field}` : field);
    });
  }
  return [];
}
