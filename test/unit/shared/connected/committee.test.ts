import { describe, expect, it } from 'vitest';
import { actingAsName, cycleCommittee } from '../../../../shared/connected/committee';
import type { Session } from '../../../../shared/domain';

const session = (createdAt: string, status: Session['status'], members: Session['members']) => ({ createdAt, status, members });

describe('actingAsName: whom the Connected mode panel says this app acts as', () => {
  const committee = cycleCommittee([
    session('2026-10-01T00:00:00.000Z', 'planned', [
      { id: 'm-1', name: 'Morgan Ellis', role: 'chair' },
      { id: 'm-2', name: 'Priyanka Rao', role: 'member' },
    ]),
  ]);

  it('names a member who joined with only their committee id by the name the committee gives that id', () => {
    expect(actingAsName({ memberId: 'm-2', name: 'm-2' }, committee)).toBe('Priyanka Rao');
  });

  it('keeps a name the user typed, even where the committee spells it differently', () => {
    expect(actingAsName({ memberId: 'm-2', name: 'Priya Rao' }, committee)).toBe('Priya Rao');
  });

  it('falls back to the id while the cycle is not yet imported, or when no committee lists the id', () => {
    expect(actingAsName({ memberId: 'm-2', name: 'm-2' }, undefined)).toBe('m-2');
    expect(actingAsName({ memberId: 'm-9', name: 'm-9' }, committee)).toBe('m-9');
  });
});
