/**
 * The cycle's committee copy, the data side (issue 14): what the chair's app
 * sends so a member can start from an empty app, and how a member's app
 * takes it in. It is a bundle like a file export (shared/exchange/bundle-format.ts,
 * encrypted with the cycle passphrase) holding the cycle, the framework
 * version it pins, every candidate of the cycle with their evidence, and
 * their submitted packets (drafts are the managers' work in progress and stay
 * behind). A member's app imports it through the same import as a file
 * (bundles.ts importBundle: the same merge rules and checks, one audited
 * command), then tries again the session events that waited for it.
 */
import { BundleContentSchema, openBundle, type BundleContentInput } from '../../../shared/exchange/bundle-format';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { previewOfPlan, type MergeCounts } from '../../../shared/exchange/merge-plan';
import type { LevelsetDatabase } from '../database';
import { importBundle } from '../bundles';
import { runCommand } from '../write/run-command';
import { retryWaiting } from './apply-stream';

const importedKey = (cycleId: string) => `connected:committee-copy:${cycleId}`;

/** The committee copy's content, read as one snapshot. */
export async function committeeCopyContent(db: LevelsetDatabase, cycleId: string): Promise<BundleContentInput> {
  return db.transaction('r', [db.cycles, db.frameworks, db.candidates, db.evidence, db.packets], async () => {
    const cycle = await db.cycles.get(cycleId);
    if (!cycle) throw new Error('The cycle no longer exists.');
    const framework = await db.frameworks.get(cycle.frameworkVersionId);
    if (!framework) throw new Error('The framework version this cycle uses is missing.');
    const [candidates, evidence, packets] = await Promise.all([
      db.candidates.where('cycleId').equals(cycleId).toArray(),
      db.evidence.where('cycleId').equals(cycleId).toArray(),
      db.packets.where('cycleId').equals(cycleId).toArray(),
    ]);
    return { cycle, frameworks: [framework], candidates, evidence, packets: packets.filter((p) => p.status !== 'draft') };
  });
}

/** The checksum the bundle of this content carries (SHA-256 of its canonical JSON): equal content, equal checksum. */
export async function committeeCopyChecksum(content: BundleContentInput): Promise<string> {
  return sha256Hex(canonicalJson(BundleContentSchema.parse(content)));
}

/** The checksum of the committee copy last imported here (null: none). */
export async function importedCopyChecksum(db: LevelsetDatabase, cycleId: string): Promise<string | null> {
  const row = await db.meta.get(importedKey(cycleId));
  return typeof row?.value === 'string' ? row.value : null;
}

export interface CopyImport {
  /** Rows added and updated (0 each: the copy held nothing new). */
  added: MergeCounts;
  updated: MergeCounts;
  /** Session events that had waited for it and applied now. */
  released: number;
}

/**
 * Opens the copy with the cycle passphrase and imports it like a bundle
 * file; throws a plain sentence when it does not open (a wrong passphrase
 * says so) or is not this cycle's.
 */
export async function importCommitteeCopy(db: LevelsetDatabase, cycleId: string, text: string, passphrase: string, at: string): Promise<CopyImport> {
  const opened = await openBundle(text, { passphrase });
  if (!opened.ok) {
    throw new Error(opened.error.code === 'wrong-passphrase' ? 'The cycle passphrase is wrong: the committee’s copy of the cycle did not open. Ask the chair for it and enter it again.' : `The committee’s copy of the cycle could not be opened. ${opened.error.message}`);
  }
  if (opened.content.cycle.id !== cycleId) throw new Error('The committee’s copy holds another cycle; it was not imported.');
  const plan = await importBundle(db, opened.content, at);
  const checksum = await committeeCopyChecksum(opened.content);
  await runCommand(db, { name: 'connected: committee copy imported', at }, (ctx) => ctx.putMeta(importedKey(cycleId), checksum));
  const released = await retryWaiting(db, cycleId);
  const preview = previewOfPlan(plan);
  return { added: preview.add, updated: preview.update, released };
}
