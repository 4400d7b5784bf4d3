/**
 * The cost of encryption at rest (issue 12, point 5): writing and reading the
 * sample generator's candidates, evidence and packets through the Levelset
 * database, once without the encryption middleware and once with a key. Rows
 * go in through bulkPut in one transaction, as the write path stores them,
 * and come back with toArray, as the hooks read them. Runs wherever
 * IndexedDB does: in Chromium from `npm run bench` (scripts/bench/encryption.mjs,
 * through seed-entry.ts) and on fake-indexeddb from scripts/bench-encryption.mjs.
 */
import { randomDataKey } from '../../shared/crypto/field-crypto';
import { ic0M3Levels } from '../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../shared/sample/sample-cycle';
import { withCriteriaPerLevel } from '../../shared/sample/wide-framework';
import { LevelsetDatabase } from '../../renderer/db/database';
import { setEncryption } from '../../renderer/db/encryption';

export interface EncryptionTimes {
  writeMs: number;
  readMs: number;
}

/** One run: the same rows written and read without and with encryption. */
export interface EncryptionRun {
  counts: { candidates: number; evidence: number; packets: number };
  plain: EncryptionTimes;
  encrypted: EncryptionTimes;
}

export interface EncryptionBenchResult extends EncryptionRun {
  runs: number;
  /** encrypted ÷ plain, of the medians. */
  ratio: { write: number; read: number };
}

type Rows = Pick<SampleCycle, 'candidates' | 'evidence' | 'packets'>;

/** The sample generator's rows at the size the benchmark uses (10 evidence each, 40 criteria per level, every packet submitted). */
function sampleRows(candidates: number): Rows {
  const sample = generateSampleCycle(withCriteriaPerLevel(ic0M3Levels, 40), { seed: 13, candidates, evidencePerCandidate: 10, exactEvidence: true, submitAll: true });
  return { candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
}

let count = 0;

async function once(data: Rows, key: Uint8Array | null): Promise<EncryptionTimes> {
  const db = new LevelsetDatabase(`bench-encryption-${Date.now()}-${++count}`);
  if (key) setEncryption(db, { mode: 'on', key });
  await db.open();
  try {
    const t0 = performance.now();
    await db.transaction('rw', db.candidates, db.evidence, db.packets, async () => {
      await db.candidates.bulkPut(data.candidates);
      await db.evidence.bulkPut(data.evidence);
      await db.packets.bulkPut(data.packets);
    });
    const t1 = performance.now();
    const [c, e, p] = await Promise.all([db.candidates.toArray(), db.evidence.toArray(), db.packets.toArray()]);
    const t2 = performance.now();
    const title = data.evidence[0]?.title;
    if (c.length !== data.candidates.length || e.length !== data.evidence.length || p.length !== data.packets.length || !e.some((x) => x.title === title)) {
      throw new Error('The bench read back other rows than it wrote.');
    }
    return { writeMs: t1 - t0, readMs: t2 - t1 };
  } finally {
    db.close();
    await db.delete();
  }
}

const cache = new Map<number, Rows>();
const key = randomDataKey();

/** One run at `candidates` (the rows are generated once per size and kept). */
export async function encryptionRun(candidates: number): Promise<EncryptionRun> {
  let data = cache.get(candidates);
  if (!data) cache.set(candidates, (data = sampleRows(candidates)));
  const plain = await once(data, null);
  const encrypted = await once(data, key);
  return { counts: { candidates: data.candidates.length, evidence: data.evidence.length, packets: data.packets.length }, plain, encrypted };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchEncryption(options: { candidates?: number; runs?: number } = {}): Promise<EncryptionBenchResult> {
  const runs = options.runs ?? 3;
  const all: EncryptionRun[] = [];
  // Plain and encrypted alternate within each run, so drift in the machine's load falls on both sides.
  for (let i = 0; i < runs; i++) all.push(await encryptionRun(options.candidates ?? 1_000));
  const pick = (side: 'plain' | 'encrypted'): EncryptionTimes => ({ writeMs: median(all.map((r) => r[side].writeMs)), readMs: median(all.map((r) => r[side].readMs)) });
  const plain = pick('plain');
  const encrypted = pick('encrypted');
  return { runs, counts: all[0]!.counts, plain, encrypted, ratio: { write: encrypted.writeMs / plain.writeMs, read: encrypted.readMs / plain.readMs } };
}
