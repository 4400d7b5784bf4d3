/**
 * The packet as printed ("Packet PDF" on the packet page): everything the
 * packet page shows a reader of the case, for a chair or member reading it
 * on paper and a manager keeping a copy of what they submitted. Per
 * criterion its code ("IC3.2", which the case and the checks cite), the
 * manager's rating with its note, whether it is sustained and counts, and
 * the linked evidence with its quarter, an item outside the evidence window
 * marked as the page marks it; then every cited item whole (kind, source,
 * description, links). A submitted revision prints with the evidence frozen
 * at submission, as the committee reads it. Links are text, never links: a
 * reader types or copies one knowingly.
 */
import type { Candidate, Cycle, Evidence, Framework, Packet } from '../domain';
import { criterionCodes } from '../domain/framework';
import { levelOf } from '../domain/level-lookup';
import { criterionCoverage, isInWindow, sustainedStatus } from '../packets/coverage';
import { KIND_LABELS, SOURCE_LABELS, timeInLevelText } from '../packets/evidence-words';
import { ratingWord } from '../packets/rating-words';
import { packetEvidence } from '../packets/snapshot';
import { isReadyCriterion, readiness, readinessText, READINESS_RULE } from '../rules/readiness';
import { shownQuarter } from '../util/dates';

export const PACKET_CONFIDENTIALITY =
  'Confidential. This packet contains personnel information about its candidate. Share it only with the committee, HR and the people it concerns, and store it as your organisation requires.';

/** An item as a criterion lists it: its title and quarter; `outside` when dated outside the evidence window (it does not count). */
export interface PrintedLink {
  title: string;
  when: string;
  outside: string | null;
}

export interface PrintedCriterion {
  code: string;
  text: string;
  competency: string | null;
  rating: string;
  note: string;
  sustained: string;
  counts: boolean;
  evidence: PrintedLink[];
}

export interface PrintedEvidence {
  id: string;
  title: string;
  /** "2026-03-14 · 2026 Q1 · Project · from the manager", with "outside the evidence window" when it is. */
  line: string;
  outside: boolean;
  description: string;
  links: string[];
  criteria: string[];
}

export interface PacketPrintModel {
  kicker: string;
  name: string;
  levels: string;
  trackSwitch: string | null;
  facts: Array<{ term: string; detail: string }>;
  summary: string;
  notYetDoing: string;
  criteria: PrintedCriterion[];
  evidence: PrintedEvidence[];
  confidentiality: string;
}

export interface PacketPrintInput {
  candidate: Candidate;
  packet: Packet;
  cycle: Cycle;
  framework: Framework;
  /** The candidate's evidence as logged; a submitted revision's snapshot replaces it. */
  evidence: readonly Evidence[];
  /** A stored day or instant as the reader's screen shows dates. */
  showDate: (iso: string) => string;
}

const SOURCE_WORDS = { self: 'from the candidate', manager: 'from the manager', peer: 'from a peer' } as const satisfies Record<keyof typeof SOURCE_LABELS, string>;

export function packetPrintModel({ candidate, packet, cycle, framework, evidence, showDate }: PacketPrintInput): PacketPrintModel {
  const window = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  const coverage = criterionCoverage(framework, packet, packetEvidence(packet, evidence), window);
  const codes = criterionCodes(framework);
  const competencies = new Map(framework.competencies.map((c) => [c.id, c.name]));
  const current = levelOf(framework, candidate.currentLevelId);
  const target = levelOf(framework, packet.targetLevelId);
  const named = (l: typeof current) => (l ? `${l.code} ${l.title}` : 'an unknown level');
  const trackName = (id: string | undefined) => framework.tracks.find((t) => t.id === id)?.name ?? 'another track';
  const r = readiness(coverage);
  const outsideText = (date: string) => (isInWindow(date, window) ? null : `outside the evidence window (${showDate(date)}): does not count`);
  const criteria = coverage.map((c): PrintedCriterion => ({
    code: codes.get(c.criterion.id) ?? '',
    text: c.criterion.text,
    competency: c.criterion.competencyId ? (competencies.get(c.criterion.competencyId) ?? null) : null,
    rating: ratingWord(c.rating),
    note: packet.assessments[c.criterion.id]?.note ?? '',
    sustained: sustainedStatus(c).text,
    counts: isReadyCriterion(c),
    evidence: c.evidence.map((e) => ({ title: e.title, when: shownQuarter(e.date), outside: outsideText(e.date) })),
  }));
  // Every item a criterion of the target level cites, oldest first, once.
  const cited = new Map<string, Evidence>();
  for (const c of coverage) for (const e of c.evidence) cited.set(e.id, e);
  const items = [...cited.values()].sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1));
  const targetCriteria = new Set(coverage.map((c) => c.criterion.id));
  const submitted = packet.submittedAt ? ` ${showDate(packet.submittedAt)}` : '';
  return {
    kicker: `Promotion packet · revision ${packet.revision} · ${packet.status === 'draft' ? 'draft, not submitted' : `submitted${submitted}`}${packet.status === 'superseded' ? ', superseded by a later revision' : ''}`,
    name: candidate.name,
    levels: `${named(current)} → ${named(target)}`,
    trackSwitch: current && target && current.trackId !== target.trackId ? `Track switch: ${trackName(current.trackId)} to ${trackName(target.trackId)}` : null,
    facts: [
      { term: 'Manager', detail: candidate.manager },
      { term: 'Team', detail: candidate.team || '—' },
      ...(candidate.role ? [{ term: 'Role', detail: candidate.role }] : []),
      { term: 'Time in level', detail: timeInLevelText(candidate.timeInLevelMonths) },
      { term: 'Evidence window', detail: `${showDate(cycle.evidenceFrom)} to ${showDate(cycle.evidenceTo)}; only evidence dated inside it counts` },
      { term: 'Readiness', detail: `${readinessText(r)} — ${READINESS_RULE}` },
    ],
    summary: packet.summary,
    notYetDoing: packet.notYetDoing,
    criteria,
    evidence: items.map((e) => {
      const outside = !isInWindow(e.date, window);
      return {
        id: e.id,
        title: e.title,
        line: [showDate(e.date), shownQuarter(e.date), KIND_LABELS[e.kind], SOURCE_WORDS[e.source], ...(outside ? ['outside the evidence window: does not count'] : [])].join(' · '),
        outside,
        description: e.description,
        links: e.links,
        criteria: e.criterionIds.filter((id) => targetCriteria.has(id)).map((id) => codes.get(id) ?? '').sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      };
    }),
    confidentiality: PACKET_CONFIDENTIALITY,
  };
}
