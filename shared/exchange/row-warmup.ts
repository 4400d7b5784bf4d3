/**
 * The bundle's row checks run over made-up rows before a bundle arrives, so
 * the engine has compiled them by then (issue 13).
 *
 * Each import runs in a fresh worker, and there the row checks started cold:
 * the first rows of each table ran in the engine's interpreter and its first
 * optimised code was thrown away as the rows' shapes were learned. Checking
 * a 23 MB bundle's rows took about 390 ms in a fresh worker against about
 * 225 ms after a few dozen rows per table had gone through (median of
 * eight, loaded machine). The import worker starts when the file dialog
 * opens (renderer/db/import-client.ts prepareImport) and runs these slices
 * while the person picks a file and while the file is read.
 *
 * The rows are parsed from JSON text, as a bundle's are, with the keys in
 * the order a bundle writes them (sorted), distinct ids and times (so the
 * time checks run, not only their cache of passed values), and the nesting
 * a submitted packet has (assessments, a snapshot with evidence). The checks
 * are pure: their answers for any bundle are the same with or without this;
 * only the cache of passed times and dates (shared/domain/ids.ts) keeps
 * these rows' values.
 */
import { CycleSchema, FrameworkSchema } from '../domain';
import { compiledRowSchemas } from './row-parsers';

/** A distinct valid time per number, later for a larger one, years before any real bundle's. */
const time = (i: number) => new Date(Date.UTC(2001, 0, 1) + i * 61_001).toISOString();

function evidenceJson(i: number, candidate: number): string {
  return `{"candidateId":"warm-cand-${candidate}","createdAt":"${time(i)}","criterionIds":["warm-l2-c${i % 4}"],"cycleId":"warm-cycle","date":"2001-0${1 + (i % 9)}-2${i % 8}","description":"Warm-up evidence ${i}.","id":"warm-ev-${i}","kind":"project","links":${i % 3 === 0 ? '["https://example.org/warm"]' : '[]'},"source":"manager","title":"Warm-up ${i}","updatedAt":"${time(i + 1)}"}`;
}

function assessmentsJson(i: number): string {
  return `{${[0, 1, 2, 3].map((c) => `"warm-l2-c${c}":{"note":"${c === i % 4 ? 'warm' : ''}","rating":"${['not-yet', 'partially', 'consistently'][(i + c) % 3]}"}`).join(',')}}`;
}

function packetJson(i: number): string {
  const evidence = [0, 1].map((k) => evidenceJson(i * 2 + k, i)).join(',');
  return `{"acknowledgedChecks":["warm-check:${i}"],"assessments":${assessmentsJson(i)},"candidateId":"warm-cand-${i}","createdAt":"${time(i)}","cycleId":"warm-cycle","id":"warm-packet-${i}","notYetDoing":"","parentId":null,"revision":1,"snapshot":{"assessments":${assessmentsJson(i)},"evidence":[${evidence}],"notYetDoing":"","summary":"Warm-up summary ${i}.","takenAt":"${time(i + 2)}","targetLevelId":"warm-l2"},"status":"submitted","submittedAt":"${time(i + 2)}","summary":"Warm-up summary ${i}.","targetLevelId":"warm-l2","updatedAt":"${time(i + 2)}"}`;
}

function candidateJson(i: number): string {
  return `{"archived":false,"createdAt":"${time(i)}","currentLevelId":"warm-l1","cycleId":"warm-cycle","groups":{"location":"Warm ${i % 3}"},"id":"warm-cand-${i}","manager":"Warm Manager","name":"Warm Candidate ${i}","role":"Engineer","targetLevelId":"warm-l2","team":"Warm","timeInLevelMonths":${i % 40},"updatedAt":"${time(i + 1)}"}`;
}

const FRAMEWORK_JSON = `{"builtIn":false,"competencies":[{"description":"","id":"warm-comp","name":"Warm"}],"createdAt":"${time(1)}","criteria":[${[0, 1, 2, 3]
  .map((c) => `{"competencyId":"warm-comp","examples":[],"id":"warm-l2-c${c}","levelId":"warm-l2","text":"Warm-up criterion ${c}."}`)
  .join(',')}],"description":"","equivalences":[],"frozen":true,"id":"warm-fw","levels":[${[1, 2]
  .map((l) => `{"autonomyDetail":"","code":"W${l}","definingShift":"","examples":[],"id":"warm-l${l}","notYet":[],"optional":false,"order":${l},"scopeDetail":"","summary":"","title":"Warm ${l}","trackId":"warm-track"}`)
  .join(',')}],"lineageId":"warm","name":"Warm-up","roles":[],"source":"","tracks":[{"description":"","id":"warm-track","kind":"ic","name":"Warm"}],"updatedAt":"${time(2)}","version":1}`;

const CYCLE_JSON = `{"closesOn":"2001-12-15","createdAt":"${time(3)}","evidenceFrom":"2001-01-01","evidenceTo":"2001-12-15","frameworkVersionId":"warm-fw","id":"warm-cycle","name":"Warm-up cycle","opensOn":"2001-10-01","status":"open","updatedAt":"${time(3)}"}`;

/** Rows per table in one slice: each slice is a short task, so a request that arrives meanwhile waits little. */
const ROWS_PER_SLICE = 12;

export type WarmUpTable = 'candidates' | 'evidence' | 'packets' | 'cycle' | 'frameworks';

/** The made-up rows of one table for one round, parsed from their JSON text (exported for the test that they are valid). */
export function warmUpRows(round: number, table: WarmUpTable): unknown[] {
  const indices = Array.from({ length: ROWS_PER_SLICE }, (_, k) => round * ROWS_PER_SLICE + k);
  const texts: Record<WarmUpTable, () => string[]> = {
    candidates: () => indices.map(candidateJson),
    evidence: () => indices.flatMap((i) => [0, 1, 2].map((k) => evidenceJson(i * 3 + k, i))),
    packets: () => indices.map(packetJson),
    cycle: () => [CYCLE_JSON],
    frameworks: () => [FRAMEWORK_JSON],
  };
  return JSON.parse(`[${texts[table]().join(',')}]`) as unknown[];
}

/**
 * The warm-up as slices, each a short synchronous step: `rounds` slices of
 * every table, each on rows parsed afresh (as a bundle's are).
 */
export function rowCheckWarmUp(rounds = 5): Array<() => void> {
  const slices: Array<() => void> = [];
  for (let round = 0; round < rounds; round++) {
    slices.push(() => {
      const schemas = compiledRowSchemas();
      for (const row of warmUpRows(round, 'candidates')) schemas.candidates.safeParse(row);
      for (const row of warmUpRows(round, 'cycle')) CycleSchema.safeParse(row);
      for (const row of warmUpRows(round, 'frameworks')) FrameworkSchema.safeParse(row);
    });
    slices.push(() => {
      const schemas = compiledRowSchemas();
      for (const row of warmUpRows(round, 'evidence')) schemas.evidence.safeParse(row);
    });
    slices.push(() => {
      const schemas = compiledRowSchemas();
      for (const row of warmUpRows(round, 'packets')) schemas.packets.safeParse(row);
    });
  }
  return slices;
}
