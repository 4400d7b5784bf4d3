/**
 * Packet checks: what a manager must fix, or knowingly accept, before a
 * packet goes to the committee.
 *
 * Each check is grounded in the seeds' fair-process principles (promotion
 * confirms sustained next-level work; vague phrases are proxies for gut feel;
 * time served is not a criterion) and says why it matters and where to fix
 * it. The blockers are what leaves the committee nothing to judge: no
 * target level, no evidence at all, no summary, a criterion of the target
 * level the manager has not assessed. The rest are warnings the manager
 * acknowledges by id; ids are stable and derived from content (a criterion
 * id, an evidence id, the offending phrase), so an acknowledgement survives
 * unrelated edits but not a new problem.
 *
 * Every text the committee reads is scanned for vague and tenure language:
 * the summary, each criterion's note and each evidence title; a finding
 * names where it is (the criterion by number and text, the evidence by
 * title) so the manager can fix it there.
 *
 * "One quarter only" is judged per criterion: each criterion the manager
 * rates partially or consistently whose evidence inside the window all
 * falls in one quarter (a criterion rated "not yet" claims nothing, so a
 * burst there needs no warning).
 *
 * The text scans reuse the vague-phrase list of the framework criteria
 * checker. Its tenure list is not reused: it is written for terse criteria,
 * where "it has been two years" or "at least 3 years" can only mean time
 * served, while in a packet's prose those words often describe the work
 * ("migrated 5 years of data"). The tenure patterns here therefore require a
 * tenure context (here, with us, at this level, in the role...).
 *
 * A message names a date as the manager's screen shows dates, which needs
 * the user's locale: shared/ has none, so the caller passes the app's date
 * formatter (`showDate`, the renderer's formatDate). No id contains a date
 * or any other message text, so a change of wording or of locale never
 * undoes an acknowledgement.
 */
import type { Candidate } from '../domain/candidate';
import type { Cycle } from '../domain/cycle';
import type { Evidence } from '../domain/evidence';
import { criterionCode, type Framework } from '../domain/framework';
import { levelCodeOf } from '../domain/level-lookup';
import type { Packet } from '../domain/packet';
import { VAGUE_PHRASES } from '../frameworks/criteria-checker';
import { criterionCoverage, isInWindow, type EvidenceWindow } from './coverage';
import { citedEvidence } from './snapshot';
import { dayOf, quarterKeyLabel } from '../util/dates';

export type CheckSeverity = 'blocker' | 'warning';
/** Where the manager fixes the problem; the UI turns this into a link. */
export type FixTarget = 'candidate' | 'evidence' | 'criterion' | 'summary';

export interface PacketCheck {
  /** Stable: 'no-target-level', 'criterion-without-evidence:<criterionId>', 'vague-summary:<phrase>'... */
  id: string;
  severity: CheckSeverity;
  title: string;
  /** Why it matters, in a sentence or two. */
  why: string;
  fix: { target: FixTarget; id?: string };
  /** The specifics: which criterion, which item, which words. */
  detail: string;
}

export interface PacketCheckInput {
  framework: Pick<Framework, 'levels' | 'criteria'>;
  cycle: Pick<Cycle, 'evidenceFrom' | 'evidenceTo'>;
  /** `targetLevelId`: the level the candidate is put forward for, which a session reviews them against. */
  candidate: Pick<Candidate, 'id'> & Partial<Pick<Candidate, 'targetLevelId'>>;
  packet: Pick<Packet, 'targetLevelId' | 'assessments' | 'summary'>;
  /** The candidate's evidence; items of other candidates are ignored. */
  evidence: readonly Evidence[];
  /**
   * A stored `YYYY-MM-DD` date as the messages name it: the app's one date
   * format on screen (renderer's formatDate). Ids never depend on it.
   */
  showDate: (isoDate: string) => string;
  /**
   * The day the case is judged on (`YYYY-MM-DD`): today for a draft, the day a revision was submitted for it
   * (checksDay). Evidence dated after it is warned about. Absent: no such check.
   */
  today?: string;
}

