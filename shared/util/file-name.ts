/**
 * Names for the files Levelset suggests and the ids it derives from text:
 * lower-case ASCII with accents folded ("Zoë Ferreira" → "zoe-ferreira"),
 * every other run of characters one '-'. One rule for the decision book,
 * the CSV, the bundle, the framework export and the progression import's ids.
 */
export function asciiSlug(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/** A file name's stem from a name; `fallback` when nothing of it is ASCII ("王小明"). */
export function fileNameSlug(text: string, fallback: string): string {
  return asciiSlug(text) || fallback;
}

/**
 * A packet bundle's suggested file name; an encrypted one says so, so the
 * two exports of one selection do not get one name (the second became "(1)").
 */
export function bundleFileName(cycleName: string, packetCount: number, encrypted: boolean): string {
  return `${fileNameSlug(cycleName, 'cycle')}-${packetCount}-packets${encrypted ? '-encrypted' : ''}.levelset.json`;
}

/** A session's decisions CSV; one exported before the session is finalized says so in its name, as its rows do. */
export function decisionsCsvFileName(sessionName: string, finalized: boolean, blind = false): string {
  return `decisions-${fileNameSlug(sessionName, 'session')}${blind ? '-blind' : ''}${finalized ? '' : '-in-progress'}.csv`;
}

/**
 * The name "Back up now…" suggests: the local day and time to the second,
 * e.g. `levelset-backup-2026-12-04-143205.json`, so a second backup the same
 * day (or minute: a plain one, then a protected one) does not get the first
 * one's name, where the save dialog offered to overwrite it. Fixed-width
 * fields, so the names sort by time; no colons (invalid in Windows file
 * names). The dashes in the date keep these names apart from the automatic
 * backups' (`levelset-backup-<seq>-<YYYYMMDD-HHMMSS>.json`,
 * electron/backup-rotation.ts): one saved by hand into the backups folder is
 * never listed or pruned by the rotation.
 */
export function savedBackupFileName(at: Date): string {
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `levelset-backup-${p(at.getFullYear(), 4)}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}.json`;
}
