/**
 * Coverage stored as one row per candidate (database version 8) gives back
 * exactly the criterion rows it was made from, and the version 8 upgrade
 * groups version 7's rows by candidate.
 */
import { describe, expect, it } from 'vitest';
import { coverageRows, criterionCoverage, type CriterionCoverageRow } from '../../../shared/packets/coverage';
import { packCoverage, packStoredRows, unpackAll, unpackCoverage } from '../../../shared/packets/stored-coverage';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { packetEvidence } from '../../../shared/packets/snapshot';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 6, seed: 3 });
const window = { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo };
const rowsOf = (candidateId: string): CriterionCoverageRow[] => {
  const packet = sample.packets.find((p) => p.candidateId === candidateId)!;
  const candidate = sample.candidates.find((c) => c.id === candidateId)!;
  const evidence = sample.evidence.filter((e) => e.candidateId === candidateId);
  return coverageRows(packet, candidate, criterionCoverage(sample.framework, packet, packetEvidence(packet, evidence), window), window);
};

describe('stored coverage', () => {
  it('packs a candidate\'s criterion rows into one row and unpacks them unchanged', () => {
    const rows = rowsOf(sample.candidates[0]!.id);
    expect(rows.length).toBeGreaterThan(1);
    const stored = packCoverage(rows)!;
    expect(stored.id).toBe(sample.candidates[0]!.id);
    expect(stored.criteria).toHaveLength(rows.length);
    expect(unpackCoverage(stored)).toEqual(rows);
    // The shared fields are stored once, not per criterion.
    expect(Object.keys(stored.criteria[0]!)).not.toContain('packetId');
    expect(Object.keys(stored.criteria[0]!)).not.toContain('manager');
  });

  it('stores nothing for no rows and refuses rows of two packets', () => {
    expect(packCoverage([])).toBeNull();
    const [a, b] = [rowsOf(sample.candidates[0]!.id), rowsOf(sample.candidates[1]!.id)];
    expect(() => packCoverage([...a, ...b])).toThrow(/one candidate/);
  });

  it('groups version 7 rows by candidate whatever their order', () => {
    const all = sample.candidates.flatMap((c) => rowsOf(c.id));
    const shuffled = [...all].reverse();
    const stored = packStoredRows(shuffled);
    expect(stored).toHaveLength(sample.candidates.length);
    const byId = (a: CriterionCoverageRow, b: CriterionCoverageRow) => (a.id < b.id ? -1 : 1);
    expect(unpackAll(stored).sort(byId)).toEqual([...all].sort(byId));
  });
});
