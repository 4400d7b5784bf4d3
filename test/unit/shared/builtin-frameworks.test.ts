import { describe, it, expect } from 'vitest';
import { FrameworkSchema, levelsOfTrack, type Framework } from '../../../shared/domain/framework';
import {
  builtInFrameworks,
  careerTrackIcManager,
  ic0M3Levels,
  pathwaysGeHoe,
  streamsEngineeringArchitectureManagement,
} from '../../../shared/frameworks/builtin';

const STAMP = '2025-01-01T00:00:00.000Z';

/** What storage does to a built-in: add version and timestamps, mark it built-in. */
function parse(fw: (typeof builtInFrameworks)[number]): Framework {
  return FrameworkSchema.parse({ ...fw, version: 1, createdAt: STAMP, updatedAt: STAMP, builtIn: true, frozen: false });
}

const parsed = builtInFrameworks.map(parse);
const byLineage = (lineageId: string): Framework => {
  const fw = parsed.find((f) => f.lineageId === lineageId);
  if (!fw) throw new Error(`no built-in framework with lineage ${lineageId}`);
  return fw;
};

const VAGUE_OR_TENURE = /leadership potential|strategic thinking|executive presence|\byears?\b.*\b(at|in) (level|role)/i;

function allIds(fw: Framework): string[] {
  return [
    fw.id,
    fw.lineageId,
    ...fw.tracks.map((t) => t.id),
    ...fw.levels.map((l) => l.id),
    ...fw.competencies.map((c) => c.id),
    ...fw.criteria.map((c) => c.id),
    ...fw.equivalences.map((e) => e.id),
    ...fw.roles.map((r) => r.id),
  ];
}

function codesOfTrack(fw: Framework, trackId: string): string[] {
  return levelsOfTrack(fw, trackId).map((l) => l.code);
}

