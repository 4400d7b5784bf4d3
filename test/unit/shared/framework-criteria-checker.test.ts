import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { builtInFrameworks, ic0M3Levels } from '../../../shared/frameworks/builtin';
import { checkCriteria, checkCriterionText, validateFramework } from '../../../shared/frameworks/criteria-checker';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { importProgressionFramework } from '../../../shared/frameworks/progression-format';

const AT = '2025-01-01T00:00:00.000Z';
const kinds = (text: string) => checkCriterionText(text).map((f) => f.kind);

describe('criteria checker: vague criteria', () => {
  it.each([
    ['Demonstrates leadership potential', 'Demonstrates leadership potential'],
    ['Shows strategic thinking in planning', 'strategic thinking'],
    ['Has executive presence', 'executive presence'],
    ['Is a good communicator', 'good communicator'],
    ['A team player who helps others', 'team player'],
    ['Thinks big about the product', 'Thinks big'],
    ['Strong culture fit with the team', 'culture fit'],
    ['Passionate about code quality', 'Passionate'],
    ['Shows technical leadership on the team', 'Shows technical leadership'],
    ['High-potential engineer ready for more', 'High-potential'],
    ['Always goes above and beyond for customers', 'goes above and beyond'],
  ])('flags "%s"', (text, phrase) => {
    const findings = checkCriterionText(text);
    const vague = findings.filter((f) => f.kind === 'vague');
    expect(vague.map((f) => f.phrase)).toContain(phrase);
    expect(vague.every((f) => f.reason.length > 20)).toBe(true);
  });

  it('reports overlapping matches once', () => {
    expect(checkCriterionText('Demonstrates leadership potential').filter((f) => f.kind === 'vague')).toHaveLength(1);
  });

  it.each([
    'Mentors two engineers',
    'Mentors two engineers through their first on-call rotation',
    'Highlights potential security issues when raising and reviewing pull requests',
    'Leads the technical design of a significant system change, with a design document reviewed by the team',
    'Presents the quarterly plan to the leadership team and gets a decision',
    'Drives changes to engineering practices with well-reasoned arguments',
    'Leads incident resolutions',
  ])('does not flag "%s"', (text) => {
    expect(checkCriterionText(text)).toEqual([]);
  });
});

describe('criteria checker: tenure', () => {
  it.each([
    ['5 years at level', '5 years at level'],
    ['5+ years of experience with Go', '5+ years of experience'],
    ["Three years' experience in payments", "Three years' experience"],
    ['Two years in the role as a senior engineer', 'Two years in the role'],
    ['Has been at this level for two years', 'been at this level for two years'],
    ['At least 3 years as a senior engineer', 'At least 3 years'],
    ['Tenure of eighteen months or more', 'Tenure'],
    ['Time in role is considered', 'Time in role'],
  ])('flags "%s"', (text, phrase) => {
    const tenure = checkCriterionText(text).filter((f) => f.kind === 'tenure');
    expect(tenure.map((f) => f.phrase)).toContain(phrase);
    expect(tenure[0]?.reason).toMatch(/Time served is not a criterion/);
    // Written for managers: no internal wording ("the seeds call…").
    expect(tenure[0]?.reason).not.toMatch(/seed/i);
  });

  it('says why in words a manager knows: no reason names the team’s reference documents ("the seeds")', () => {
    const texts = ['Shows leadership in the team', 'Shows strategic thinking', 'Has executive presence', 'Culture fit', 'High potential', 'Two years in the role'];
    const reasons = texts.flatMap((t) => checkCriterionText(t).map((f) => f.reason));
    expect(reasons.length).toBeGreaterThanOrEqual(texts.length);
    for (const reason of reasons) expect(reason).not.toMatch(/seed/i);
  });

  it.each([
    'Operates at the next level consistently for two to three quarters',
    'Services can withstand a year’s worth of growth in load without first aid',
    'Plans the next two years of the platform roadmap with product',
    'Mentors two engineers',
  ])('does not flag "%s"', (text) => {
    expect(kinds(text)).not.toContain('tenure');
  });
});

describe('criteria checker: too short', () => {
  it('flags empty and very short criteria', () => {
    expect(checkCriterionText('   ')).toEqual([{ kind: 'too-short', phrase: '', reason: 'The criterion is empty.' }]);
    expect(kinds('Leadership')).toEqual(['too-short']);
    expect(kinds('Team player')).toEqual(['too-short', 'vague']);
    expect(kinds('Fixes simple bugs')).toEqual([]);
  });
});

