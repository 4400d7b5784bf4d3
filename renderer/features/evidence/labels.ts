/** Words for the evidence enums, as the views show them. */
import type { EvidenceKind, EvidenceSource } from '../../../shared/domain';

export const KIND_LABELS: Record<EvidenceKind, string> = {
  project: 'Project',
  design: 'Design',
  incident: 'Incident',
  mentoring: 'Mentoring',
  feedback: 'Feedback',
  other: 'Other',
};

export const SOURCE_LABELS: Record<EvidenceSource, string> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peer',
};

export const KINDS = Object.keys(KIND_LABELS) as EvidenceKind[];
export const SOURCES = Object.keys(SOURCE_LABELS) as EvidenceSource[];

/** "Ctrl" or "⌘", as the platform names the key. */
export function modKeyLabel(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
}
