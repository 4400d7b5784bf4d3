/**
 * The sample cycle: a realistic, deterministic data set (a framework, a
 * cycle, managers' candidates across levels and both tracks, evidence over
 * four quarters, packets and a planned session). Same seed, same data, so
 * the first-run flow, tests and benchmarks can use it at any size.
 */
import { submitPacket } from '../packets/revisions';
import { takeSnapshot } from '../packets/snapshot';
import { takeSessionRecord } from '../calibration/session-record';
import type { BuiltInFramework, Candidate, Cycle, Decision, Evidence, EvidenceKind, Framework, Level, Outcome, Packet, Session, Vote } from '../domain';
import { packetChecks } from '../packets/checks';
import { criterionCoverage } from '../packets/coverage';
import { readiness } from '../rules/readiness';
import { eligibleCandidates, orderByLevel } from '../rules/session-candidates';
import { criteriaOfLevel, levelsOfTrack } from '../domain/framework';
import { packetRef } from '../domain/session';
import { allowedPromotionLevels } from '../rules/promotion-levels';
import { materializeBuiltIn } from '../frameworks/materialize';
import { addDays, daysBetween, defaultEvidenceWindow } from '../util/dates';
import { createRandom, type Random } from '../util/random';

export interface SampleOptions {
  seed?: number;
  candidates?: number;
  managers?: number;
  /** Average evidence items per candidate. */
  evidencePerCandidate?: number;
  closesOn?: string;
  /** Timestamp written into createdAt/updatedAt, fixed so output is reproducible. */
  at?: string;
  /** Every candidate gets exactly `evidencePerCandidate` items rather than a spread around it (benchmarks). */
  exactEvidence?: boolean;
  /** Every packet without a blocker is submitted, not about 70% of those with something ready (benchmarks). */
  submitAll?: boolean;
  /** No packet is submitted (the same candidates, evidence and drafts otherwise): a cycle nothing was judged in yet. */
  submitNone?: boolean;
  /**
   * The first N candidates all move along the same path (the first IC
   * promotion path from the middle of the ladder), and a third planned
   * session holds those of them with a submitted packet: one session at one
   * level, as a committee of a large organisation would hold (benchmarks).
   */
  oneLevel?: number;
}

export interface SampleCycle {
  framework: Framework;
  cycle: Cycle;
  candidates: Candidate[];
  evidence: Evidence[];
  packets: Packet[];
  sessions: Session[];
  decisions: Decision[];
  votes: Vote[];
}

const FIRST_NAMES = ['Amara', 'Bo', 'Camila', 'Dmitri', 'Esi', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonah', 'Kavya', 'Lars', 'Mei', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sami', 'Tomasz', 'Uma', 'Viktor', 'Wanjiru', 'Xavier', 'Yara', 'Zeynep', 'Aiko', 'Bruno', 'Chloe', 'Diego', 'Elif', 'Femi', 'Gabriel', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Leila', 'Mateo', 'Noor'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Ferreira', 'Ivanov', 'Mensah', 'Haddad', 'Schulz', 'Tanaka', 'Moreau', 'Adler', 'Iyer', 'Nilsen', 'Chen', 'Rahman', 'Berg', 'Nair', 'Dubois', 'Alvarez', 'Koskinen', 'Nowak', 'Patel', 'Petrov', 'Kamau', 'Laurent', 'Yilmaz', 'Demir', 'Sato', 'Costa', 'Martin', 'Herrera', 'Aydin', 'Adeyemi', 'Silva', 'Kim', 'Horvat', 'Wang', 'Boateng', 'Karimi', 'Romero', 'Hassan'];
const MANAGER_NAMES = ['Alex Morgan', 'Sam Rivera', 'Jordan Lee', 'Taylor Brooks', 'Robin Achebe', 'Casey Nguyen', 'Drew Kowalski', 'Jamie Fischer'];
const TEAMS = ['Payments', 'Platform', 'Mobile', 'Data', 'Growth', 'Infrastructure', 'Search', 'Identity'];
const GENDERS = ['Woman', 'Man', 'Woman', 'Man', 'Non-binary'];
const LOCATIONS = ['Berlin', 'Lisbon', 'Toronto', 'Remote'];
const SYSTEMS = ['checkout service', 'billing pipeline', 'search index', 'mobile release train', 'auth gateway', 'event bus', 'reporting API', 'deploy tooling', 'feature-flag service', 'notifications'];
const KINDS: EvidenceKind[] = ['project', 'project', 'design', 'incident', 'mentoring', 'feedback', 'other'];
const TITLE_TEMPLATES: Record<EvidenceKind, string[]> = {
  project: ['Shipped the {s} rewrite', 'Delivered the {s} migration', 'Led the {s} launch', 'Cut {s} latency by a third'],
  design: ['Wrote the design doc for the {s}', 'Ran the design review for the {s}', 'Proposed a new data model for the {s}'],
  incident: ['Resolved a Sev-2 in the {s}', 'Led the post-incident review for the {s}', 'Added alerting to the {s}'],
  mentoring: ['Mentored a new hire through the {s}', 'Paired weekly with a junior on the {s}', 'Ran a brown-bag on the {s}'],
  feedback: ['Peer feedback on the {s} work', 'Stakeholder praise for the {s}', 'Upward feedback after the {s} project'],
  other: ['Improved onboarding docs for the {s}', 'Organised the {s} guild meeting', 'Interviewed candidates for the {s} team'],
};

