/**
 * One person, one member id across a cycle's sessions (withCycleMemberIds):
 * a new session's member takes the id they already have on another open
 * session, and an edited session's own members keep theirs — their votes in
 * it are recorded under those ids.
 */
import { describe, expect, it } from 'vitest';
import type { CommitteeMember } from '../../../shared/domain';
import { withCycleMemberIds } from '../../../shared/connected/committee';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const member = (id: string, name: string, role: CommitteeMember['role'] = 'member'): CommitteeMember => ({ id, name, role });
const older = { status: 'planned' as const, createdAt: at(1), members: [member('ada-old', 'Ada Park', 'chair'), member('bo-old', 'Bo Lin')] };
const newer = { status: 'planned' as const, createdAt: at(5), members: [member('ada-new', 'Ada Park', 'chair'), member('cy-new', 'Cy Ortiz')] };
const finalized = { status: 'finalized' as const, createdAt: at(9), members: [member('ada-final', 'Ada Park', 'chair')] };

describe('withCycleMemberIds', () => {
  it('gives a new session’s member the id they have on the newest open session (names compared without case or spacing)', () => {
    const out = withCycleMemberIds([member('fresh-1', '  ada PARK ', 'chair'), member('fresh-2', 'Bo Lin'), member('fresh-3', 'Dee New')], [older, newer, finalized]);
    expect(out.map((m) => m.id)).toEqual(['ada-new', 'bo-old', 'fresh-3']);
  });

  it('never gives one id to two members', () => {
    const out = withCycleMemberIds([member('fresh-1', 'Ada Park'), member('fresh-2', 'ada park')], [newer]);
    expect(out.map((m) => m.id)).toEqual(['ada-new', 'fresh-2']);
  });

  it('editing a session, its own members keep their ids though another open session lists them under others', () => {
    const own = [member('ada-here', 'Ada Park', 'chair'), member('cy-here', 'Cy Ortiz')];
    const out = withCycleMemberIds([...own, member('fresh-1', 'Bo Lin')], [older, newer], own);
    expect(out.map((m) => m.id)).toEqual(['ada-here', 'cy-here', 'bo-old']);
  });

  it('editing a session, a member taken off and added back by name gets their id on it back', () => {
    const own = [member('ada-here', 'Ada Park', 'chair'), member('cy-here', 'Cy Ortiz')];
    const out = withCycleMemberIds([own[0]!, member('fresh-1', 'Cy Ortiz')], [newer], own);
    expect(out.map((m) => m.id)).toEqual(['ada-here', 'cy-here']);
  });
});
