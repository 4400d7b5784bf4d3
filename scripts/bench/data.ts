/**
 * Builds the benchmark's data set through the app's own write path (the
 * commands the renderer runs), so the app opens a database it could have
 * written itself: coverage rows and a consistent audit trail included. The
 * harness bundles this with esbuild and runs it inside Chromium against the
 * app's IndexedDB database (fake-indexeddb in Node is about ten times slower).
 */
import type { LevelsetDatabase } from '../../renderer/db/database';
import { commandRegistry as c } from '../../renderer/db/commands';
import { bundleExportFor } from '../../renderer/db/bundles';
import { builtInFrameworks, ic0M3Levels } from '../../shared/frameworks/builtin';
import { materializeBuiltIn } from '../../shared/frameworks/materialize';
import { createBundle } from '../../shared/exchange/bundle-format';
import { generateSampleCycle } from '../../shared/sample/sample-cycle';
import { withCriteriaPerLevel } from '../../shared/sample/wide-framework';

export interface BenchDataOptions {
  candidates: number;
  evidencePerCandidate: number;
  /** Candidates in the one-level session. */
  oneLevel: number;
  criteriaPerLevel: number;
  /**
   * Also export a bundle of the first N submitted packets (the import
   * figures); 0 for none. At 40 criteria per level 3,000 packets make a 66 MB
   * bundle, over the 50 MB a bundle may be, so the full size bundles 1,000.
   */
  bundle: number;
  /**
   * Also export this many small bundles (the "bundles in a row" figure): the
   * submitted packets cut into that many consecutive groups, as managers
   * each send theirs; 0 for none.
   */
  series?: number;
}

const AT = '2026-11-01T09:00:00.000Z';

/** Fills `db` (empty, open) with the benchmark's data set; returns what the harness needs to find it. */
export async function buildBenchData(db: LevelsetDatabase, options: BenchDataOptions) {
  await c.saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
  await c.ensureBuiltInFrameworks(db, builtInFrameworks.map((d) => materializeBuiltIn(d, AT)));
  const definition = options.criteriaPerLevel > 0 ? withCriteriaPerLevel(ic0M3Levels, options.criteriaPerLevel) : ic0M3Levels;
  const sample = generateSampleCycle(definition, {
    seed: 13,
    candidates: options.candidates,
    evidencePerCandidate: options.evidencePerCandidate,
    exactEvidence: true,
    submitAll: true,
    oneLevel: options.oneLevel,
  });
  await c.loadSampleCycle(db, sample, AT);
  await c.setActiveCycle(db, sample.cycle.id);
  let bundle: string | null = null;
  if (options.bundle > 0) {
    const submitted = sample.packets.filter((p) => p.status !== 'draft').map((p) => p.id).slice(0, options.bundle);
    const { content, trailHead } = await bundleExportFor(db, sample.cycle.id, submitted);
    bundle = await createBundle(content, { createdAt: AT, appVersion: 'bench', trailHead });
  }
  const series: string[] = [];
  const submittedIds = sample.packets.filter((p) => p.status !== 'draft').map((p) => p.id);
  const per = options.series ? Math.max(1, Math.floor(submittedIds.length / options.series)) : 0;
  for (let i = 0; per > 0 && i < options.series! && (i + 1) * per <= submittedIds.length; i++) {
    const { content, trailHead } = await bundleExportFor(db, sample.cycle.id, submittedIds.slice(i * per, (i + 1) * per));
    series.push(await createBundle(content, { createdAt: AT, appVersion: 'bench', trailHead }));
  }
  const [, week, level] = sample.sessions;
  return {
    bundle,
    series,
    seriesPackets: per,
    bundlePackets: bundle ? Math.min(options.bundle, sample.packets.filter((p) => p.status !== 'draft').length) : 0,
    cycleId: sample.cycle.id,
    sessions: { all: week!.id, oneLevel: level?.id ?? null },
    counts: {
      candidates: sample.candidates.length,
      evidence: sample.evidence.length,
      submitted: sample.packets.filter((p) => p.status !== 'draft').length,
      allSession: week!.candidateIds.length,
      oneLevelSession: level?.candidateIds.length ?? 0,
      criteriaPerLevel: options.criteriaPerLevel,
    },
  };
}