/** Distinct first-and-last names for any number of candidates; a number is added only past 1,600. */
function uniqueName(i: number, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const first = FIRST_NAMES[(i + attempt) % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length) + attempt * 3) % LAST_NAMES.length] as string;
    const name = attempt < 40 ? `${first} ${last}` : `${first} ${last} ${i}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function isoAt(at: string, offsetDays: number): string {
  return new Date(Date.parse(at) + offsetDays * 86_400_000).toISOString();
}

/** Pairs of (current, target) levels to draw candidates from, on both tracks and across them. */
function promotionPaths(framework: Framework): Array<[Level, Level]> {
  const paths: Array<[Level, Level]> = [];
  for (const track of framework.tracks) {
    const levels = levelsOfTrack(framework, track.id).filter((l) => !l.optional);
    for (let i = 0; i + 1 < levels.length; i++) paths.push([levels[i] as Level, levels[i + 1] as Level]);
  }
  return paths;
}

/**
 * A track switch from the IC track's upper levels to the lowest manager level
 * that is a promotion from there (the shared rule), if there is one.
 */
function switchPath(framework: Framework): [Level, Level] | null {
  const ic = framework.tracks.find((t) => t.kind === 'ic');
  const mgr = framework.tracks.find((t) => t.kind === 'manager');
  if (!ic || !mgr) return null;
  const icLevels = levelsOfTrack(framework, ic.id).filter((l) => !l.optional);
  const from = icLevels[Math.max(0, icLevels.length - 2)];
  const to = from ? allowedPromotionLevels(framework, from.id).find((l) => l.trackId === mgr.id) : undefined;
  return from && to ? [from, to] : null;
}

function weightedPath(random: Random, framework: Framework, paths: Array<[Level, Level]>): [Level, Level] {
  // Most candidates are on the IC track's middle levels; managers are fewer.
  const ic = paths.filter(([from]) => framework.tracks.find((t) => t.id === from.trackId)?.kind === 'ic');
  const other = paths.filter((p) => !ic.includes(p));
  return other.length > 0 && random.chance(0.25) ? random.pick(other) : random.pick(ic.length > 0 ? ic : paths);
}

export function generateSampleCycle(definition: BuiltInFramework, options: SampleOptions = {}): SampleCycle {
  const seed = options.seed ?? 2026;
  const count = options.candidates ?? 42;
  const managerCount = Math.min(options.managers ?? 6, MANAGER_NAMES.length);
  const perCandidate = options.evidencePerCandidate ?? 7;
  const closesOn = options.closesOn ?? '2026-12-15';
  const at = options.at ?? '2026-10-01T09:00:00.000Z';
  const oneLevel = Math.min(options.oneLevel ?? 0, count);
  const random = createRandom(seed);
  const prefix = `sample-${seed}`;

  const framework = materializeBuiltIn(definition, at, { frozen: true });
  const window = defaultEvidenceWindow(closesOn);
  const cycle: Cycle = {
    id: `${prefix}-cycle`,
    name: `${closesOn.slice(0, 4)} H2 promotion cycle`,
    opensOn: addDays(closesOn, -75),
    closesOn,
    frameworkVersionId: framework.id,
    evidenceFrom: window.from,
    evidenceTo: window.to,
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };

  const managers = MANAGER_NAMES.slice(0, managerCount);
  const paths = promotionPaths(framework);
  const crossTrack = switchPath(framework);
  if (paths.length === 0) throw new Error(`framework ${framework.name} has no promotion path`);
  // The sample's work was done before the cycle opened, so evidence is dated up to the day before.
  const windowDays = daysBetween(window.from, addDays(cycle.opensOn, -1));
  const icPaths = paths.filter(([from]) => framework.tracks.find((t) => t.id === from.trackId)?.kind === 'ic');
  const focusPath = (icPaths.length > 0 ? icPaths : paths)[Math.floor((icPaths.length > 0 ? icPaths : paths).length / 2)] as [Level, Level];

  const candidates: Candidate[] = [];
  const evidence: Evidence[] = [];
  const packets: Packet[] = [];
  const usedNames = new Set<string>();

  for (let i = 0; i < count; i++) {
    // Guarantee both tracks and a track switch appear, then draw the rest.
    // Guarantee a track switch and the manager track appear, then draw the rest.
    const managerPaths = paths.filter(([from]) => framework.tracks.find((t) => t.id === from.trackId)?.kind === 'manager');
    const [current, target] = i < oneLevel
      ? focusPath
      : i === 1 && crossTrack ? crossTrack : i === 4 && managerPaths.length > 0 ? random.pick(managerPaths) : weightedPath(random, framework, paths);
    const managerIndex = i % managerCount;
    const name = uniqueName(i, usedNames);
    const candidate: Candidate = {
      id: `${prefix}-cand-${String(i + 1).padStart(4, '0')}`,
      cycleId: cycle.id,
      name,
      role: current.title,
      team: TEAMS[(managerIndex + (i % 2)) % TEAMS.length] as string,
      manager: managers[managerIndex] as string,
      currentLevelId: current.id,
      targetLevelId: target.id,
      timeInLevelMonths: random.int(9, 40),
      groups: { gender: random.pick(GENDERS), location: random.pick(LOCATIONS) },
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
    candidates.push(candidate);

    // Stronger candidates have more evidence, spread over more quarters.
    const firstEvidence = evidence.length;
    const strength = random.next();
    const targetCriteria = criteriaOfLevel(framework, target.id);
    const currentCriteria = criteriaOfLevel(framework, current.id);
    const n = options.exactEvidence ? perCandidate : Math.max(2, Math.round(perCandidate * (0.55 + strength * 0.9)));
    for (let k = 0; k < n; k++) {
      const kind = random.pick(KINDS);
      const system = random.pick(SYSTEMS);
      const linked = new Set<string>();
      const pool = random.chance(0.85) && targetCriteria.length > 0 ? targetCriteria : currentCriteria;
      if (pool.length > 0) {
        linked.add(random.pick(pool).id);
        if (random.chance(0.4)) linked.add(random.pick(pool).id);
      }
      const date = addDays(window.from, random.int(0, windowDays));
      evidence.push({
        id: `${candidate.id}-ev-${String(k + 1).padStart(3, '0')}`,
        candidateId: candidate.id,
        cycleId: cycle.id,
        title: random.pick(TITLE_TEMPLATES[kind]).replace('{s}', system),
        description: `${candidate.name.split(' ')[0]} worked on the ${system} with the ${candidate.team} team.`,
        date,
        kind,
        links: [],
        source: random.pick(['self', 'manager', 'peer'] as const),
        criterionIds: [...linked],
        createdAt: isoAt(at, -random.int(1, 300)),
        updatedAt: at,
      });
    }

    const mine = evidence.slice(firstEvidence);
    const assessments: Packet['assessments'] = {};
    for (const criterion of targetCriteria) {
      const hits = mine.filter((e) => e.criterionIds.includes(criterion.id)).length;
      const rating = hits === 0 ? 'not-yet' : hits === 1 || strength < 0.3 ? 'partially' : 'consistently';
      assessments[criterion.id] = { rating, note: '' };
    }
    // The draw is taken either way, so the options change nothing else the seed makes.
    const wantsSubmitted = (random.chance(0.7) || options.submitAll === true) && options.submitNone !== true;
    const draft: Packet = {
      id: `${candidate.id}-packet-1`,
      candidateId: candidate.id,
      cycleId: cycle.id,
      targetLevelId: target.id,
      revision: 1,
      parentId: null,
      status: 'draft',
      assessments,
      summary: `${candidate.name} has taken on ${target.code}-level work on the ${candidate.team} team this cycle, with evidence across ${new Set(mine.map((e) => e.date.slice(0, 7))).size} months.`,
      notYetDoing: '',
      acknowledgedChecks: [],
      submittedAt: null,
      snapshot: null,
      createdAt: at,
      updatedAt: at,
    };
    // A sample packet is submitted only as a manager could submit it: no
    // blocker, every warning acknowledged, and something ready to show (a
    // manager does not send the committee a case at 0%). It is frozen as a
    // real submission is.
    // Only the checks' ids and severities are used, so their messages may name dates as stored.
    const checks = packetChecks({ framework, cycle, candidate, packet: draft, evidence: mine, showDate: (date) => date });
    const submittable =
      wantsSubmitted &&
      checks.every((c) => c.severity === 'warning') &&
      (options.submitAll === true || readiness(criterionCoverage(framework, draft, mine, window)).ready > 0);
    const packet: Packet = submittable ? { ...draft, acknowledgedChecks: checks.map((c) => c.id) } : draft;
    packets.push(submittable ? submitPacket(packet, at, takeSnapshot(packet, framework, mine, at)) : packet);
  }

  // The sessions take whoever a new session would (submitted packets), in the by-level order they claim.
  const reviewed = orderByLevel(framework, eligibleCandidates(candidates, packets, { includeDrafts: false }));
  const members = [
    { id: `${prefix}-member-1`, name: 'Morgan Ellis', role: 'chair' as const },
    { id: `${prefix}-member-2`, name: 'Priyanka Rao', role: 'member' as const },
    { id: `${prefix}-member-3`, name: 'Lukas Brandt', role: 'member' as const },
    { id: `${prefix}-member-4`, name: 'Helen Okoro', role: 'hr-partner' as const },
  ];
  // A finished pilot session (decided and finalized, for the Decisions view
  // and the decision book) and a planned one for the rest.
  const pilotSize = Math.min(8, Math.floor(reviewed.length / 3));
  const pilot = reviewed.slice(0, pilotSize);
  const decidedAt = isoAt(at, 30);
  const sessions: Session[] = [
    {
      id: `${prefix}-session-0`,
      cycleId: cycle.id,
      name: 'Engineering calibration, pilot',
      members,
      candidateIds: pilot.map((c) => c.id),
      orderMode: 'by-level',
      timeboxMinutes: 8,
      blind: false,
      status: 'finalized',
      finalizedAt: decidedAt,
      reopenReason: '',
      revealedPreVotes: pilot.map((c) => c.id),
      // The frozen record is taken below, once the pilot's votes and decisions exist.
      record: null,
      history: [{ action: 'finalized', at: decidedAt, by: 'Morgan Ellis', reason: '' }],
      createdAt: at,
      updatedAt: decidedAt,
    },
    {
      id: `${prefix}-session-1`,
      cycleId: cycle.id,
      name: 'Engineering calibration, week 1',
      members,
      candidateIds: reviewed.slice(pilotSize).map((c) => c.id),
      orderMode: 'by-level',
      timeboxMinutes: 8,
      blind: false,
      status: 'planned',
      finalizedAt: null,
      reopenReason: '',
      revealedPreVotes: [],
      record: null,
      history: [],
      createdAt: at,
      updatedAt: at,
    },
  ];
  if (oneLevel > 0) {
    const focus = new Set(candidates.slice(0, oneLevel).map((c) => c.id));
    sessions.push({
      ...sessions[1]!,
      id: `${prefix}-session-2`,
      name: `Engineering calibration, ${focusPath[1].code}`,
      // Not the pilot's: they have their decision (one per candidate per cycle), and this session would refuse another.
      candidateIds: reviewed.filter((c) => focus.has(c.id) && !pilot.includes(c)).map((c) => c.id),
    });
  }

  const window2 = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  const decisions: Decision[] = [];
  const votes: Vote[] = [];
  for (const candidate of pilot) {
    const packet = packets.find((p) => p.candidateId === candidate.id) as Packet;
    const coverage = criterionCoverage(framework, packet, evidence.filter((e) => e.candidateId === candidate.id), window2);
    const ready = readiness(coverage);
    const outcome: Outcome = ready.share >= 0.6 ? 'promote' : ready.share >= 0.3 ? 'defer' : 'not-yet';
    const missing = coverage.filter((c) => !ready.readyCriterionIds.includes(c.criterion.id)).map((c) => c.criterion.text);
    const sessionId = `${prefix}-session-0`;
    decisions.push({
      id: `${sessionId}:${candidate.id}`,
      sessionId,
      candidateId: candidate.id,
      outcome,
      newLevelId: outcome === 'promote' ? candidate.targetLevelId : null,
      rationale:
        outcome === 'promote'
          ? `Evidence across ${ready.ready} of ${ready.total} criteria, sustained over at least two quarters; the committee agreed the level is already being done.`
          : outcome === 'defer'
            ? `Ready on ${ready.ready} of ${ready.total} criteria; the criteria cited need another quarter of sustained evidence before the committee decides.`
            : `Ready on ${ready.ready} of ${ready.total} criteria; the criteria cited are not yet shown consistently over two quarters.`,
      // A promotion rests on the ready criteria; Not yet and Defer on those not ready, as the form pre-ticks them
      // (citedByDefault), and the rationale says so (a trial read "Strong in 2 of 4" above criteria rated Partially).
      citedCriterionIds: (outcome === 'promote' ? ready.readyCriterionIds : coverage.filter((c) => !ready.readyCriterionIds.includes(c.criterion.id)).map((c) => c.criterion.id)).slice(0, 4),
      nextSteps: outcome === 'promote' ? [] : missing.slice(0, 3),
      dissent: '',
      locked: true,
      // Made on the revision the pilot reviewed, as saveDecision records it (the book's and the CSV's packet revision).
      packet: packetRef(packet),
      decidedAt,
      decidedBy: 'Morgan Ellis',
      createdAt: decidedAt,
      updatedAt: decidedAt,
    });
    for (const [i, member] of members.entries()) {
      const pre: Outcome = i === 1 && outcome === 'promote' ? 'defer' : outcome;
      for (const [phase, choice] of [['pre', pre], ['post', outcome]] as const) {
        votes.push({
          id: `${sessionId}:${candidate.id}:${member.id}:${phase}`,
          sessionId,
          candidateId: candidate.id,
          memberId: member.id,
          phase,
          outcome: choice,
          levelId: null,
          corrections: [],
          packet: packetRef(packet),
          createdAt: decidedAt,
          updatedAt: decidedAt,
        });
      }
    }
  }

  // The pilot is finalized, so it carries what it decided on, frozen as finalizeSession freezes it.
  const finalized = sessions[0]!;
  finalized.record = takeSessionRecord({ session: finalized, framework, cycle, candidates, packets, evidence, votes, decisions, at: decidedAt, by: 'Morgan Ellis' });

  return { framework, cycle, candidates, evidence, packets, sessions, decisions, votes };
}