describe('built-in frameworks', () => {
  it('are listed with IC0–IC4/M1–M3 first and exported by name', () => {
    expect(builtInFrameworks).toHaveLength(4);
    expect(builtInFrameworks[0]).toBe(ic0M3Levels);
    expect(builtInFrameworks).toContain(careerTrackIcManager);
    expect(builtInFrameworks).toContain(pathwaysGeHoe);
    expect(builtInFrameworks).toContain(streamsEngineeringArchitectureManagement);
  });

  it('use ids that are unique across every framework and everything in them', () => {
    const ids = parsed.flatMap(allIds);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('use readable slugs prefixed per framework', () => {
    for (const fw of parsed) {
      expect(fw.id).toMatch(/^builtin-[a-z0-9-]+-v1$/);
      expect(fw.id.startsWith(`${fw.lineageId}-`)).toBe(true);
      for (const id of allIds(fw)) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
  });

  describe.each(parsed.map((fw) => [fw.name, fw] as const))('%s', (_name, fw) => {
    it('parses with the framework schema and names its source', () => {
      expect(fw.source.length).toBeGreaterThan(0);
      expect(fw.description.length).toBeGreaterThan(0);
      expect(fw.tracks.length).toBeGreaterThanOrEqual(2);
      expect(fw.competencies.length).toBeGreaterThanOrEqual(3);
    });

    it('has level codes unique within the framework', () => {
      const codes = fw.levels.map((l) => l.code);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('puts every level on an existing track, ordered 0..n-1 on each track', () => {
      const trackIds = new Set(fw.tracks.map((t) => t.id));
      for (const level of fw.levels) expect(trackIds.has(level.trackId), level.id).toBe(true);
      for (const track of fw.tracks) {
        const orders = levelsOfTrack(fw, track.id).map((l) => l.order);
        expect(orders, track.id).toEqual(orders.map((_, i) => i));
      }
    });

    it('links every criterion to an existing level and competency', () => {
      const levelIds = new Set(fw.levels.map((l) => l.id));
      const competencyIds = new Set(fw.competencies.map((c) => c.id));
      for (const c of fw.criteria) {
        expect(levelIds.has(c.levelId), c.id).toBe(true);
        expect(c.competencyId, c.id).not.toBeNull();
        expect(competencyIds.has(c.competencyId ?? ''), c.id).toBe(true);
        expect(c.id.startsWith(`${c.levelId}-c`), c.id).toBe(true);
      }
    });

    it('uses every competency at least once', () => {
      const used = new Set(fw.criteria.map((c) => c.competencyId));
      for (const comp of fw.competencies) expect(used.has(comp.id), comp.id).toBe(true);
    });

    it('describes every level fully', () => {
      for (const level of fw.levels) {
        const where = `${fw.lineageId} ${level.code}`;
        expect(level.summary.length, where).toBeGreaterThan(20);
        expect(level.summary.trim().endsWith('.'), where).toBe(true);
        expect(level.scope, where).toBeDefined();
        expect(level.scopeDetail.length, where).toBeGreaterThan(0);
        expect(level.autonomy, where).toBeDefined();
        expect(level.autonomyDetail.length, where).toBeGreaterThan(0);
        expect(level.definingShift.length, where).toBeGreaterThan(0);
        expect(fw.criteria.filter((c) => c.levelId === level.id).length, where).toBeGreaterThanOrEqual(3);
        expect(level.notYet.length, where).toBeGreaterThanOrEqual(1);
        expect(level.examples.length, where).toBeGreaterThanOrEqual(1);
      }
    });

    it('has no vague or tenure-based criteria', () => {
      for (const c of fw.criteria) expect(c.text, c.id).not.toMatch(VAGUE_OR_TENURE);
    });

    it('has equivalences between existing levels on different tracks', () => {
      const levels = new Map(fw.levels.map((l) => [l.id, l]));
      for (const eq of fw.equivalences) {
        const [a, b] = eq.levelIds.map((id) => levels.get(id));
        expect(a, eq.id).toBeDefined();
        expect(b, eq.id).toBeDefined();
        expect(a?.trackId, eq.id).not.toBe(b?.trackId);
      }
    });

    it('attaches roles to existing levels', () => {
      const levelIds = new Set(fw.levels.map((l) => l.id));
      for (const role of fw.roles) {
        expect(role.levelIds.length, role.id).toBeGreaterThan(0);
        for (const id of role.levelIds) expect(levelIds.has(id), `${role.id} -> ${id}`).toBe(true);
      }
    });
  });

  it('the vagueness check catches the phrases it is meant to catch', () => {
    expect('Demonstrates leadership potential').toMatch(VAGUE_OR_TENURE);
    expect('Shows strategic thinking').toMatch(VAGUE_OR_TENURE);
    expect('Has executive presence').toMatch(VAGUE_OR_TENURE);
    expect('Two years at level').toMatch(VAGUE_OR_TENURE);
    expect('3 years in role').toMatch(VAGUE_OR_TENURE);
  });
});

describe('IC0–IC4 and M1–M3 (seed 002)', () => {
  const fw = byLineage('builtin-ic0-m3');

  it('has five IC levels and three manager levels with the seed codes', () => {
    expect(codesOfTrack(fw, 'ic0m3-track-ic')).toEqual(['IC0', 'IC1', 'IC2', 'IC3', 'IC4']);
    expect(codesOfTrack(fw, 'ic0m3-track-m')).toEqual(['M1', 'M2', 'M3']);
    expect(fw.tracks.find((t) => t.id === 'ic0m3-track-ic')?.kind).toBe('ic');
    expect(fw.tracks.find((t) => t.id === 'ic0m3-track-m')?.kind).toBe('manager');
  });

  it('keeps the ids the sample data relies on', () => {
    expect(fw.id).toBe('builtin-ic0-m3-v1');
    expect(fw.levels.find((l) => l.id === 'ic0m3-ic2')?.code).toBe('IC2');
    expect(fw.criteria.some((c) => c.id === 'ic0m3-ic2-c01')).toBe(true);
    expect(fw.competencies.some((c) => c.id === 'ic0m3-comp-code')).toBe(true);
  });

  it('treats IC4 and M2 as equivalent', () => {
    const pairs = fw.equivalences.map((e) => [...e.levelIds].sort());
    expect(pairs).toContainEqual(['ic0m3-ic4', 'ic0m3-m2']);
  });

  it('keeps the team sizes from the seed', () => {
    const detail = (id: string) => fw.levels.find((l) => l.id === id)?.scopeDetail ?? '';
    expect(detail('ic0m3-m1')).toMatch(/3\u20135/);
    expect(detail('ic0m3-m2')).toMatch(/10\u201315/);
    expect(detail('ic0m3-m3')).toMatch(/20\u201340/);
  });
});

describe('Career track, IC and manager (seed 000)', () => {
  const fw = byLineage('builtin-career-track');

  it('has six IC levels and five manager levels', () => {
    const ic = levelsOfTrack(fw, 'ctrack-track-ic').map((l) => l.title);
    const m = levelsOfTrack(fw, 'ctrack-track-m').map((l) => l.title);
    expect(ic).toEqual([
      'Junior Software Engineer',
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Software Engineer',
      'Senior Staff Software Engineer',
      'Principal Software Engineer',
    ]);
    expect(m).toEqual([
      'Engineering Manager',
      'Senior Engineering Manager',
      'Director of Engineering',
      'VP of Engineering',
      'CTO / Head of Engineering',
    ]);
  });

  it('has the twelve named competencies of the template', () => {
    expect(fw.competencies.map((c) => c.name).sort()).toEqual(
      [
        'Autonomy & Prioritization',
        'Collaboration & Feedback',
        'Communication',
        'Development',
        'Expertise',
        'Problem Solving',
        'Product Knowledge',
        'Reliability',
        'Responsibility',
        'Scope & Complexity',
        'Supervision',
        'Tools',
      ].sort(),
    );
  });

  it('covers each level\u2019s key competencies, one criterion each', () => {
    const names = new Map(fw.competencies.map((c) => [c.id, c.name]));
    const keyOf = (levelId: string) =>
      fw.criteria
        .filter((c) => c.levelId === levelId)
        .map((c) => names.get(c.competencyId ?? ''))
        .sort();
    expect(keyOf('ctrack-ic1')).toEqual(['Communication', 'Product Knowledge', 'Reliability', 'Scope & Complexity', 'Tools']);
    expect(keyOf('ctrack-m2')).toEqual(
      ['Communication', 'Development', 'Product Knowledge', 'Responsibility', 'Supervision', 'Tools'],
    );
    expect(keyOf('ctrack-m6')).toEqual(['Communication', 'Expertise', 'Product Knowledge', 'Responsibility', 'Scope & Complexity']);
  });

  it('keeps the engineering manager team size of 3–8', () => {
    expect(fw.levels.find((l) => l.id === 'ctrack-m2')?.scopeDetail).toMatch(/3\u20138/);
  });
});

describe('Career pathways GE–LSE and TTL–HoE (seed 003)', () => {
  const fw = byLineage('builtin-pathways');
  const level = (code: string) => fw.levels.find((l) => l.code === code);

  it('has the five core IC levels, then optional Staff, Principal and Distinguished', () => {
    const ic = levelsOfTrack(fw, 'pathways-track-ic');
    expect(ic.filter((l) => !l.optional).map((l) => l.code)).toEqual(['GE', 'JSE', 'ISE', 'SSE', 'LSE']);
    expect(ic.filter((l) => l.optional).map((l) => l.title)).toEqual(['Staff Engineer', 'Principal Engineer', 'Distinguished Engineer']);
    expect(ic.slice(0, 5).every((l) => !l.optional)).toBe(true);
  });

  it('has the three leadership levels, none optional', () => {
    const lead = levelsOfTrack(fw, 'pathways-track-leadership');
    expect(lead.map((l) => l.code)).toEqual(['TTL', 'EM', 'HoE']);
    expect(lead.every((l) => !l.optional)).toBe(true);
  });

  it('keeps the scope and autonomy of the seed table', () => {
    const table: [string, string, string][] = [
      ['GE', 'task', 'supervised'],
      ['JSE', 'feature', 'guided'],
      ['ISE', 'component', 'self-directed'],
      ['SSE', 'system', 'trusted'],
      ['LSE', 'domain', 'strategic'],
    ];
    for (const [code, scope, autonomy] of table) {
      expect(level(code)?.scope, code).toBe(scope);
      expect(level(code)?.autonomy, code).toBe(autonomy);
    }
  });

  it('keeps the spans of control', () => {
    expect(level('TTL')?.scopeDetail).toMatch(/4\u20138/);
    expect(level('EM')?.scopeDetail).toMatch(/8\u201320/);
    expect(level('EM')?.scopeDetail).toMatch(/6\u201312/);
  });
});

describe('Engineering, architecture and management streams (seeds 001 and 004)', () => {
  const fw = byLineage('builtin-streams');

  it('has an engineering, an architecture and a management stream', () => {
    expect(fw.tracks.map((t) => t.kind).sort()).toEqual(['architecture', 'ic', 'manager']);
    expect(levelsOfTrack(fw, 'streams-track-engineering')).toHaveLength(6);
    expect(levelsOfTrack(fw, 'streams-track-architecture')).toHaveLength(1);
    expect(levelsOfTrack(fw, 'streams-track-management').map((l) => l.title)).toEqual([
      'Engineering Manager',
      'Director of Engineering',
      'VP of Engineering',
      'CTO',
    ]);
  });

  it('marks Distinguished Engineer as optional (top-tier organisations only)', () => {
    const optional = fw.levels.filter((l) => l.optional).map((l) => l.title);
    expect(optional).toEqual(['Distinguished Engineer']);
  });

  it('makes team lead a role on levels, never a level', () => {
    const teamLead = fw.roles.find((r) => /team lead/i.test(r.name));
    expect(teamLead).toBeDefined();
    expect(teamLead?.levelIds).toContain('streams-eng-senior');
    expect(fw.levels.some((l) => /team lead|tech lead/i.test(l.title))).toBe(false);
  });

  it('treats the architect and the principal engineer as similar seniority', () => {
    const pairs = fw.equivalences.map((e) => [...e.levelIds].sort());
    expect(pairs).toContainEqual(['streams-arch-architect', 'streams-eng-principal']);
  });
});
