// The cycle's committee copy on the server (issue 14): the chair's app puts
// the cycle's bundle (encrypted with the cycle passphrase, the same text a
// bundle file holds) into the JetStream object store LEVELSET_COMMITTEE under
// the cycle's id; a member's app reads it, so a member can start from an
// empty app. The object store cuts it into chunks and checks its digest;
// the server lets only the chair write the bucket and members read it
// (scripts/nats/server-config.mjs). The server only ever holds ciphertext.
import type { NatsConnection } from '@nats-io/nats-core';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { SubjectTokenSchema } from '../../shared/connected/events';

/** One bucket for every cycle, so the server's permissions can name its stream (OBJ_LEVELSET_COMMITTEE). */
export const COPY_BUCKET = 'LEVELSET_COMMITTEE';
export const COPY_STREAM = `OBJ_${COPY_BUCKET}`;

export interface CopyInfo {
  /** SHA-256 of the plaintext content, as in the bundle's own checksum: the same content is not sent or imported twice. */
  checksum: string;
  sentAt: string;
}

function objectName(cycleId: string): string {
  return SubjectTokenSchema.parse(cycleId);
}

async function store(nc: NatsConnection, create: boolean): Promise<ObjectStore> {
  const objm = new Objm(nc);
  return create ? objm.create(COPY_BUCKET) : objm.open(COPY_BUCKET);
}

function isMissingBucket(error: unknown): boolean {
  return error instanceof Error && /stream not found|not found/i.test(error.message);
}

/** What the server holds for the cycle (null: nothing yet, or no bucket yet). */
export async function copyInfo(nc: NatsConnection, cycleId: string): Promise<CopyInfo | null> {
  try {
    const info = await (await store(nc, false)).info(objectName(cycleId));
    if (!info || info.deleted) return null;
    return { checksum: info.metadata?.checksum ?? '', sentAt: info.mtime };
  } catch (error) {
    if (isMissingBucket(error)) return null;
    throw error;
  }
}

/** The chair's app: puts the copy (the encrypted bundle's text) for the cycle, replacing the one before. */
export async function putCopy(nc: NatsConnection, cycleId: string, text: string, checksum: string): Promise<void> {
  const os = await store(nc, true);
  await os.putBlob({ name: objectName(cycleId), metadata: { checksum } }, new TextEncoder().encode(text));
}

/** A member's app: the copy's text and checksum, or null when the chair has not sent one yet. */
export async function getCopy(nc: NatsConnection, cycleId: string): Promise<{ text: string; checksum: string } | null> {
  try {
    const os = await store(nc, false);
    const info = await os.info(objectName(cycleId));
    if (!info || info.deleted) return null;
    const bytes = await os.getBlob(objectName(cycleId));
    if (!bytes) return null;
    return { text: new TextDecoder().decode(bytes), checksum: info.metadata?.checksum ?? '' };
  } catch (error) {
    if (isMissingBucket(error)) return null;
    throw error;
  }
}

/**
 * Calls back whenever the chair puts a new copy of the cycle while this
 * connection lasts. Resolves to a stop function, or null when no chair has
 * created the bucket yet (the caller looks again later).
 */
export async function watchCopy(nc: NatsConnection, cycleId: string, onNew: (info: CopyInfo) => Promise<void>): Promise<(() => void) | null> {
  let os: ObjectStore;
  try {
    os = await store(nc, false);
  } catch (error) {
    if (isMissingBucket(error)) return null;
    throw error;
  }
  const name = objectName(cycleId);
  const updates = await os.watch({ includeHistory: false, ignoreDeletes: true });
  void (async () => {
    for await (const info of updates) {
      if (info.name !== name) continue;
      await onNew({ checksum: info.metadata?.checksum ?? '', sentAt: info.mtime }).catch(() => undefined);
    }
  })();
  return () => updates.stop();
}
