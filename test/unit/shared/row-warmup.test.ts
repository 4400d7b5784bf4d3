/**
 * The import worker's warm-up rows (shared/exchange/row-warmup.ts) are valid
 * rows of their tables, with distinct ids, so the warm-up runs the checks'
 * whole path (a refused row would stop at its first problem).
 */
import { describe, expect, it } from 'vitest';
import { CandidateSchema, CycleSchema, EvidenceSchema, FrameworkSchema, PacketSchema } from '../../../shared/domain';
import { rowCheckWarmUp, warmUpRows, type WarmUpTable } from '../../../shared/exchange/row-warmup';
import { validateFramework } from '../../../shared/frameworks/validate';

const SCHEMAS = { candidates: CandidateSchema, evidence: EvidenceSchema, packets: PacketSchema, cycle: CycleSchema, frameworks: FrameworkSchema } as const;

describe('the row checks warm-up', () => {
  it('checks valid rows of every table, with distinct ids', () => {
    for (const table of Object.keys(SCHEMAS) as WarmUpTable[]) {
      const ids = new Set<string>();
      for (let round = 0; round < 5; round++) {
        for (const row of warmUpRows(round, table)) {
          const parsed = SCHEMAS[table].safeParse(row);
          expect(parsed.success, `${table}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
          ids.add((row as { id: string }).id);
        }
      }
      expect(ids.size).toBe(table === 'cycle' || table === 'frameworks' ? 1 : 5 * warmUpRows(0, table).length);
    }
    const framework = FrameworkSchema.parse(warmUpRows(0, 'frameworks')[0]);
    expect(validateFramework(framework).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('is three slices a round that run without throwing', () => {
    const slices = rowCheckWarmUp(2);
    expect(slices).toHaveLength(6);
    for (const slice of slices) slice();
  });
});