const WHY = {
  targetChanged:
    'A session reviews the candidate against their target level. A packet written against another level would put that level’s case in front of the committee under the wrong criteria, each of them “not assessed”.',
  noTargetLevel:
    'Coverage, readiness and every other check are measured against the target level. Without one the committee has nothing to compare the candidate with.',
  noSummary:
    'The summary is the case the committee reads first: what the candidate did at the target level, in a few sentences. Without it the committee has to reconstruct the case from loose evidence.',
  unassessed:
    'The committee compares the manager’s assessment of every criterion with the evidence. A criterion left unassessed is a question the packet does not answer, and it does not count towards readiness.',
  noEvidence:
    'Promotion confirms what is already true, so the committee needs dated examples of the candidate working at the target level. A packet without any rests on the manager’s opinion, which favours whoever advocates loudest.',
  criterionWithoutEvidence:
    'A criterion with nothing the candidate did inside the window can only be judged on the manager’s word, and managers’ words carry different standards. Link evidence, or say in the assessment why it is not there yet.',
  evidenceOutsideWindow:
    'The cycle judges what is true now. Work dated before the window shows what was true then (and a date after it is usually a typo); it does not count towards coverage or “sustained”.',
  evidenceAhead:
    'Evidence records work already done. An item dated after the day the case is judged counts toward coverage and “sustained” like any other, so a plan or a typo in a date can make a criterion look sustained that is not yet.',
  singleQuarter:
    'Doing next-level work once is not enough: the candidate should operate at the target level consistently for two to three quarters. Evidence from a single quarter shows a burst, not a pattern, and the criterion does not count towards readiness.',
  vague:
    'Phrases such as “leadership potential”, “strategic thinking” or “executive presence” mean different things to different managers, so they work as proxies for gut feel. The committee can only weigh what the candidate has been seen to do.',
  tenure:
    'Time served is not a criterion. Promoting after a number of years is the most common promotion failure: it sets people up to fail at a level they are not yet working at. Promotion recognises next-level work already happening; it does not reward loyalty or waiting.',
} as const;

export type SummaryFindingKind = 'vague' | 'tenure';

/** One flagged stretch of a summary, with its position so an editor can highlight it. */
export interface SummaryFinding {
  kind: SummaryFindingKind;
  /** As written. */
  phrase: string;
  /** Lower case, single spaces, straight apostrophes: the part of the check id after the colon. */
  key: string;
  index: number;
  length: number;
  reason: string;
}

interface PhraseRule {
  pattern: RegExp;
  reason: string;
}

/** Vague phrases that turn up in packet summaries but not in criteria, on top of the checker's list. */
const SUMMARY_VAGUE_EXTRAS: readonly PhraseRule[] = [
  {
    pattern: /\b(?:just|really|simply)\s+gets\s+it\b|\bhas\s+what\s+it\s+takes\b|\bx[-\s]?factor\b/i,
    reason: 'A feeling about the person, not something they did. Say what they did that made you think so.',
  },
  {
    pattern: /\b(?:leadership|senior|manager|management)\s+(?:material|presence)\b/i,
    reason: 'Describes how someone comes across rather than their work, which invites bias. Name the outcome instead.',
  },
  {
    pattern: /\bhard[-\s]?work(?:ing|er)\b|\bworks\s+(?:really\s+|very\s+|incredibly\s+)?hard\b/i,
    reason: 'Effort is not a level criterion: two people can work equally hard at different levels. Name what the effort produced.',
  },
];

const NUM = String.raw`(?:\d+(?:\.\d+)?\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a\s+few|several|many|a\s+couple\s+(?:of\s+)?)`;
const UNIT = String.raw`(?:years?|yrs?|months?)`;
const SPAN = String.raw`(?:(?:well\s+over|over|more\s+than|nearly|almost|about|around|at\s+least)\s+)?${NUM}\s*(?:(?:-|–|to)\s*${NUM}\s*)?(?:or\s+more\s+)?${UNIT}`;
const PLACE = String.raw`(?:level|role|position|grade|band|company|team|org|organi[sz]ation|job|title|firm|business)`;
const DET = String.raw`(?:(?:the|this|that|their|his|her|our|current|same|a)\s+)*`;
/** A long time without a number: "a long time", "so long", "ages", "years" (a trial's "has been here a long time" went unflagged). */
const LONG = String.raw`(?:(?:such\s+|a\s+)?(?:very\s+|really\s+)?long\s+time|so\s+long|ages|years|forever|a\s+while)`;
/** Where a span of time becomes time served: "here", "with us", "at this level", "in the role". */
const TENURE_PLACE = String.raw`(?:here|with\s+(?:us|${DET}${PLACE})|(?:at|in|on)\s+${DET}${PLACE})\b`;
/** What may follow "it's their turn" and still be about promotion. */
const PROMOTION_AIM = String.raw`(?:(?:be|get)\s+promoted|move\s+up|step\s+up|(?:a\s+|the\s+)?promotion)\b`;

