/**
 * Before a restore replaces everything: how the backup's audit trail stands
 * against the one on this computer. Each device's chain is numbered (device
 * id, sequence), so the two trails are compared entry by entry: an entry
 * both hold must have the same hash; one only this computer holds is lost by
 * the restore. A backup whose own records and trail agree can still tell
 * another history than this computer recorded (rewritten and its chain
 * recomputed, or made after this computer restored an older backup and went
 * on): the preview says so before anything is replaced. Pure, so the words
 * are tested once.
 */
import { z } from 'zod';
import type { AuditEntry } from '../domain/audit';
import { plural } from '../util/plural';
import { dayOf } from '../util/dates';

/** An entry as the trail index gives it without reading the entry: device id, sequence, hash. */
export type TrailKey = readonly [deviceId: string, seq: number, hash: string];

export interface TrailsComparison {
  /** Entries this computer holds that the backup holds at the same place with other content, in the order given (the trail's). */
  rewritten: TrailKey[];
  /** Entries this computer holds that the backup does not (the restore loses them), in the order given. */
  lost: TrailKey[];
  /** How many entries the backup holds that this computer does not. */
  added: number;
  /** How many entries this computer holds. */
  here: number;
}

const keyOf = (deviceId: string, seq: number) => `${deviceId}\u0000${seq}`;

export function compareTrails(here: readonly TrailKey[], backup: readonly Pick<AuditEntry, 'deviceId' | 'seq' | 'hash'>[]): TrailsComparison {
  const inBackup = new Map(backup.map((e) => [keyOf(e.deviceId, e.seq), e.hash]));
  const rewritten: TrailKey[] = [];
  const lost: TrailKey[] = [];
  let shared = 0;
  for (const key of here) {
    const hash = inBackup.get(keyOf(key[0], key[1]));
    if (hash === undefined) lost.push(key);
    else {
      shared++;
      if (hash !== key[2]) rewritten.push(key);
    }
  }
  return { rewritten, lost, added: backup.length - shared, here: here.length };
}

/**
 * `c` without the entries only this computer holds that the app made itself, not a person (`isSetup`: storing the
 * built-in frameworks, which every install does when it first starts, so a fresh install has one such entry and a
 * backup from another computer never holds it): restoring loses no one's change with them.
 */
export function withoutSetup(c: TrailsComparison, isSetup: (key: TrailKey) => boolean): TrailsComparison {
  const lost = c.lost.filter((k) => !isSetup(k));
  return { ...c, lost, here: c.here - (c.lost.length - lost.length) };
}

/** The entry a sentence names: what was done, by whom, on which day. */
export type NamedEntry = Pick<AuditEntry, 'action' | 'actor' | 'at'>;

export interface RestoreTrailText {
  /** `alert`: the two trails disagree; `warn`: changes on this computer are lost; `ok`: nothing recorded here is lost. */
  tone: 'ok' | 'warn' | 'alert';
  text: string;
}

const entries = (n: number) => plural(n, 'entry', 'entries');
const named = (e: NamedEntry | undefined, timeZone: string) => (e ? ` (${e.action}, by ${e.actor} on ${dayOf(e.at, timeZone)})` : '');

/**
 * What the restore preview says of the two trails; null when this computer has recorded nothing. `firstRewritten` and
 * `newestLost` are the entries of this computer the sentence names (read by the caller: the comparison has keys only).
 */
