/**
 * The row schemas a bundle check runs thousands of times, with zod's
 * compiled fast path generated ahead of time (issue 13).
 *
 * zod can compile a schema into a plain function (`compileFn`): a few times
 * faster than its general-purpose parser on a bundle's rows. It builds that
 * function with `new Function`, which the app's Content-Security-Policy
 * forbids in the page and in the import worker, so in the app every row went
 * through the slow parser. Here the generated source is kept in the repo
 * (row-parsers.generated.ts, written by scripts/gen-row-parsers.mjs) as
 * ordinary code. At start the same generator runs again (it is zod's own,
 * deterministic for a schema) and, where it would evaluate its text, gets
 * the committed function instead, but only when that text is identical to
 * what was committed; anything else (a changed schema, another zod) keeps
 * the schema on the runtime parser, slower but the same answers. The
 * generated function is only a fast path: for any row it does not accept
 * whole, zod runs its own parser, so every refusal and its message are
 * exactly the runtime's.
 */
import { z } from 'zod';
import { compileFn, withParser } from 'zod/v4/core';
import { CandidateSchema, EvidenceSchema, PacketSchema } from '../domain';
import { GENERATED_ROW_PARSERS, type GeneratedParser } from './row-parsers.generated';

/**
 * The schemas compiled ahead of time, by the name the generated file uses:
 * the ones a bundle has thousands of (its one framework is left to the
 * runtime parser; its generated text would be as large as these three).
 */
export const COMPILED_ROW_SCHEMAS = {
  candidates: CandidateSchema,
  evidence: EvidenceSchema,
  packets: PacketSchema,
} as const;
export type CompiledRowTable = keyof typeof COMPILED_ROW_SCHEMAS;

/** What zod's compiler hands to `new Function`: the parameter names (its constants) and the body. */
export interface ParserSource {
  params: string;
  code: string;
}

/** Thrown in place of evaluating a text that has no committed function; zod then leaves that part uncompiled. */
class NotGeneratedError extends EvalError {}

/**
 * Runs zod's compiler for `schema` with `Function` replaced for the length of
 * that one synchronous call: `answer` receives each source zod would
 * evaluate (a schema can take several: a record's key schema is compiled on
 * its own) and returns the function to use instead, or throws.
 */
function compileWith(schema: z.ZodType, answer: (source: ParserSource, original: FunctionConstructor) => unknown): ((input: unknown) => unknown) | null {
  const global = globalThis as { Function: FunctionConstructor };
  const original = global.Function;
  // zod calls `new Function(...names, body)`; a function returned from a constructor is what `new` yields.
  global.Function = function substitute(...args: string[]) {
    const code = args.pop() ?? '';
    return answer({ params: args.join(','), code }, original);
  } as unknown as FunctionConstructor;
  try {
    return compileFn(schema) as (input: unknown) => unknown;
  } catch {
    return null;
  } finally {
    global.Function = original;
  }
}

/**
 * Every source zod generates for `schema`, in the order it evaluates them
 * (what scripts/gen-row-parsers.mjs writes and the tests compare); where
 * `new Function` is allowed (Node), they are evaluated as zod would.
 */
export function parserSources(schema: z.ZodType): ParserSource[] | null {
  const sources: ParserSource[] = [];
  const parser = compileWith(schema, (source, original) => {
    sources.push(source);
    return new original(...source.params.split(','), source.code);
  });
  return parser ? sources : null;
}

/** `schema` with its committed fast path, or `schema` itself when the committed source no longer matches. */
export function withGeneratedParser<T extends z.ZodType>(schema: T, generated: readonly GeneratedParser[] | undefined): T {
  if (!generated) return schema;
  let matched = 0;
  const parser = compileWith(schema, (source) => {
    const committed = generated.find((g) => g.params === source.params && g.code === source.code);
    if (!committed) throw new NotGeneratedError('the committed parser is out of date');
    matched++;
    return committed.factory;
  });
  // Every committed source used, none missing: else a part would run on a path nobody generated.
  return parser && matched === generated.length ? (withParser(schema, parser as never) as T) : schema;
}

let compiled: { [K in CompiledRowTable]: (typeof COMPILED_ROW_SCHEMAS)[K] } | null = null;

/** The row schemas with their fast paths, made on first use (only the import worker needs them). */
export function compiledRowSchemas(): { [K in CompiledRowTable]: (typeof COMPILED_ROW_SCHEMAS)[K] } {
  compiled ??= {
    candidates: withGeneratedParser(CandidateSchema, GENERATED_ROW_PARSERS.candidates),
    evidence: withGeneratedParser(EvidenceSchema, GENERATED_ROW_PARSERS.evidence),
    packets: withGeneratedParser(PacketSchema, GENERATED_ROW_PARSERS.packets),
  };
  return compiled;
}

/** Whether each table's schema got its committed fast path (false: the generated file is out of date). */
export function generatedParsersInUse(): Record<CompiledRowTable, boolean> {
  const schemas = compiledRowSchemas();
  return {
    candidates: schemas.candidates !== CandidateSchema,
    evidence: schemas.evidence !== EvidenceSchema,
    packets: schemas.packets !== PacketSchema,
  };
}