/** Arguments from time served, each needing a tenure context so ordinary prose about the work is not flagged. */
const SUMMARY_TENURE_PHRASES: readonly PhraseRule[] = [
  {
    // "has been here 6 years", "has been with us for over five years", "been at this level for 3 years", "has been here a long time"
    pattern: new RegExp(String.raw`\b(?:been|worked|served|stayed|remained|sat)\s+${TENURE_PLACE}\s*(?:for\s+)?(?:${SPAN}|${LONG})\b`, 'i'),
    reason: 'Says how long the person has been here, not what they do.',
  },
  {
    // "5 years at the company", "two years in the role", "3 years at this level"; not "within 3 months on the team"
    pattern: new RegExp(String.raw`(?<!\b(?:within|only|just|first)\s)\b${SPAN}\s+${TENURE_PLACE}`, 'i'),
    reason: 'Says how long the person has been here, not what they do.',
  },
  {
    // "10 years of experience", "8 years’ experience", "6 years of service"; not "5 years of data"
    pattern: new RegExp(String.raw`\b${SPAN}(?:['’]|\s+of)?\s+(?:(?:professional|relevant|industry|engineering|prior)\s+)?(?:experience|service|tenure)\b`, 'i'),
    reason: 'Years of experience are an input, not an outcome: the level is judged on what the person does now.',
  },
  {
    // "years at this level", "after all these years", "spent years in the role"
    pattern: new RegExp(String.raw`\b(?:years|ages)\s+(?:at|in|on)\s+${DET}${PLACE}\b|\bafter\s+(?:all\s+)?(?:these|those|so\s+many|many)\s+years\b`, 'i'),
    reason: 'Says how long the person has been here, not what they do.',
  },
  {
    // "loyal", "loyalty"; not "customer loyalty" or "a loyalty programme"
    pattern:
      /(?<!\b(?:customer|customers|brand|user|users|client|clients|member|members|shopper|shoppers)['’]?\s)\bloyal(?:ty|ly)?\b(?!\s+(?:program|programme|points|scheme|card|rewards?|tiers?)\b)/i,
    reason: 'Loyalty is not a level criterion; promotion should confirm next-level work, not reward staying.',
  },
  {
    // "has waited long enough", "waited patiently", "been waiting for a promotion"; not "waited too long to roll back"
    pattern:
      /\b(?:waited|waiting)\s+(?:long\s+enough|patiently|(?:for\s+)?(?:years|ages|a\s+long\s+time)|for\s+(?:a|the|this|their|his|her)\s+(?:promotion|step\s+up|turn))\b/i,
    reason: 'Waiting is not a criterion; the question is whether the person already works at the target level.',
  },
  {
    // "promotion is long overdue", "overdue for promotion", "this is long overdue"; not "the long-overdue migration"
    pattern:
      /\boverdue\s+(?:for\s+)?(?:a\s+|the\s+|this\s+|her\s+|his\s+|their\s+)?(?:promotion|step\s+up|next\s+level)\b|\b(?:promotion|this)\s+(?:is|was|has\s+been)\s+(?:long\s+)?overdue\b/i,
    reason: 'Calls the promotion owed, which argues from time rather than from evidence.',
  },
  {
    // "deserves it after", "deserves a promotion after"
    pattern: /\bdeserves?\s+(?:it|this|(?:a|the|their|his|her)\s+(?:promotion|step\s+up|bump)|to\s+(?:be|get)\s+promoted)\s+(?:now\s+)?after\b/i,
    reason: 'Frames promotion as a reward earned by time or effort rather than a recognition of next-level work.',
  },
  {
    pattern:
      /\btime\s+(?:in|at|on)\s+(?:(?:the|their|this|his|her)\s+)?(?:role|level|grade|position|band|company|job|team)\b|\btime[-\s]served\b|\blength\s+of\s+service\b|\blong(?:est)?[-\s]serving\b|\b(?:longest[-\s])?tenured?\b/i,
    reason: 'Time in role is not a criterion.',
  },
  {
    // "it's their turn", "it is Sam's turn (to be promoted)"; not "it's Sam's turn to run the retro"
    pattern: new RegExp(
      String.raw`\b(?:it['’]s|it\s+is|it\s+was)\s+(?:(?:his|her|their|[a-z]+['’]s)\s+)?turn\b(?!\s+(?:to|on|at|for)\s+(?!${PROMOTION_AIM}))`,
      'i',
    ),
    reason: 'Promotion is not a queue; the question is whether the person works at the target level now.',
  },
  {
    pattern: /\b(?:was|were|been|got|being)\s+passed\s+over\b|\bnext\s+in\s+line\b/i,
    reason: 'Promotion is not a queue or a compensation for earlier cycles; judge the current evidence.',
  },
];

function globalCopy(rules: readonly PhraseRule[]): Array<{ pattern: RegExp; reason: string }> {
  return rules.map((r) => ({
    pattern: new RegExp(r.pattern.source, r.pattern.flags.includes('g') ? r.pattern.flags : `${r.pattern.flags}g`),
    reason: r.reason,
  }));
}

const SCANS: ReadonlyArray<readonly [SummaryFindingKind, ReadonlyArray<{ pattern: RegExp; reason: string }>]> = [
  ['vague', globalCopy([...VAGUE_PHRASES, ...SUMMARY_VAGUE_EXTRAS])],
  ['tenure', globalCopy(SUMMARY_TENURE_PHRASES)],
];

/** The id-safe form of a phrase: lower case, single spaces, straight apostrophes, no edge punctuation. */
export function phraseKey(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?"“”()]+|[\s.,;:!?"“”()]+$/g, '');
}

