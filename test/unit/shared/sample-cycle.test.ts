import { describe, expect, it } from 'vitest';
import { CandidateSchema, CycleSchema, EvidenceSchema, FrameworkSchema, PacketSchema, SessionSchema } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { validateDecision } from '../../../shared/calibration/decision-helpers';
import { builtInFrameworks } from '../../../shared/frameworks/builtin';
import { isAllowedPromotion } from '../../../shared/rules/promotion-levels';
import { canSubmit, packetChecks } from '../../../shared/packets/checks';
import { criterionCoverage } from '../../../shared/packets/coverage';
import { readiness } from '../../../shared/rules/readiness';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { quarterKey } from '../../../shared/util/dates';

describe('generateSampleCycle', () => {
  const sample = generateSampleCycle(ic0M3Levels);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSampleCycle(ic0M3Levels)).toEqual(sample);
    const other = generateSampleCycle(ic0M3Levels, { seed: 7 });
    expect(other.evidence.map((e) => e.date)).not.toEqual(sample.evidence.map((e) => e.date));
  });

  it('produces rows that satisfy the domain schemas', () => {
    expect(() => FrameworkSchema.parse(sample.framework)).not.toThrow();
    expect(() => CycleSchema.parse(sample.cycle)).not.toThrow();
    for (const c of sample.candidates) CandidateSchema.parse(c);
    for (const e of sample.evidence) EvidenceSchema.parse(e);
    for (const p of sample.packets) PacketSchema.parse(p);
    for (const s of sample.sessions) SessionSchema.parse(s);
  });

  it('has 6 managers, at least 40 candidates on both tracks, and about 300 evidence items over 4 quarters', () => {
    expect(new Set(sample.candidates.map((c) => c.manager)).size).toBe(6);
    expect(sample.candidates.length).toBeGreaterThanOrEqual(40);
    const trackOf = new Map(sample.framework.levels.map((l) => [l.id, l.trackId]));
    const tracks = new Set(sample.candidates.map((c) => trackOf.get(c.currentLevelId)));
    expect(tracks.size).toBe(2);
    expect(sample.candidates.some((c) => trackOf.get(c.currentLevelId) !== trackOf.get(c.targetLevelId!))).toBe(true);
    expect(new Set(sample.candidates.map((c) => c.currentLevelId)).size).toBeGreaterThanOrEqual(5);
    expect(sample.evidence.length).toBeGreaterThanOrEqual(250);
    expect(sample.evidence.length).toBeLessThanOrEqual(350);
    expect(new Set(sample.evidence.map((e) => quarterKey(e.date)))).toEqual(new Set(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']));
  });

  it('keeps evidence inside the window and linked to criteria of the candidate’s levels', () => {
    const levelOfCriterion = new Map(sample.framework.criteria.map((c) => [c.id, c.levelId]));
    const candidate = new Map(sample.candidates.map((c) => [c.id, c]));
    for (const e of sample.evidence) {
      expect(e.date >= sample.cycle.evidenceFrom && e.date <= sample.cycle.evidenceTo).toBe(true);
      const c = candidate.get(e.candidateId)!;
      for (const id of e.criterionIds) expect([c.currentLevelId, c.targetLevelId]).toContain(levelOfCriterion.get(id));
    }
  });

  it('assesses every target criterion in each packet and rates unevidenced criteria "not yet"', () => {
    for (const packet of sample.packets) {
      const target = sample.framework.criteria.filter((c) => c.levelId === packet.targetLevelId);
      expect(Object.keys(packet.assessments).sort()).toEqual(target.map((c) => c.id).sort());
      for (const criterion of target) {
        const evidenced = sample.evidence.some((e) => e.candidateId === packet.candidateId && e.criterionIds.includes(criterion.id));
        if (!evidenced) expect(packet.assessments[criterion.id]?.rating).toBe('not-yet');
      }
    }
  });

  it('submits only packets a manager could submit: no blocker, every warning acknowledged, something ready', () => {
    const window = { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo };
    const submitted = sample.packets.filter((p) => p.status === 'submitted');
    expect(submitted.length).toBeGreaterThanOrEqual(10);
    for (const packet of submitted) {
      const evidence = sample.evidence.filter((e) => e.candidateId === packet.candidateId);
      const candidate = sample.candidates.find((c) => c.id === packet.candidateId)!;
      const checks = packetChecks({ framework: sample.framework, cycle: sample.cycle, candidate, packet, evidence, showDate: (date) => date });
      expect(canSubmit(checks, packet.acknowledgedChecks)).toMatchObject({ ok: true });
      expect(packet.summary.trim()).not.toBe('');
      expect(readiness(criterionCoverage(sample.framework, packet, evidence, window)).ready).toBeGreaterThan(0);
    }
  });

  it('has an evidence window that runs to the cycle’s close, with the work dated before the cycle opened', () => {
    expect(sample.cycle.evidenceTo).toBe(sample.cycle.closesOn);
    for (const e of sample.evidence) expect(e.date < sample.cycle.opensOn).toBe(true);
  });

  it('scales to larger sizes for benchmarks', () => {
    const big = generateSampleCycle(ic0M3Levels, { candidates: 500, evidencePerCandidate: 20 });
    expect(big.candidates).toHaveLength(500);
    expect(new Set(big.candidates.map((c) => c.id)).size).toBe(500);
    expect(new Set(big.evidence.map((e) => e.id)).size).toBe(big.evidence.length);
  });
});

