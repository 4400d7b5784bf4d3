import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { ladderLayout } from '../../../shared/frameworks/ladder-layout';

function rowsByCode(framework: Pick<Framework, 'tracks' | 'levels' | 'equivalences'>) {
  const { rowOf } = ladderLayout(framework);
  return Object.fromEntries(framework.levels.map((l) => [l.code, rowOf.get(l.id)]));
}

const level = (id: string, trackId: string, order: number) => ({ id, trackId, code: id.toUpperCase(), title: id, order }) as Framework['levels'][number];

describe('ladderLayout', () => {
  it('aligns IC4 with M2 and keeps each track in order', () => {
    const framework = materializeBuiltIn(ic0M3Levels, '2026-01-01T00:00:00.000Z');
    const rows = rowsByCode(framework);
    expect(rows.IC0).toBe(0);
    expect(rows.IC4).toBe(4);
    expect(rows.M2).toBe(rows.IC4);
    expect(rows.M1).toBe(3);
    expect(rows.M3).toBe(5);
    expect(ladderLayout(framework).equivalentsOf.get(framework.levels.find((l) => l.code === 'M2')!.id)).toEqual(['IC4']);
  });

  it('never places a level above the one before it, whatever the equivalences say', () => {
    const framework = {
      tracks: [
        { id: 'a', name: 'A', kind: 'ic' as const, description: '' },
        { id: 'b', name: 'B', kind: 'manager' as const, description: '' },
      ],
      levels: [level('a0', 'a', 0), level('a1', 'a', 1), level('a2', 'a', 2), level('b0', 'b', 0), level('b1', 'b', 1)],
      // b0 ~ a2 and b1 ~ a0 cannot both hold: b1 goes below b0.
      equivalences: [
        { id: 'e1', levelIds: ['a2', 'b0'] as [string, string], note: '' },
        { id: 'e2', levelIds: ['a0', 'b1'] as [string, string], note: '' },
      ],
    };
    expect(rowsByCode(framework)).toEqual({ A0: 0, A1: 1, A2: 2, B0: 2, B1: 3 });
  });

  it('stacks tracks without equivalences from the top', () => {
    const framework = {
      tracks: [
        { id: 'a', name: 'A', kind: 'ic' as const, description: '' },
        { id: 'b', name: 'B', kind: 'other' as const, description: '' },
      ],
      levels: [level('a0', 'a', 0), level('b0', 'b', 0), level('b1', 'b', 1), level('b2', 'b', 2)],
      equivalences: [],
    };
    expect(rowsByCode(framework)).toEqual({ A0: 0, B0: 0, B1: 1, B2: 2 });
    expect(ladderLayout(framework).rows).toBe(3);
  });
});
