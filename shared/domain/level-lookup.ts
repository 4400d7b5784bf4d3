/**
 * A level by id, and its code: one lookup for every screen, export and rule. Kept apart from framework.ts, whose zod
 * schemas the startup chunk must not load (scripts/bundle-check.mjs): the Packets list's rules use these.
 */
import type { Level } from './framework';

/** The level with this id, if the framework has it. */
export function levelOf<L extends Pick<Level, 'id'>>(framework: { readonly levels: readonly L[] }, levelId: string | null | undefined): L | undefined {
  return levelId ? framework.levels.find((l) => l.id === levelId) : undefined;
}

/** A level's code ("IC4") by id; `unknown` (the id itself unless given) when the framework has no such level. */
export function levelCodeOf(framework: { readonly levels: readonly Pick<Level, 'id' | 'code'>[] }, levelId: string | null | undefined, unknown: string = levelId ?? ''): string {
  return levelOf(framework, levelId)?.code ?? unknown;
}
