/**
 * One rule per fact (issue 9, point 2): the sample cycle, every candidate of
 * a session decided, and the six places a committee reads readiness or the
 * decision from — the packets list, the packet builder, the heatmap, the
 * presenter, the decision book and the CSV — must say the same thing for
 * every candidate. Each output is built by the same pure function its view
 * renders from; the expected figures come from a plain re-count written here,
 * independent of the shared code.
 */
import { describe, expect, it } from 'vitest';
import { buildHeatmap } from '../../../shared/calibration/heatmap';
import { presenterCandidate } from '../../../shared/calibration/presenter-model';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import type { Candidate, Decision, Evidence, Outcome, Packet } from '../../../shared/domain';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import { decisionsCsv } from '../../../shared/export/decisions-csv';
import { OUTCOME_LABELS } from '../../../shared/calibration/common';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { coverageRows, criterionCoverage, type CriterionCoverageRow } from '../../../shared/packets/coverage';
import { packetListRows } from '../../../shared/packets/packet-list';
import { storedReadinessByCandidate } from '../../../shared/packets/stored-readiness';
import { currentPacket, currentPacketByCandidate } from '../../../shared/rules/current-packet';
import { readiness } from '../../../shared/rules/readiness';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { parseCsv } from '../../fixtures/db/csv-reader';

const sample = generateSampleCycle(ic0M3Levels);
const { framework, cycle } = sample;
const window = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
const session = sample.sessions.find((s) => s.status === 'planned')!;
const byId = new Map(sample.candidates.map((c) => [c.id, c]));
const reviewed = session.candidateIds.map((id) => byId.get(id)!);
const evidenceOf = (id: string): Evidence[] => sample.evidence.filter((e) => e.candidateId === id);
const packetsOf = (id: string): Packet[] => sample.packets.filter((p) => p.candidateId === id);

/** What the write path stores: one coverage row per criterion of each current packet. */
const coverage: CriterionCoverageRow[] = sample.candidates.flatMap((c) => {
  const packet = currentPacket(packetsOf(c.id));
  if (!packet) return [];
  return coverageRows(packet, c, criterionCoverage(framework, packet, evidenceOf(c.id), window), window);
});

/** The reference: the readiness rule re-counted by hand from packets and evidence. */
function expectedReadiness(c: Candidate): { ready: number; total: number } {
  const packet = sample.packets.filter((p) => p.candidateId === c.id && p.status !== 'superseded').sort((a, b) => b.revision - a.revision)[0]!;
  const criteria = framework.criteria.filter((k) => k.levelId === packet.targetLevelId);
  let ready = 0;
  for (const k of criteria) {
    const quarters = new Set<string>();
    for (const e of evidenceOf(c.id)) {
      if (!e.criterionIds.includes(k.id) || e.date < window.from || e.date > window.to) continue;
      quarters.add(`${e.date.slice(0, 4)}-Q${Math.ceil(Number(e.date.slice(5, 7)) / 3)}`);
    }
    if (packet.assessments[k.id]?.rating === 'consistently' && quarters.size >= 2) ready++;
  }
  return { ready, total: criteria.length };
}

// Decide everyone, cycling through the outcomes. Two candidates are decided twice at the same decidedAt:
// for the first the later updatedAt must win, for the second (same updatedAt too) the greater id.
const OUTCOMES: Outcome[] = ['promote', 'not-yet', 'defer', 'promote-other'];
const DECIDED_AT = '2026-11-10T14:00:00.000Z';
const decisions: Decision[] = [];
const winner = new Map<string, Decision>();
function decide(c: Candidate, outcome: Outcome, id: string, updatedAt: string): Decision {
  const other = framework.levels.find((l) => l.id !== c.targetLevelId && l.id !== c.currentLevelId)!;
  return {
    id,
    sessionId: session.id,
    candidateId: c.id,
    outcome,
    newLevelId: outcome === 'promote' ? c.targetLevelId : outcome === 'promote-other' ? other.id : null,
    rationale: `Decided ${outcome} on the criteria.`,
    citedCriterionIds: [],
    nextSteps: [],
    dissent: '',
    locked: false,
    decidedAt: DECIDED_AT,
    createdAt: DECIDED_AT,
    updatedAt,
  };
}
reviewed.forEach((c, i) => {
  const d = decide(c, OUTCOMES[i % OUTCOMES.length]!, `dec-${String(i).padStart(3, '0')}`, DECIDED_AT);
  decisions.push(d);
  winner.set(c.id, d);
});
const [first, second] = reviewed;
// First: an edit recorded later (updatedAt) wins; listed first so "the first found" would pick the loser.
const firstRedo = decide(first!, 'promote-other', 'dec-redo-a', '2026-11-10T15:00:00.000Z');
decisions.unshift(firstRedo);
winner.set(first!.id, firstRedo);
// Second: same decidedAt and updatedAt; the greater id wins; listed last so "the last found" would pick it too,
// and a smaller-id twin listed first so "the first found" would not.
const secondTwin = decide(second!, 'defer', 'dec-000-twin', DECIDED_AT);
const secondWin = decide(second!, 'promote', 'dec-zzz', DECIDED_AT);
decisions.unshift(secondTwin);
decisions.push(secondWin);
winner.set(second!.id, secondWin);