describe('the sample sessions', () => {
  const sample = generateSampleCycle(ic0M3Levels);
  it('has a finalized pilot with a locked decision and pre and post votes for each of its candidates, and a planned session for the rest', () => {
    const [pilot, week1] = sample.sessions;
    expect(pilot?.status).toBe('finalized');
    expect(week1?.status).toBe('planned');
    expect(pilot!.candidateIds.some((id) => week1!.candidateIds.includes(id))).toBe(false);
    for (const id of pilot!.candidateIds) {
      const decision = sample.decisions.find((d) => d.candidateId === id);
      expect(decision?.locked).toBe(true);
      expect(decision?.rationale.length).toBeGreaterThan(20);
      expect(sample.votes.filter((v) => v.candidateId === id && v.phase === 'pre')).toHaveLength(pilot!.members.length);
      expect(sample.votes.filter((v) => v.candidateId === id && v.phase === 'post')).toHaveLength(pilot!.members.length);
    }
    expect(new Set(sample.decisions.map((d) => d.outcome)).size).toBeGreaterThan(1);
  });

  it('gives each pilot decision a rationale that agrees with its packet: the count it names is the count ready', () => {
    // A trial read "Strong in 2 of 4 criteria" above cited criteria all rated Partially or Not yet.
    for (const decision of sample.decisions) {
      const packet = sample.packets.find((p) => p.candidateId === decision.candidateId && p.status === 'submitted')!;
      const coverage = criterionCoverage(sample.framework, packet, sample.evidence.filter((e) => e.candidateId === decision.candidateId), { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo });
      const ready = readiness(coverage);
      expect(decision.rationale).toMatch(new RegExp(`\\b${ready.ready} of ${ready.total} criteria\\b`));
      // Not yet and Defer cite what is not ready; Promote what is.
      const cited = new Set(decision.citedCriterionIds);
      expect(ready.readyCriterionIds.some((id) => cited.has(id))).toBe(decision.outcome === 'promote');
      if (decision.outcome !== 'promote') expect(decision.rationale).toMatch(/^Ready on \d+ of \d+ criteria; the criteria cited /);
    }
  });

  it.each(builtInFrameworks.map((f) => [f.name, f] as const))('follows the ladder on %s: targets are promotions, decisions pass the decision rules', (_name, definition) => {
    const generated = generateSampleCycle(definition, { candidates: 12 });
    for (const c of generated.candidates) expect(isAllowedPromotion(generated.framework, c.currentLevelId, c.targetLevelId!)).toBe(true);
    const byId = new Map(generated.candidates.map((c) => [c.id, c]));
    expect(generated.decisions.length).toBeGreaterThan(0);
    for (const d of generated.decisions) {
      const c = byId.get(d.candidateId)!;
      expect(validateDecision({ framework: generated.framework, currentLevelId: c.currentLevelId, targetLevelId: c.targetLevelId, ...d }).errors).toEqual([]);
    }
    for (const v of generated.votes) if (v.outcome === 'promote-other') expect(isAllowedPromotion(generated.framework, byId.get(v.candidateId)!.currentLevelId, v.levelId!)).toBe(true);
  });
});