/**
 * Vague and tenure phrases in a summary, in text order. Where several rules
 * catch overlapping words, the stretch is reported once per kind.
 */
export function summaryFindings(text: string): SummaryFinding[] {
  const findings: SummaryFinding[] = [];
  for (const [kind, rules] of SCANS) {
    const taken: Array<{ from: number; to: number }> = [];
    for (const rule of rules) {
      rule.pattern.lastIndex = 0;
      for (const match of text.matchAll(rule.pattern)) {
        const phrase = match[0].trim();
        if (phrase === '') continue;
        const from = match.index + match[0].indexOf(phrase);
        const to = from + phrase.length;
        if (taken.some((t) => from < t.to && t.from < to)) continue;
        taken.push({ from, to });
        findings.push({ kind, phrase, key: phraseKey(phrase), index: from, length: phrase.length, reason: rule.reason });
      }
    }
  }
  return findings.sort((a, b) => a.index - b.index || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Where a finding sits, by the criterion's code and text: "IC3.2 (“Owns the health of a component in production”)". */
function criterionName(levelCode: string, index: number, text: string): string {
  return `${criterionCode(levelCode, index)} (“${text}”)`;
}


/** Vague and tenure findings in one text, one check per distinct phrase, pushed in text order. */
function textChecks(
  out: PacketCheck[],
  text: string,
  where: { idPart: (kind: SummaryFindingKind) => string; title: (kind: SummaryFindingKind) => string; detail: string; fix: PacketCheck['fix'] },
): void {
  const seen = new Set<string>();
  for (const f of summaryFindings(text)) {
    const id = `${where.idPart(f.kind)}:${f.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, severity: 'warning', title: where.title(f.kind), why: f.kind === 'vague' ? WHY.vague : WHY.tenure, fix: where.fix, detail: `${where.detail}: “${f.phrase}”. ${f.reason}` });
  }
}

/**
 * The day a revision's checks are judged on (PacketCheckInput.today): the day it was submitted, in `timeZone`, so a
 * submitted revision shows the checks its manager acknowledged; today for a draft.
 */
export function checksDay(packet: Pick<Packet, 'submittedAt'>, now: string, timeZone: string): string {
  return dayOf(packet.submittedAt ?? now, timeZone);
}

/** All checks for a packet, blockers first, each group in a stable order. */
export function packetChecks(input: PacketCheckInput): PacketCheck[] {
  const { framework, cycle, candidate, packet, showDate } = input;
  const window: EvidenceWindow = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  const logged = input.evidence.filter((e) => e.candidateId === candidate.id);
  const blockers: PacketCheck[] = [];
  const warnings: PacketCheck[] = [];

  const levelId = packet.targetLevelId;
  const levelKnown = levelId !== null && framework.levels.some((l) => l.id === levelId);
  // The case's evidence: what is linked to the target level's criteria, which is what the submitted revision keeps
  // (takeSnapshot). Checked over anything else, a draft showed warnings (an unlinked item outside the window) that its
  // submitted revision no longer had: the record said fewer warnings were acknowledged than the manager acknowledged.
  const evidence = citedEvidence(framework, levelId, logged);
  if (!levelKnown) {
    blockers.push({
      id: 'no-target-level',
      severity: 'blocker',
      title: 'No target level',
      why: WHY.noTargetLevel,
      fix: { target: 'candidate', id: candidate.id },
      detail:
        levelId === null
          ? 'The packet does not name the level the candidate is being considered for. Set the target level on the candidate.'
          : `The target level "${levelId}" is not in the cycle’s framework. Choose one of its levels.`,
    });
  }

  const wanted = candidate.targetLevelId ?? null;
  if (levelKnown && wanted !== null && wanted !== levelId) {
    const code = (id: string) => levelCodeOf(framework, id);
    blockers.push({
      id: 'target-level-changed',
      severity: 'blocker',
      title: 'Written for another level',
      why: WHY.targetChanged,
      fix: { target: 'candidate', id: candidate.id },
      detail: `The candidate’s target level is now ${code(wanted)}, but this packet is written against ${code(levelId)}. Use ${code(wanted)} for the packet, or set the candidate’s target back to ${code(levelId)}.`,
    });
  }

  if (evidence.length === 0 && (levelKnown || logged.length === 0)) {
    blockers.push({
      id: 'no-evidence',
      severity: 'blocker',
      title: 'No evidence',
      why: WHY.noEvidence,
      fix: { target: 'evidence' },
      detail:
        logged.length === 0
          ? 'Log at least one dated piece of evidence and link it to the target level’s criteria.'
          : `None of the ${plural(logged.length, 'item')} logged is linked to a criterion of the target level, so the case has no evidence. Link the items that show the target level to its criteria.`,
    });
  }

  if (packet.summary.trim() === '') {
    blockers.push({
      id: 'no-summary',
      severity: 'blocker',
      title: 'No summary',
      why: WHY.noSummary,
      fix: { target: 'summary' },
      detail: 'Write a few sentences on what the candidate did at the target level, with the outcomes.',
    });
  }

  const coverage = levelKnown ? criterionCoverage(framework, packet, evidence, window) : [];
  const levelCode = levelCodeOf(framework, levelId, '');
  for (const [i, c] of coverage.entries()) {
    if (c.rating !== null) continue;
    blockers.push({
      id: `criterion-unassessed:${c.criterion.id}`,
      severity: 'blocker',
      title: 'Criterion not assessed',
      why: WHY.unassessed,
      fix: { target: 'criterion', id: c.criterion.id },
      detail: `${criterionName(levelCode, i, c.criterion.text)} is not assessed. Choose Not yet, Partially or Consistently.`,
    });
  }

  // Per-criterion gaps only mean something once there is some evidence to cover the level.
  if (evidence.length > 0) {
    for (const [i, c] of coverage.entries()) {
      if (c.evidenceInWindow > 0) continue;
      warnings.push({
        id: `criterion-without-evidence:${c.criterion.id}`,
        severity: 'warning',
        title: 'Criterion without evidence',
        why: WHY.criterionWithoutEvidence,
        fix: { target: 'criterion', id: c.criterion.id },
        detail:
          c.evidence.length === 0
            ? `${criterionName(levelCode, i, c.criterion.text)}: no evidence is linked.`
            : `${criterionName(levelCode, i, c.criterion.text)}: ${plural(c.evidence.length, 'linked item')}, all dated outside the window ${showDate(window.from)} to ${showDate(window.to)}.`,
      });
    }
  }

  // Each cited item's date: outside the window it does not count; inside it but after the day the case is judged it
  // counts toward coverage and "sustained", though evidence records work already done (a trial's item dated next month
  // raised readiness unremarked).
  const { today } = input;
  for (const e of evidence) {
    if (!isInWindow(e.date, window)) {
      const where = e.date < window.from ? `, before the window opens on ${showDate(window.from)}` : e.date > window.to ? `, after the window closes on ${showDate(window.to)}` : '';
      warnings.push({
        id: `evidence-outside-window:${e.id}`,
        severity: 'warning',
        title: 'Evidence outside the window',
        why: WHY.evidenceOutsideWindow,
        fix: { target: 'evidence', id: e.id },
        detail: `“${e.title}” is dated ${showDate(e.date)}${where}. Correct the date or leave it out of the case.`,
      });
    } else if (today !== undefined && e.date > today) {
      warnings.push({
        id: `evidence-after-today:${e.id}`,
        severity: 'warning',
        title: 'Evidence dated in the future',
        why: WHY.evidenceAhead,
        fix: { target: 'evidence', id: e.id },
        detail: `“${e.title}” is dated ${showDate(e.date)}, after ${showDate(today)}, yet it counts toward coverage and “sustained”. Correct the date, or leave it out of the case until the work is done.`,
      });
    }
  }

  for (const [i, c] of coverage.entries()) {
    if (c.rating === null || c.rating === 'not-yet' || c.quarters.length !== 1) continue;
    const quarter = quarterKeyLabel(c.quarters[0] as string);
    warnings.push({
      id: singleQuarterId(c.criterion.id),
      severity: 'warning',
      title: 'Criterion with evidence from one quarter',
      why: WHY.singleQuarter,
      fix: { target: 'criterion', id: c.criterion.id },
      detail: `${criterionName(levelCode, i, c.criterion.text)} is assessed “${c.rating}”, but ${c.evidenceInWindow === 1 ? 'its only item inside the window is' : `all ${plural(c.evidenceInWindow, 'item')} inside the window are`} dated ${quarter}. Add evidence from another quarter, or assess it as it stands.`,
    });
  }

  textChecks(warnings, packet.summary, {
    idPart: (kind) => (kind === 'vague' ? 'vague-summary' : 'tenure-argument'),
    title: (kind) => (kind === 'vague' ? 'Vague language in the summary' : 'Tenure argument in the summary'),
    detail: 'In the summary',
    fix: { target: 'summary' },
  });

  for (const [i, c] of coverage.entries()) {
    const note = packet.assessments[c.criterion.id]?.note ?? '';
    if (note.trim() === '') continue;
    textChecks(warnings, note, {
      idPart: (kind) => `${kind === 'vague' ? 'vague-note' : 'tenure-note'}:${c.criterion.id}`,
      title: (kind) => (kind === 'vague' ? 'Vague language in a criterion note' : 'Tenure argument in a criterion note'),
      detail: `In the note on ${criterionName(levelCode, i, c.criterion.text)}`,
      fix: { target: 'criterion', id: c.criterion.id },
    });
  }

  for (const e of evidence) {
    textChecks(warnings, e.title, {
      idPart: (kind) => `${kind === 'vague' ? 'vague-evidence' : 'tenure-evidence'}:${e.id}`,
      title: (kind) => (kind === 'vague' ? 'Vague language in an evidence title' : 'Tenure argument in an evidence title'),
      detail: `In the evidence “${e.title}” (${showDate(e.date)})`,
      fix: { target: 'evidence', id: e.id },
    });
  }

  return [...blockers, ...warnings];
}

export interface SubmitReadiness {
  ok: boolean;
  blockers: PacketCheck[];
  /** Warnings whose id is not among the acknowledged ids. */
  unacknowledged: PacketCheck[];
}

const singleQuarterId = (criterionId: string) => `single-quarter:${criterionId}`;

/**
 * The acknowledgements left after a criterion's rating changes: a warning whose words quote the rating ("is assessed
 * “partially”, but its only item … is dated 2026 Q1") makes another claim under the new one, so its acknowledgement is
 * withdrawn and the manager confirms again. A trial's acknowledged warning went on to read "consistently", still
 * acknowledged, and the stronger claim was submitted unconfirmed.
 */
export function acknowledgedAfterRating(acknowledged: readonly string[], criterionId: string): string[] {
  const quoting = singleQuarterId(criterionId);
  return acknowledged.filter((id) => id !== quoting);
}

/** A packet may be submitted with no blockers and every warning acknowledged; acknowledging a blocker does nothing. */
export function canSubmit(checks: readonly PacketCheck[], acknowledgedIds: Iterable<string>): SubmitReadiness {
  const acknowledged = new Set(acknowledgedIds);
  const blockers = checks.filter((c) => c.severity === 'blocker');
  const unacknowledged = checks.filter((c) => c.severity === 'warning' && !acknowledged.has(c.id));
  return { ok: blockers.length === 0 && unacknowledged.length === 0, blockers, unacknowledged };
}
