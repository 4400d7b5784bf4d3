/**
 * Cycles in storage. Creating a cycle pins a framework version, which
 * freezes that version in the same transaction: from then on it is never
 * edited in place (editing makes a new version).
 */
import { CycleSchema, type Cycle } from '../../shared/domain';
import { newId } from '../../shared/domain/ids';
import { dateProblem } from '../../shared/util/dates';
import { cycleNameTaken, oneSpaced, recordNameProblem } from '../../shared/rules/record-name';
import type { LevelsetDatabase } from './database';
import { ACTIVE_CYCLE_KEY } from './repositories';
import { runCommand } from './write/run-command';

export interface NewCycle {
  name: string;
  opensOn: string;
  closesOn: string;
  frameworkVersionId: string;
  evidenceFrom: string;
  evidenceTo: string;
}

/** `otherNames`: the names of the cycles already here (a name is one cycle's, in any case or spacing). */
export function cycleProblems(input: NewCycle, otherNames: readonly string[] = []): Partial<Record<keyof NewCycle, string>> {
  const problems: Partial<Record<keyof NewCycle, string>> = {};
  const name = recordNameProblem(input.name, 'cycle') ?? cycleNameTaken(input.name, otherNames);
  if (name) problems.name = name;
  // Every date goes through the one shared date rule (real calendar date, accepted years, one message).
  const dates = (['opensOn', 'closesOn', 'evidenceFrom', 'evidenceTo'] as const).filter((key) => {
    const problem = input[key] ? dateProblem(input[key]) : null;
    if (problem) problems[key] = problem;
    return input[key] !== '' && problem === null;
  });
  const ok = (key: (typeof dates)[number]) => dates.includes(key);
  if (!input.opensOn) problems.opensOn = 'Choose the date the cycle opens.';
  if (!input.closesOn) problems.closesOn = 'Choose the date the cycle closes.';
  else if (ok('opensOn') && ok('closesOn') && input.closesOn < input.opensOn) problems.closesOn = 'The cycle cannot close before it opens.';
  if (!input.frameworkVersionId) problems.frameworkVersionId = 'Choose the framework the cycle is judged against.';
  if (!input.evidenceFrom || !input.evidenceTo) problems.evidenceFrom ??= 'Choose the evidence window.';
  else if (ok('evidenceFrom') && ok('evidenceTo') && input.evidenceTo < input.evidenceFrom) problems.evidenceTo = 'The window cannot end before it starts.';
  // Evidence dated after the cycle closes comes too late for its committee, and would count toward "sustained".
  else if (ok('evidenceTo') && ok('closesOn') && input.evidenceTo > input.closesOn) {
    problems.evidenceTo = `The window must end by the day the cycle closes (${input.closesOn}): evidence after that comes too late for this cycle's committee.`;
  }
  return problems;
}

export async function createCycle(db: LevelsetDatabase, input: NewCycle, at: string): Promise<Cycle> {
  // The form shows this beside the field (cycleProblems); asked again so no caller creates what a rename would refuse.
  const nameProblem = recordNameProblem(input.name, 'cycle');
  if (nameProblem) throw new Error(nameProblem);
  const cycle = CycleSchema.parse({ ...input, name: oneSpaced(input.name), id: newId(), status: 'open', createdAt: at, updatedAt: at });
  return runCommand(db, { name: 'create cycle', at }, async (ctx) => {
    const taken = cycleNameTaken(cycle.name, (await db.cycles.toArray()).map((c) => c.name));
    if (taken) throw new Error(taken);
    const framework = await db.frameworks.get(cycle.frameworkVersionId);
    if (!framework) throw new Error('The chosen framework version no longer exists.');
    if (!framework.frozen) await ctx.put('frameworks', { ...framework, frozen: true, updatedAt: at });
    const stored = await ctx.put('cycles', cycle);
    await ctx.putMeta(ACTIVE_CYCLE_KEY, cycle.id);
    ctx.describe({ entityType: 'cycle', entityId: cycle.id, action: 'create cycle', after: { name: cycle.name, frameworkVersionId: cycle.frameworkVersionId } });
    return stored;
  });
}
