/**
 * A fast-check arbitrary for consistent frameworks: every level on an
 * existing track with a unique code and place, every criterion on an
 * existing level and competency (or none), equivalences and roles naming
 * existing levels, all ids unique. Text fields take arbitrary Unicode.
 */
import fc from 'fast-check';
import { AutonomySchema, FrameworkSchema, ScopeSchema, TrackKindSchema, type Framework } from '../../../shared/domain/framework';

const nonBlank = fc
  .oneof(fc.string({ minLength: 1, maxLength: 24 }), fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme' }))
  .map((s) => (s.trim() === '' ? `x${s}` : s));
const freeText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40, unit: 'grapheme' }));
const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const levelArb = fc.record({
  title: nonBlank,
  summary: freeText,
  scope: fc.option(fc.constantFrom(...ScopeSchema.options), { nil: undefined }),
  scopeDetail: freeText,
  autonomy: fc.option(fc.constantFrom(...AutonomySchema.options), { nil: undefined }),
  autonomyDetail: freeText,
  definingShift: freeText,
  notYet: fc.array(freeText, { maxLength: 3 }),
  examples: fc.array(freeText, { maxLength: 3 }),
  optional: fc.boolean(),
});

export const frameworkArb: fc.Arbitrary<Framework> = fc
  .record({
    salt: fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
    name: nonBlank,
    description: freeText,
    source: freeText,
    builtIn: fc.boolean(),
    frozen: fc.boolean(),
    version: fc.integer({ min: 1, max: 99 }),
    createdAt: timestamp,
    updatedAt: timestamp,
    tracks: fc.array(
      fc.record({ name: nonBlank, kind: fc.constantFrom(...TrackKindSchema.options), description: freeText, levels: fc.array(levelArb, { minLength: 1, maxLength: 4 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    competencies: fc.array(fc.record({ name: nonBlank, description: freeText }), { maxLength: 4 }),
    criteria: fc.array(
      fc.record({ level: fc.nat(), competency: fc.option(fc.nat(), { nil: null }), text: nonBlank, examples: fc.array(freeText, { maxLength: 2 }) }),
      { maxLength: 12 },
    ),
    equivalences: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), note: freeText }), { maxLength: 3 }),
    roles: fc.array(fc.record({ name: nonBlank, description: freeText, levels: fc.array(fc.nat(), { maxLength: 3 }) }), { maxLength: 2 }),
  })
  .map((s) => {
    const id = (kind: string, n: number | string) => `${s.salt}-${kind}-${n}`;
    const tracks = s.tracks.map((t, i) => ({ id: id('track', i), name: t.name, kind: t.kind, description: t.description }));
    const levels = s.tracks.flatMap((t, i) =>
      t.levels.map((l, j) => ({ ...l, id: id('level', `${i}.${j}`), trackId: id('track', i), code: `L${i}-${j}`, order: j })),
    );
    const competencies = s.competencies.map((c, i) => ({ id: id('comp', i), ...c }));
    const levelAt = (n: number) => levels[n % levels.length]?.id ?? '';
    const criteria = s.criteria.map((c, i) => ({
      id: id('crit', i),
      levelId: levelAt(c.level),
      competencyId: c.competency === null || competencies.length === 0 ? null : (competencies[c.competency % competencies.length]?.id ?? null),
      text: c.text,
      examples: c.examples,
    }));
    const equivalences = s.equivalences.map((e, i) => ({ id: id('eq', i), levelIds: [levelAt(e.a), levelAt(e.b)] as [string, string], note: e.note }));
    const roles = s.roles.map((r, i) => ({ id: id('role', i), name: r.name, description: r.description, levelIds: r.levels.map(levelAt) }));
    return FrameworkSchema.parse({
      id: id('fw', s.version),
      lineageId: id('lineage', 0),
      version: s.version,
      name: s.name,
      description: s.description,
      source: s.source,
      builtIn: s.builtIn,
      frozen: s.frozen,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      tracks,
      levels,
      competencies,
      criteria,
      equivalences,
      roles,
    });
  });
