/**
 * The in-page side of the benchmark's seeding: opens the app's own database
 * (same name and schema as renderer/db/database.ts, since it is that class)
 * and fills it through the app's commands. Loaded by run.mjs as a module on
 * the app's origin, before the app itself is opened.
 */
import { LevelsetDatabase } from '../../renderer/db/database';
import { buildBenchData, type BenchDataOptions } from './data';
import { encryptionRun, type EncryptionRun } from '../bench-encryption/bench';

declare global {
  interface Window {
    benchSeed?: (options: BenchDataOptions) => Promise<Awaited<ReturnType<typeof buildBenchData>> & { firstName: string }>;
    /** The encryption-at-rest figures (scripts/bench/encryption.mjs). */
    benchEncryption?: (candidates: number) => Promise<EncryptionRun>;
  }
}

window.benchSeed = async (options) => {
  const db = new LevelsetDatabase();
  await db.open();
  try {
    const result = await buildBenchData(db, options);
    const names = (await db.candidates.toArray()).map((c) => c.name).sort((a, b) => a.localeCompare(b));
    return { ...result, firstName: names[0] ?? '' };
  } finally {
    db.close();
  }
};

window.benchEncryption = encryptionRun;
