/**
 * The sample generator's benchmark options (issue 13): sizes the benchmark
 * relies on when it prints "N candidates, 10 evidence each, a session of
 * 1,000 at one level, 40 criteria per level".
 */
import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { packetChecks } from '../../../shared/packets/checks';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { withCriteriaPerLevel } from '../../../shared/sample/wide-framework';

describe('withCriteriaPerLevel', () => {
  const wide = withCriteriaPerLevel(ic0M3Levels, 40);

  it('gives every level exactly 40 criteria, keeping the built-in ones first, under its own id and lineage', () => {
    for (const level of wide.levels) {
      const own = ic0M3Levels.criteria.filter((c) => c.levelId === level.id);
      const criteria = wide.criteria.filter((c) => c.levelId === level.id);
      expect(criteria).toHaveLength(40);
      expect(criteria.slice(0, own.length)).toEqual(own);
    }
    expect(new Set(wide.criteria.map((c) => c.id)).size).toBe(wide.criteria.length);
    expect(wide.id).not.toBe(ic0M3Levels.id);
    expect(wide.lineageId).not.toBe(ic0M3Levels.lineageId);
    expect(() => FrameworkSchema.parse(materializeBuiltIn(wide, '2026-01-01T00:00:00.000Z'))).not.toThrow();
  });
});

describe('generateSampleCycle benchmark options', () => {
  const sample = generateSampleCycle(withCriteriaPerLevel(ic0M3Levels, 40), {
    seed: 13,
    candidates: 120,
    evidencePerCandidate: 10,
    exactEvidence: true,
    submitAll: true,
    oneLevel: 50,
  });

  it('gives every candidate exactly the evidence asked for', () => {
    const counts = new Map<string, number>();
    for (const e of sample.evidence) counts.set(e.candidateId, (counts.get(e.candidateId) ?? 0) + 1);
    expect(sample.candidates.every((c) => counts.get(c.id) === 10)).toBe(true);
    expect(sample.evidence).toHaveLength(1200);
  });

  it('submits every packet that has no blocker', () => {
    for (const packet of sample.packets) {
      const candidate = sample.candidates.find((c) => c.id === packet.candidateId)!;
      const evidence = sample.evidence.filter((e) => e.candidateId === candidate.id);
      const checks = packetChecks({ framework: sample.framework, cycle: sample.cycle, candidate, packet, evidence, showDate: (date) => date });
      const submittable = checks.every((c) => c.severity === 'warning');
      expect(packet.status !== 'draft').toBe(submittable);
    }
  });

  it('puts the first N candidates on one path and holds those with a submitted packet in a third session', () => {
    const first = sample.candidates.slice(0, 50);
    expect(new Set(first.map((c) => `${c.currentLevelId}>${c.targetLevelId}`)).size).toBe(1);
    const submitted = new Set(sample.packets.filter((p) => p.status !== 'draft').map((p) => p.candidateId));
    const session = sample.sessions[2]!;
    expect([...session.candidateIds].sort()).toEqual(first.filter((c) => submitted.has(c.id)).map((c) => c.id).sort());
    expect(session.status).toBe('planned');
  });

  it('leaves the default sample without the third session', () => {
    expect(generateSampleCycle(ic0M3Levels).sessions).toHaveLength(2);
  });
});
