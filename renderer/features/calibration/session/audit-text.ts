/** The audit table's words: when an entry was made, in the user's locale, and its before and after as compact text. */
import { OutcomeSchema, type Framework } from '../../../../shared/domain';
import { criterionCodes, outcomeLabel } from './labels';
import { levelOf } from '../../../../shared/domain/level-lookup';

const OUTCOME_VALUES: ReadonlySet<string> = new Set(OutcomeSchema.options);
/** Free text longer than this is shortened in the table; longTexts gives it whole. */
const SHORT = 80;

/** Before and after as compact, JSON-like text: ids become level and criterion codes, free text is shortened (a blind session's entries come redacted). */
export function compactValue(value: unknown, framework: Framework, codes: Map<string, string> = criterionCodes(framework)): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (OUTCOME_VALUES.has(value)) return outcomeLabel(value as Parameters<typeof outcomeLabel>[0]);
    const level = levelOf(framework, value);
    if (level) return level.code;
    const code = codes.get(value);
    if (code) return code;
    const text = value;
    return text.length > SHORT ? `“${text.slice(0, SHORT - 1)}…”` : `“${text}”`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => compactValue(v, framework, codes)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${compactValue(v, framework, codes)}`)
      .join(', ')}}`;
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
      // "nextSteps" → "next steps": the field as people read it.
      const field = k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return longTexts(v, path ? `${path} ${field}` : field);
    });
  }
  return [];
}
