/** Words the screens and the prints share: the evidence enums, and a candidate's time in level. */
import type { EvidenceKind, EvidenceSource } from '../domain/evidence';

export const KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  project: 'Project',
  design: 'Design',
  incident: 'Incident',
  mentoring: 'Mentoring',
  feedback: 'Feedback',
  other: 'Other',
};

export const SOURCE_LABELS: Readonly<Record<EvidenceSource, string>> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peer',
};

/** A time in level as people say it: "1 year 3 months", "8 months"; "Not given" when unknown (never "0 months", which reads as new in level). */
export function timeInLevelText(months: number | null): string {
  if (months === null) return 'Not given';
  if (months < 12) return months === 1 ? '1 month' : `${months} months`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years} ${years === 1 ? 'year' : 'years'}${rest ? ` ${rest} ${rest === 1 ? 'month' : 'months'}` : ''}`;
}