const REAL: BlindNames = { salt: '', candidate: (id) => byId.get(id)?.name ?? id, manager: (n) => n, team: (n) => n, group: (_a, v) => v };
const levelText = (id: string | null) => {
  const l = framework.levels.find((x) => x.id === id);
  return l ? `${l.code} ${l.title}` : '—';
};
const expectedLevelAfter = (c: Candidate, d: Decision) => (d.outcome === 'promote' || d.outcome === 'promote-other' ? d.newLevelId : c.currentLevelId);

describe('one rule per fact: every output agrees for every candidate of a decided session', () => {
  const packetList = new Map(packetListRows({ framework, packets: sample.packets, candidates: sample.candidates, readiness: storedReadinessByCandidate(coverage) }).map((r) => [r.packet.candidateId, r]));
  const heatmapRows = new Map(
    [...new Set(reviewed.map((c) => c.targetLevelId!))].flatMap((levelId) => buildHeatmap({ framework, levelId, candidates: reviewed, coverage }).rows.map((r) => [r.candidateId, r] as const)),
  );
  const sessionPackets = [...currentPacketByCandidate(sample.packets.filter((p) => session.candidateIds.includes(p.candidateId))).values()];
  const book = buildDecisionBook({ session, cycle, framework, candidates: sample.candidates, decisions, votes: [], evidence: sample.evidence, coverage, names: REAL, printedAt: '2026-11-11T09:00:00.000Z' });
  const pages = new Map(book.pages.map((p) => [p.candidateId, p]));
  const [header, ...csvRows] = parseCsv(decisionsCsv({ decisions, candidates: reviewed, framework, sessions: [session] }));
  const col = (name: string) => header!.indexOf(name);
  const csv = new Map(csvRows.map((r) => [r[col('candidate_id')]!, r]));

  it('covers a real session with a spread of readiness and every outcome', () => {
    expect(reviewed.length).toBeGreaterThanOrEqual(8);
    expect(new Set([...winner.values()].map((d) => d.outcome))).toEqual(new Set(OUTCOMES));
    const shares = reviewed.map((c) => expectedReadiness(c)).map((r) => r.ready / r.total);
    expect(new Set(shares).size).toBeGreaterThan(2);
    expect(csvRows).toHaveLength(reviewed.length);
    expect(book.pages).toHaveLength(reviewed.length);
  });

  it.each(reviewed.map((c) => [c.name, c] as const))('%s: the same readiness in the packets list, the builder, the heatmap, the presenter and the book', (_name, c) => {
    const expected = expectedReadiness(c);
    const packet = currentPacket(packetsOf(c.id))!;
    const shown = {
      'packets list': packetList.get(c.id)!.readiness,
      'packet builder': readiness(criterionCoverage(framework, packet, evidenceOf(c.id), window)),
      heatmap: heatmapRows.get(c.id)!.readiness,
      presenter: presenterCandidate({ framework, candidate: c, coverage, packets: sessionPackets, decisions }).readiness,
      'decision book': pages.get(c.id)!.readiness,
    };
    for (const [where, r] of Object.entries(shown)) {
      expect({ where, ready: r.ready, total: r.total }).toEqual({ where, ...expected });
      expect(r.rule).toContain(`(${expected.ready} of ${expected.total})`);
    }
  });

  it.each(reviewed.map((c) => [c.name, c] as const))('%s: the same decision in the presenter, the book and the CSV', (_name, c) => {
    const d = winner.get(c.id)!;
    const presenter = presenterCandidate({ framework, candidate: c, coverage, packets: sessionPackets, decisions }).decision;
    expect(presenter?.id).toBe(d.id);
    const page = pages.get(c.id)!;
    expect(page.outcome).toBe(OUTCOME_LABELS[d.outcome]);
    expect(page.rationale).toBe(d.rationale);
    expect(page.newLevel).toBe(levelText(expectedLevelAfter(c, d)));
    // Beside the outcome: a move only when the level changes, never "IC2 → IC2".
    const after = expectedLevelAfter(c, d);
    expect(page.levelLine).toBe(after === c.currentLevelId ? `stays at ${levelText(c.currentLevelId)}` : `${levelText(c.currentLevelId)} → ${levelText(after)}`);
    const row = csv.get(c.id)!;
    expect(row[col('decision_id')]).toBe(d.id);
    expect(row[col('outcome')]).toBe(OUTCOME_LABELS[d.outcome]);
    expect(`${row[col('new_level_code')]} ${row[col('new_level_title')]}`).toBe(levelText(expectedLevelAfter(c, d)));
  });

  it('says where an undecided candidate is, not a move to the same level', () => {
    const undecided = buildDecisionBook({ session, cycle, framework, candidates: sample.candidates, decisions: [], votes: [], evidence: sample.evidence, coverage, names: REAL, printedAt: '2026-11-11T09:00:00.000Z' });
    for (const page of undecided.pages) {
      const c = byId.get(page.candidateId)!;
      expect(page.outcome).toBe('Not decided');
      expect(page.levelLine).toBe(`at ${levelText(c.currentLevelId)}`);
      expect(page.newLevel).toBe('—');
    }
  });

  it('lists the cited criteria in ladder order in the book and the CSV, whatever order they were ticked in', () => {
    // A promotion to another level cites criteria of two levels: the target's 3rd and 1st, then the granted level's 2nd.
    const c = reviewed.find((r) => r.currentLevelId !== r.targetLevelId)!;
    const target = framework.levels.find((l) => l.id === c.targetLevelId)!;
    const granted = framework.levels.find((l) => l.order === target.order + 1)!;
    const ofLevel = (levelId: string) => framework.criteria.filter((k) => k.levelId === levelId);
    const [t1, , t3] = ofLevel(target.id);
    const g2 = ofLevel(granted.id)[1]!;
    const ticked: Decision = { ...decide(c, 'promote-other', 'dec-ticked', '2026-11-10T16:00:00.000Z'), newLevelId: granted.id, citedCriterionIds: [g2.id, t3!.id, 'gone-criterion', t1!.id] };
    const ladder = [t1!.id, t3!.id, g2.id, 'gone-criterion'];
    const bookPage = buildDecisionBook({ session, cycle, framework, candidates: sample.candidates, decisions: [ticked], votes: [], evidence: sample.evidence, coverage, names: REAL, printedAt: '2026-11-11T09:00:00.000Z' }).pages.find((p) => p.candidateId === c.id)!;
    expect(bookPage.cited.map((k) => k.id)).toEqual(ladder);
    // With the codes the CSV and the screens give them (the book listed the criteria's text alone).
    expect(bookPage.cited.map((k) => k.code)).toEqual([`${target.code}.1`, `${target.code}.3`, `${granted.code}.2`, null]);
    // Each with the manager's rating as the session's rows show it, so a Not yet's list reads as the criteria not met and
    // a Promote's as those met (an HR trial read one heading two ways); none for a criterion the packet does not rate.
    const word = (id: string) => {
      const row = coverage.find((r) => r.candidateId === c.id && r.criterionId === id)!;
      return row.rating === null ? 'not rated' : { consistently: 'Consistently', partially: 'Partially', 'not-yet': 'Not yet' }[row.rating];
    };
    expect(bookPage.cited.map((k) => k.rating)).toEqual([word(t1!.id), word(t3!.id), null, null]);
    const [h, ...rows] = parseCsv(decisionsCsv({ decisions: [ticked], candidates: [c], framework, sessions: [session] }));
    expect(rows[0]![h!.indexOf('cited_criteria_codes')]).toBe(`${target.code}.1; ${target.code}.3; ${granted.code}.2; gone-criterion`);
  });

  it('picks the same decision whatever order the database returns them in', () => {
    const reversed = [...decisions].reverse();
    const bookAgain = buildDecisionBook({ session, cycle, framework, candidates: sample.candidates, decisions: reversed, votes: [], evidence: sample.evidence, coverage, names: REAL, printedAt: '2026-11-11T09:00:00.000Z' });
    const [h, ...rows] = parseCsv(decisionsCsv({ decisions: reversed, candidates: reviewed, framework, sessions: [session] }));
    for (const c of [first!, second!]) {
      expect(bookAgain.pages.find((p) => p.candidateId === c.id)?.outcome).toBe(OUTCOME_LABELS[winner.get(c.id)!.outcome]);
      expect(rows.find((r) => r[h!.indexOf('candidate_id')] === c.id)?.[h!.indexOf('decision_id')]).toBe(winner.get(c.id)!.id);
      expect(presenterCandidate({ framework, candidate: c, coverage, packets: sessionPackets, decisions: reversed }).decision?.id).toBe(winner.get(c.id)!.id);
    }
  });
});
