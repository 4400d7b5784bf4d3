/** Words for the evidence enums, as the views show them. */
import type { EvidenceKind, EvidenceSource } from '../../../shared/domain';
import { KIND_LABELS, SOURCE_LABELS } from '../../../shared/packets/evidence-words';

export { KIND_LABELS, SOURCE_LABELS };

export const KINDS = Object.keys(KIND_LABELS) as EvidenceKind[];
export const SOURCES = Object.keys(SOURCE_LABELS) as EvidenceSource[];

/** "Ctrl" or "⌘", as the platform names the key. */
export function modKeyLabel(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
}
