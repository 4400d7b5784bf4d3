/**
 * The audit trail in storage. Every change to a packet, vote or decision
 * appends one entry to this device's hash chain, inside the same
 * transaction as the change itself, so there is never a change without its
 * entry or an entry without its change. The table is append-only: nothing
 * in the app updates or deletes audit rows.
 */
import Dexie from 'dexie';
import type { AuditEntry } from '../../shared/domain';
import { newId } from '../../shared/domain/ids';
import { appendEntrySync, verifyAll, type AllChainsVerification } from '../../shared/audit/hash-chain';
import type { LevelsetDatabase } from './database';

export const DEVICE_ID_KEY = 'deviceId';
const USER_NAME_KEY = 'userName';

export type AuditChange = Pick<AuditEntry, 'entityType' | 'entityId' | 'action'> & { before?: unknown; after?: unknown };

/** Tables a transaction must include to call appendAudit. */
export function auditTables(db: LevelsetDatabase) {
  return [db.audit, db.meta] as const;
}

async function deviceId(db: LevelsetDatabase): Promise<string> {
  const row = await db.meta.get(DEVICE_ID_KEY);
  if (typeof row?.value === 'string') return row.value;
  const id = newId();
  await db.meta.put({ key: DEVICE_ID_KEY, value: id });
  return id;
}

/** The name recorded as the actor of changes made on this device. */
export async function userName(db: LevelsetDatabase): Promise<string> {
  const row = await db.meta.get(USER_NAME_KEY);
  return typeof row?.value === 'string' && row.value.trim() ? row.value : 'Levelset user';
}

export async function setUserName(db: LevelsetDatabase, name: string): Promise<void> {
  await db.meta.put({ key: USER_NAME_KEY, value: name.trim().slice(0, 120) });
}

/** Appends one entry; call inside a rw transaction that includes auditTables(db). */
export async function appendAudit(db: LevelsetDatabase, change: AuditChange, at: string): Promise<AuditEntry> {
  const device = await deviceId(db);
  const last = await db.audit.where('[deviceId+seq]').between([device, Dexie.minKey], [device, Dexie.maxKey]).last();
  const entry = appendEntrySync(last ?? null, {
    id: newId(),
    deviceId: device,
    actor: await userName(db),
    at,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    before: change.before,
    after: change.after,
  });
  await db.audit.add(entry);
  return entry;
}

export async function auditFor(db: LevelsetDatabase, entityIds: string[]): Promise<AuditEntry[]> {
  if (entityIds.length === 0) return [];
  const rows = await db.audit.where('entityId').anyOf(entityIds).toArray();
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
}

/** Verifies every device's chain in the database. */
export async function verifyAudit(db: LevelsetDatabase): Promise<AllChainsVerification> {
  return verifyAll(await db.audit.toArray());
}
