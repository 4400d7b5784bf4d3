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
import { formatDate } from '../components/dates';
import { wasSubmitted } from '../../shared/rules/current-packet';

export interface NewCycle {
  name: string;
  opensOn: string;
  closesOn: string;
  frameworkVersionId: string;
  evidenceFrom: string;
  evidenceTo: string;
}

/** A cycle's dates, in the order the forms show them. */
const DATE_KEYS = ['opensOn', 'closesOn', 'evidenceFrom', 'evidenceTo'] as const satisfies readonly (keyof NewCycle)[];

/** `otherNames`: the names of the cycles already here (a name is one cycle's, in any case or spacing). */
export function cycleProblems(input: NewCycle, otherNames: readonly string[] = []): Partial<Record<keyof NewCycle, string>> {
  const problems: Partial<Record<keyof NewCycle, string>> = {};
  const name = recordNameProblem(input.name, 'cycle') ?? cycleNameTaken(input.name, otherNames);
  if (name) problems.name = name;
  // Every date goes through the one shared date rule (real calendar date, accepted years, one message).
  const dates = DATE_KEYS.filter((key) => {
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
    problems.evidenceTo = `The window must end by the day the cycle closes (${formatDate(input.closesOn)}): evidence after that comes too late for this cycle's committee.`;
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

/** A cycle's dates, as "Change dates…" edits them (the name has Rename; the framework version, Move to version). */
export type CycleDates = Pick<NewCycle, 'opensOn' | 'closesOn' | 'evidenceFrom' | 'evidenceTo'>;

/**
 * Why the window cannot change: the committee reviews each submitted packet
 * against the window (a criterion is sustained by evidence in two quarters of
 * it), so moving it would change readiness the manager submitted.
 */
export const WINDOW_FIXED = 'The evidence window is fixed once a packet of this cycle has been submitted: the committee reviews submitted packets against it.';

/** The problems of changing `cycle`'s dates to `next`, by field: the rules of a new cycle, and the window kept while `windowFixed`. */
export function cycleDatesProblems(cycle: Cycle, next: CycleDates, windowFixed: boolean): Partial<Record<keyof CycleDates, string>> {
  const fixed = windowFixed ? { evidenceFrom: cycle.evidenceFrom, evidenceTo: cycle.evidenceTo } : {};
  const { name: _name, frameworkVersionId: _framework, ...problems } = cycleProblems({ ...next, ...fixed, name: cycle.name, frameworkVersionId: cycle.frameworkVersionId });
  if (windowFixed && problems.evidenceTo) {
    // The window cannot move, so the closing day is what is wrong.
    delete problems.evidenceTo;
    problems.closesOn ??= `The cycle cannot close before its evidence window ends (${formatDate(cycle.evidenceTo)}); the window is fixed once a packet has been submitted.`;
  }
  if (windowFixed && (next.evidenceFrom !== cycle.evidenceFrom || next.evidenceTo !== cycle.evidenceTo)) problems.evidenceFrom ??= WINDOW_FIXED;
  return problems;
}

/** A date change the rules refuse: `problems` by field, the message their first. */
export class CycleDatesError extends Error {
  constructor(readonly problems: Partial<Record<keyof CycleDates, string>>) {
    super(Object.values(problems)[0] ?? 'These dates cannot be used.');
    this.name = 'CycleDatesError';
  }
}

/** Whether a packet of the cycle was ever submitted (a superseded revision was too), which fixes its evidence window. */
export async function cycleWindowFixed(db: LevelsetDatabase, cycleId: string): Promise<boolean> {
  // The first one found ends the read.
  return (await db.packets.where('cycleId').equals(cycleId).filter((p) => wasSubmitted(p)).first()) !== undefined;
}

/** What changeCycleDates did: `unchanged` when the dates given are the stored ones, and then nothing is written or audited. */
export type CycleDatesChange = 'changed' | 'unchanged';

/**
 * Changes a cycle's opening and closing days and, while no packet has been
 * submitted, its evidence window. The command layer keeps the coverage of
 * the cycle's packets in step (a cycle put refreshes its candidates').
 * Dates that are the stored ones (Save dates with nothing edited) change
 * nothing: no write, no audit entry, no coverage refresh.
 */
export async function changeCycleDates(db: LevelsetDatabase, cycleId: string, next: CycleDates, at: string): Promise<CycleDatesChange> {
  return runCommand(db, { name: 'change cycle dates', at }, async (ctx): Promise<CycleDatesChange> => {
    const cycle = await db.cycles.get(cycleId);
    if (!cycle) throw new Error('That cycle no longer exists.');
    const problems = cycleDatesProblems(cycle, next, await cycleWindowFixed(db, cycleId));
    if (Object.keys(problems).length > 0) throw new CycleDatesError(problems);
    if (DATE_KEYS.every((key) => next[key] === cycle[key])) return 'unchanged';
    const before: CycleDates = { opensOn: cycle.opensOn, closesOn: cycle.closesOn, evidenceFrom: cycle.evidenceFrom, evidenceTo: cycle.evidenceTo };
    await ctx.put('cycles', CycleSchema.parse({ ...cycle, ...next, updatedAt: ctx.at }));
    ctx.describe({ entityType: 'cycle', entityId: cycleId, action: 'change cycle dates', before: { ...before }, after: { ...next } });
    return 'changed';
  });
}
