/**
 * The cost of encryption at rest (issue 12, point 5): writing and reading
 * 1,000 candidates and 10,000 evidence items through the Levelset database,
 * once without the encryption middleware and once with a key. Rows go in
 * through bulkPut in one transaction, as the write path stores them, and
 * come back with toArray, as the hooks read them. Callable from another
 * bench (benchEncryption) or through scripts/bench-encryption.mjs.
 */
import type { Candidate, Evidence } from '../../shared/domain';
import { randomDataKey } from '../../shared/crypto/field-crypto';
import { LevelsetDatabase } from '../../renderer/db/database';
import { setEncryption } from '../../renderer/db/encryption';

export interface EncryptionBenchResult {
  candidates: number;
  evidence: number;
  /** Milliseconds, median of the runs. */
  plain: { writeMs: number; readMs: number };
  encrypted: { writeMs: number; readMs: number };
  /** encrypted ÷ plain. */
  ratio: { write: number; read: number };
}

const AT = '2026-11-01T09:00:00.000Z';

function rows(candidates: number, evidence: number): { candidates: Candidate[]; evidence: Evidence[] } {
  const people: Candidate[] = Array.from({ length: candidates }, (_, i) => ({
    id: `c-${i}`, cycleId: 'cy-1', name: `Candidate ${i} Lastname`, role: 'Software engineer', team: `Team ${i % 12}`, manager: `Manager ${i % 40}`,
    currentLevelId: 'l-2', targetLevelId: 'l-3', timeInLevelMonths: 18, groups: { gender: i % 2 ? 'Woman' : 'Man', location: 'Lisbon' }, archived: false,
    createdAt: AT, updatedAt: AT,
  }) as Candidate);
  const items: Evidence[] = Array.from({ length: evidence }, (_, i) => ({
    id: `e-${i}`, candidateId: `c-${i % candidates}`, cycleId: 'cy-1', title: `Shipped piece of work number ${i}`,
    description: 'Led the design review, wrote the migration plan, paired with two juniors on the rollout and measured the result. '.repeat(3),
    date: '2026-06-01', kind: 'project', links: [`https://example.com/doc/${i}`], source: 'manager', criterionIds: ['cr-1', 'cr-2'],
    createdAt: AT, updatedAt: AT,
  }) as Evidence);
  return { candidates: people, evidence: items };
}

let count = 0;

async function once(data: ReturnType<typeof rows>, key: Uint8Array | null): Promise<{ writeMs: number; readMs: number }> {
  const db = new LevelsetDatabase(`bench-encryption-${++count}`);
  if (key) setEncryption(db, { mode: 'on', key });
  await db.open();
  const t0 = performance.now();
  await db.transaction('rw', db.candidates, db.evidence, async () => {
    await db.candidates.bulkPut(data.candidates);
    await db.evidence.bulkPut(data.evidence);
  });
  const t1 = performance.now();
  const [c, e] = await Promise.all([db.candidates.toArray(), db.evidence.toArray()]);
  const t2 = performance.now();
  if (c.length !== data.candidates.length || e.length !== data.evidence.length || e[0]?.title !== data.evidence[0]?.title) throw new Error('The bench read back other rows than it wrote.');
  db.close();
  await db.delete();
  return { writeMs: t1 - t0, readMs: t2 - t1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchEncryption(options: { candidates?: number; evidence?: number; runs?: number } = {}): Promise<EncryptionBenchResult> {
  const candidates = options.candidates ?? 1_000;
  const evidence = options.evidence ?? 10_000;
  const runs = options.runs ?? 3;
  const data = rows(candidates, evidence);
  const key = randomDataKey();
  const plain: Array<{ writeMs: number; readMs: number }> = [];
  const encrypted: Array<{ writeMs: number; readMs: number }> = [];
  // Alternated, so drift in the machine's load falls on both sides.
  for (let i = 0; i < runs; i++) {
    plain.push(await once(data, null));
    encrypted.push(await once(data, key));
  }
  const p = { writeMs: median(plain.map((r) => r.writeMs)), readMs: median(plain.map((r) => r.readMs)) };
  const e = { writeMs: median(encrypted.map((r) => r.writeMs)), readMs: median(encrypted.map((r) => r.readMs)) };
  return { candidates, evidence, plain: p, encrypted: e, ratio: { write: e.writeMs / p.writeMs, read: e.readMs / p.readMs } };
}
