/**
 * The bundle check's compiled row parsers (shared/exchange/row-parsers.ts):
 * the committed source is what zod generates for today's schemas, it is used
 * where `new Function` is forbidden (the app's CSP), every row of a bundle
 * goes through it, and its answers are the runtime parser's, refusals and
 * their messages included.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { withCriteriaPerLevel } from '../../../shared/sample/wide-framework';
import { COMPILED_ROW_SCHEMAS, compiledRowSchemas, generatedParsersInUse, parserSources, withGeneratedParser } from '../../../shared/exchange/row-parsers';
import { GENERATED_ROW_PARSERS } from '../../../shared/exchange/row-parsers.generated';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';
import { CandidateSchema, EvidenceSchema, PacketSchema } from '../../../shared/domain';

const TABLES = ['candidates', 'evidence', 'packets'] as const;
const AT = '2026-11-02T10:00:00.000Z';

function sample(candidates = 4) {
  const s = generateSampleCycle(withCriteriaPerLevel(ic0M3Levels, 6), { candidates, evidencePerCandidate: 3 });
  return { cycle: s.cycle, frameworks: [s.framework], candidates: s.candidates, evidence: s.evidence, packets: s.packets };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the committed row parsers', () => {
  it('are the source zod generates for the current schemas (else run node scripts/gen-row-parsers.mjs)', () => {
    for (const table of TABLES) {
      const sources = parserSources(COMPILED_ROW_SCHEMAS[table]);
      expect(sources, table).not.toBeNull();
      const committed = (GENERATED_ROW_PARSERS[table] ?? []).map(({ params, code }) => ({ params, code }));
      expect({ table, committed }).toEqual({ table, committed: sources });
    }
  });

  it('are in use even where new Function throws, as under the app’s CSP', () => {
    const row = sample(1).packets[0];
    let fast: unknown;
    const original = globalThis.Function;
    const refuse = function () {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    } as unknown as FunctionConstructor;
    globalThis.Function = refuse;
    try {
      const packets = withGeneratedParser(PacketSchema, GENERATED_ROW_PARSERS.packets);
      expect(packets).not.toBe(PacketSchema);
      expect(globalThis.Function).toBe(refuse);
      fast = packets.safeParse(row);
    } finally {
      globalThis.Function = original;
    }
    expect(fast).toEqual(PacketSchema.safeParse(row));
    expect(generatedParsersInUse()).toEqual({ candidates: true, evidence: true, packets: true });
  });

  it('leave a schema on the runtime parser when the committed source does not match', () => {
    const [first, ...rest] = GENERATED_ROW_PARSERS.evidence!;
    expect(withGeneratedParser(EvidenceSchema, [{ ...first!, code: `${first!.code}\n` }, ...rest])).toBe(EvidenceSchema);
    // A record's key parser missing (or left over) is out of date too.
    const packets = GENERATED_ROW_PARSERS.packets!;
    expect(packets.length).toBeGreaterThan(1);
    expect(withGeneratedParser(PacketSchema, packets.slice(1))).toBe(PacketSchema);
    expect(withGeneratedParser(PacketSchema, [...packets, packets[0]!])).toBe(PacketSchema);
    expect(withGeneratedParser(CandidateSchema, undefined)).toBe(CandidateSchema);
  });
});

describe('compiled and runtime parsers agree', () => {
  it('on every row of a sample cycle: the same output, defaults filled in, unknown keys dropped', () => {
    const content = sample();
    const compiled = compiledRowSchemas();
    for (const table of TABLES) {
      for (const row of content[table] as unknown[]) {
        const input = { ...(row as object), notAField: 1 } as Record<string, unknown>;
        if (table === 'evidence') delete input.links;
        const fast = compiled[table].safeParse(input);
        expect(fast.success).toBe(true);
        expect(fast).toEqual(COMPILED_ROW_SCHEMAS[table].safeParse(input));
        expect(fast.data).not.toHaveProperty('notAField');
      }
    }
  });

  it('on bad rows: the same refusal with the same messages', () => {
    const content = sample(1);
    const packet = content.packets.find((p) => p.snapshot !== null) ?? content.packets[0]!;
    const evidence = content.evidence[0]!;
    const bad: Array<[(typeof TABLES)[number], unknown]> = [
      ['evidence', { ...evidence, title: '' }],
      ['evidence', { ...evidence, date: '2026-02-30' }],
      ['evidence', { ...evidence, kind: 'rumour' }],
      ['evidence', { ...evidence, links: ['x'.repeat(2001)] }],
      ['candidates', { ...content.candidates[0], createdAt: '2026-11-02T10:00:00+02:00' }],
      ['candidates', { ...content.candidates[0], id: undefined }],
      ['packets', { ...packet, submittedAt: '2020-01-01T00:00:00.000Z' }],
      ['packets', { ...packet, assessments: { c1: { rating: 'always' } } }],
      ['packets', { ...packet, revision: 0 }],
      ['packets', { ...packet, assessments: { '': { rating: 'consistently' } } }],
      ['packets', { ...packet, snapshot: { ...packet.snapshot, assessments: { ['x'.repeat(201)]: { rating: 'consistently' } } } }],
      ['packets', { ...packet, snapshot: { ...packet.snapshot, evidence: [{ ...evidence, criterionIds: [''] }] } }],
      ['packets', 'not a row'],
    ];
    const compiled = compiledRowSchemas();
    for (const [table, row] of bad) {
      const fast = compiled[table].safeParse(row);
      const slow = COMPILED_ROW_SCHEMAS[table].safeParse(row);
      expect(fast.success).toBe(false);
      expect(fast.error?.issues).toEqual(slow.error?.issues);
    }
  });
});

describe('opening a bundle', () => {
  it('checks every candidate, evidence item and packet with the compiled parser', async () => {
    const content = sample(5);
    const text = await createBundle(content, { createdAt: AT, appVersion: 'test' });
    const seen: Record<string, number> = { candidates: 0, evidence: 0, packets: 0 };
    const compiled = compiledRowSchemas();
    for (const table of TABLES) {
      const schema = compiled[table] as { safeParse: (row: unknown) => unknown };
      const original = schema.safeParse.bind(schema);
      vi.spyOn(schema, 'safeParse').mockImplementation((row: unknown) => {
        seen[table]!++;
        return original(row);
      });
    }
    const opened = await openBundle(text);
    expect(opened.ok).toBe(true);
    expect(seen).toEqual({ candidates: content.candidates.length, evidence: content.evidence.length, packets: content.packets.length });
  });
});
