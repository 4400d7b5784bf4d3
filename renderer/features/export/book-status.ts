/** A group's status as the book prints it: the screen's words (fairness-tables.tsx StatusText), as plain text. */
import { STATUS_LABEL, type GroupFairness } from '../../../shared/calibration/fairness';

export function statusText(g: GroupFairness): string {
  if (g.status === null) return g.reference ? 'reference' : '';
  return `${g.status === 'adverse' ? '⚑ ' : ''}${STATUS_LABEL[g.status]}${g.status === 'too-few' && g.toLift !== null ? ` (${g.toLift} more would reach 0.8)` : ''}`;
}