describe('criteria checker on whole frameworks', () => {
  it('attaches the criterion id to each finding', () => {
    const framework = materializeBuiltIn(ic0M3Levels, AT);
    const first = framework.criteria[0];
    if (!first) throw new Error('no criteria');
    const edited: Framework = { ...framework, criteria: [{ ...first, text: 'Demonstrates leadership potential after 5 years at level' }, ...framework.criteria.slice(1)] };
    const findings = checkCriteria(edited);
    expect(findings.map((f) => [f.criterionId, f.kind])).toEqual([
      [first.id, 'vague'],
      [first.id, 'tenure'],
    ]);
    expect(checkCriteria([{ id: 'a', text: 'Team player' }]).map((f) => f.criterionId)).toEqual(['a', 'a']);
  });

  it('finds nothing in the built-in frameworks or the Monzo backend framework', () => {
    for (const definition of builtInFrameworks) expect(checkCriteria(materializeBuiltIn(definition, AT))).toEqual([]);
    const monzo = readFileSync(fileURLToPath(new URL('../../fixtures/frameworks/monzo-backend.md', import.meta.url)), 'utf8');
    const result = importProgressionFramework(monzo, { at: AT });
    if (!result.ok) throw new Error('monzo fixture did not import');
    expect(checkCriteria(result.framework)).toEqual([]);
  });
});

describe('validateFramework', () => {
  const framework = materializeBuiltIn(ic0M3Levels, AT);

  it('finds no errors in the built-ins', () => {
    for (const definition of builtInFrameworks) {
      expect(validateFramework(materializeBuiltIn(definition, AT)).filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('reports each problem with entity, id, field and path', () => {
    const [l0, l1, l2, l3, ...rest] = framework.levels;
    if (!l0 || !l1 || !l2 || !l3) throw new Error('too few levels');
    const [c0, ...otherCriteria] = framework.criteria;
    if (!c0) throw new Error('no criteria');
    const broken: Framework = {
      ...framework,
      name: ' ',
      tracks: framework.tracks.map((t, i) => (i === 0 ? { ...t, name: '' } : t)),
      levels: [
        { ...l0, code: '' },
        { ...l1, title: '' },
        { ...l2, code: l0.code.toLowerCase(), order: l1.order },
        { ...l3, trackId: 'ghost-track' },
        ...rest,
      ],
      criteria: [{ ...c0, levelId: 'ghost-level' }, ...otherCriteria],
    };
    const errors = validateFramework(broken).filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.entity, i.path])).toEqual([
      ['framework', 'name'],
      ['track', 'tracks[0].name'],
      ['level', 'levels[0].code'],
      ['level', 'levels[1].title'],
      ['level', 'levels[2].order'],
      ['level', 'levels[3].trackId'],
      ['criterion', 'criteria[0].levelId'],
    ]);
    const order = errors.find((i) => i.path === 'levels[2].order');
    expect(order).toMatchObject({ entity: 'level', id: l2.id, field: 'order', severity: 'error' });
    // The earlier level in a person's words (its title here is blank, its track unnamed), not "levels[1]"; the path keeps the index.
    expect(order?.message).toContain(`already taken by another level (${l1.code});`);
  });

  it('reports duplicate level codes regardless of case', () => {
    const [l0, l1, ...rest] = framework.levels;
    if (!l0 || !l1) throw new Error('too few levels');
    const issues = validateFramework({ ...framework, levels: [l0, { ...l1, code: ` ${l0.code.toLowerCase()} ` }, ...rest] });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ entity: 'level', id: l1.id, field: 'code', path: 'levels[1].code' }),
    ]);
  });

  it('warns about levels without criteria and tracks without levels', () => {
    const issues = validateFramework({
      ...framework,
      tracks: [...framework.tracks, { id: 'empty-track', name: 'Architecture', kind: 'architecture', description: '' }],
      criteria: framework.criteria.filter((c) => c.levelId !== framework.levels[0]?.id),
    });
    expect(issues.filter((i) => i.severity === 'warning').map((i) => i.path)).toEqual(['tracks[2].id', 'levels[0].criteria']);
  });
});