export function restoreTrailText(c: TrailsComparison, timeZone: string, firstRewritten?: NamedEntry, newestLost?: NamedEntry, kinds?: string): RestoreTrailText | null {
  if (c.here === 0) return null;
  // With the kinds (read when there are few enough): every kind lost, not only the newest entry's (a trial's reopen went unnamed).
  const which = kinds && c.lost.length > 1 ? `: ${kinds}${newestLost ? `; the newest${named(newestLost, timeZone)}` : ''}` : named(newestLost, timeZone);
  const lost = c.lost.length > 0 ? ` ${c.lost.length === 1 ? '1 change' : `${c.lost.length.toLocaleString('en')} changes`} recorded on this computer ${c.lost.length === 1 ? 'is' : 'are'} not in the backup and would be lost${which}.` : '';
  if (c.rewritten.length > 0) {
    return {
      tone: 'alert',
      text: `✗ The backup’s audit trail tells another history than this computer’s: ${entries(c.rewritten.length)} recorded here ${c.rewritten.length === 1 ? 'reads' : 'read'} differently in the backup${named(firstRewritten, timeZone)}. One of the two was rewritten, or this computer restored an earlier backup and went on from it. Restoring replaces this computer’s history with the backup’s; check where the backup came from first.${lost}`,
    };
  }
  if (c.lost.length > 0) return { tone: 'warn', text: lost.trim() };
  return { tone: 'ok', text: `The backup’s trail holds ${c.here === 1 ? 'the 1 entry' : `all ${entries(c.here)}`} recorded on this computer${c.added > 0 ? `, and ${c.added.toLocaleString('en')} more` : ''}.` };
}

/** One entry a restore discards, as its own audit entry lists it: enough to tell what it was and to find it in an older copy. */
export interface DiscardedEntry {
  at: string;
  actor: string;
  action: string;
  entityType: AuditEntry['entityType'];
  entityId: string;
  hash: string;
}

/** What a restore's audit entry records of this computer's entries the backup does not hold (the restore discards them). */
export interface Discarded {
  /** Entries only this computer held (the app's own set-up left out, as the preview leaves it out). */
  count: number;
  /** Entries this computer held that the backup holds with other content (its history is the backup's from then). */
  rewritten: number;
  /** The newest `DISCARDED_LISTED` of them, oldest first. */
  listed: DiscardedEntry[];
}

/** How many discarded entries a restore's audit entry lists one by one. */
export const DISCARDED_LISTED = 200;

export function discarded(c: TrailsComparison, newestLost: readonly AuditEntry[]): Discarded {
  return {
    count: c.lost.length,
    rewritten: c.rewritten.length,
    listed: newestLost.map((e) => ({ at: e.at, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, hash: e.hash })),
  };
}

/** The kinds of change lost, most frequent first ("change decision ×2, reopen session"), for the preview's sentence. */
export function lostKinds(entries: readonly Pick<AuditEntry, 'action'>[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([action, n]) => (n > 1 ? `${action} ×${n}` : action)).join(', ');
}

/** A restore on the record, in words: what was restored, when and by whom, and what it discarded. */
export interface RestoreRecordText {
  headline: string;
  /** The discarded entries one by one (the newest DISCARDED_LISTED), oldest first. */
  discarded: string[];
}

const RestoreAfterSchema = z.object({
  file: z.string().optional(),
  backupMadeAt: z.string().optional(),
  notInBackup: z.object({ count: z.number(), rewritten: z.number(), listed: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string() })) }).optional(),
});

export function restoreRecordText(entry: Pick<AuditEntry, 'at' | 'actor' | 'action' | 'after'>, timeZone: string): RestoreRecordText {
  const parsed = RestoreAfterSchema.safeParse(entry.after);
  const after = parsed.success ? parsed.data : {};
  const file = after.file ? `“${after.file}”` : 'a backup';
  const made = after.backupMadeAt ? `, made ${dayOf(after.backupMadeAt, timeZone)}` : '';
  const gone = after.notInBackup;
  const lost = !gone
    ? after.file
      ? ' Nothing recorded here was left out.'
      : ''
    : ` ${entries(gone.count)} recorded here ${gone.count === 1 ? 'was' : 'were'} not in the backup and ${gone.count === 1 ? 'was' : 'were'} discarded${gone.rewritten > 0 ? `, and ${gone.rewritten.toLocaleString('en')} read differently in the backup` : ''}${gone.listed.length > 0 ? `: ${lostKinds(gone.listed)}` : ''}.`;
  return {
    headline: `${dayOf(entry.at, timeZone)}: ${entry.actor} restored ${file}${made}.${lost}`,
    discarded: (gone?.listed ?? []).map((e) => `${dayOf(e.at, timeZone)} · ${e.action} · ${e.actor}`),
  };
}
