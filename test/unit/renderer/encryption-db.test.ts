/**
 * Encryption at rest through the Dexie middleware (issue 12, point 5): what
 * reaches IndexedDB is ciphertext in every listed field, what the app reads
 * is plain, the audit trail still verifies, and a database written before
 * encryption opens, reads, and is sealed by the one pass at start.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_FIELDS, ROW_ENVELOPE_FIELD, fieldContext, isSealed, randomDataKey, sealValue } from '../../../shared/crypto/field-crypto';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { verifyAudit } from '../../../renderer/db/audit';
import { DataLockedError, setEncryption } from '../../../renderer/db/encryption';
import { SEALED_MARK_KEY, sealExistingRows } from '../../../renderer/db/write/seal-existing';

let count = 0;
const AT = '2026-11-01T09:00:00.000Z';

function freshName(): string {
  return `encryption-${process.pid}-${++count}`;
}

/** The stored rows as IndexedDB holds them: a second connection without the middleware. */
async function rawRows(name: string): Promise<Record<string, Array<Record<string, unknown>>>> {
  const raw = new Dexie(name);
  await raw.open();
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of Object.keys(ENCRYPTED_FIELDS)) out[table] = (await raw.table(table).toArray()) as Array<Record<string, unknown>>;
  raw.close();
  return out;
}

async function fill(db: LevelsetDatabase) {
  await c.saveProfile(db, { name: 'Priya Shah', role: 'Engineering manager' });
  const sample = generateSampleCycle(ic0M3Levels, { seed: 7, candidates: 6 });
  await c.loadSampleCycle(db, sample, AT);
  const candidate = sample.candidates[0]!;
  await c.addEvidence(db, candidate.id, { title: 'Led the payments migration', description: 'Planned and shipped it.', date: '2026-06-01', kind: 'project', source: 'manager', links: ['https://example.com/doc'], criterionIds: [] }, AT);
  return sample;
}

/** No listed field is stored outside a row's envelope (format v2); returns how many sealed rows were seen per table. */
function sealedCounts(raw: Record<string, Array<Record<string, unknown>>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(raw)) {
    counts[table] = 0;
    for (const row of rows) {
      for (const field of ENCRYPTED_FIELDS[table]!.fields) expect(row[field], `${table}.${field} of ${String(row.id ?? row.key)}`).toBeUndefined();
      if (row[ROW_ENVELOPE_FIELD] === undefined) continue;
      expect(row[ROW_ENVELOPE_FIELD]).toBeInstanceOf(Uint8Array);
      counts[table]! += 1;
    }
  }
  return counts;
}

/** Rewrites a database as the field-by-field format (v1) stored it, with its start pass marked done for v1. */
async function storeAsV1(name: string, key: Uint8Array): Promise<void> {
  const raw = new Dexie(name);
  await raw.open();
  for (const [table, spec] of Object.entries(ENCRYPTED_FIELDS)) {
    const rows = (await raw.table(table).toArray()) as Array<Record<string, unknown>>;
    const sealed = rows.map((row) => {
      const out = { ...row };
      for (const field of spec.fields) if (row[field] !== undefined) out[field] = sealValue(key, row[field], fieldContext(table, row[spec.key], field));
      return out;
    });
    if (table === 'meta') sealed.push({ key: SEALED_MARK_KEY, value: sealValue(key, 'v1', fieldContext('meta', SEALED_MARK_KEY, 'value')) });
    await raw.table(table).bulkPut(sealed);
  }
  raw.close();
}

describe('encryption at rest', () => {
  it('stores every listed field as ciphertext, reads plain text, and keeps the audit trail verifying', async () => {
    const name = freshName();
    const db = new LevelsetDatabase(name);
    setEncryption(db, { mode: 'on', key: randomDataKey() });
    const sample = await fill(db);

    const raw = await rawRows(name);
    const counts = sealedCounts(raw);
    for (const table of ['cycles', 'candidates', 'evidence', 'packets', 'sessions', 'decisions', 'audit', 'meta']) expect(counts[table], table).toBeGreaterThan(0);
    // No personal text anywhere in the stored candidates.
    const stored = JSON.stringify(raw.candidates);
    for (const candidate of sample.candidates) expect(stored).not.toContain(candidate.name);
    // Indexed fields stay plain, so queries by them still work.
    expect(raw.candidates!.map((r) => r.manager).sort()).toEqual(sample.candidates.map((r) => r.manager).sort());

    const read = await db.candidates.where('cycleId').equals(sample.cycle.id).toArray();
    expect(read.map((r) => r.name).sort()).toEqual(sample.candidates.map((r) => r.name).sort());
    expect((await db.evidence.filter((e) => e.title === 'Led the payments migration').first())?.links).toEqual(['https://example.com/doc']);
    const verification = await verifyAudit(db);
    expect(verification.ok, JSON.stringify(verification)).toBe(true);
    db.close();
  });

  it('opens a database written before encryption, reads it, and seals it once at start without breaking the trail', async () => {
    const name = freshName();
    const plain = new LevelsetDatabase(name);
    const sample = await fill(plain);
    plain.close();
    expect((await rawRows(name)).candidates!.some((row) => isSealed(row.name))).toBe(false);

    const db = new LevelsetDatabase(name);
    setEncryption(db, { mode: 'on', key: randomDataKey() });
    expect((await db.candidates.toArray()).map((r) => r.name).sort()).toEqual(sample.candidates.map((r) => r.name).sort());
    db.close();
    const key = randomDataKey();
    const reopened = new LevelsetDatabase(name);
    setEncryption(reopened, { mode: 'on', key });
    expect(await sealExistingRows(reopened)).toBeGreaterThan(0);
    expect(await sealExistingRows(reopened)).toBe(0);
    const raw = await rawRows(name);
    expect(sealedCounts(raw).candidates).toBeGreaterThan(0);
    for (const row of raw.evidence!) expect(row[ROW_ENVELOPE_FIELD]).toBeInstanceOf(Uint8Array);
    expect((await verifyAudit(reopened)).ok).toBe(true);
    // Later writes keep working on the sealed database.
    await c.archiveCandidate(reopened, sample.candidates[0]!.id, AT);
    expect((await verifyAudit(reopened)).ok).toBe(true);
    reopened.close();
  });

  it('reads a database sealed field by field (v1), writes new rows as envelopes, and upgrades every row in the pass at start', async () => {
    const name = freshName();
    const key = randomDataKey();
    const plain = new LevelsetDatabase(name);
    const sample = await fill(plain);
    plain.close();
    await storeAsV1(name, key);
    const before = await rawRows(name);
    expect(before.candidates!.every((row) => isSealed(row.name))).toBe(true);

    const db = new LevelsetDatabase(name);
    setEncryption(db, { mode: 'on', key });
    expect((await db.candidates.toArray()).map((r) => r.name).sort()).toEqual(sample.candidates.map((r) => r.name).sort());
    expect((await verifyAudit(db)).ok).toBe(true);
    // A row written now is stored in the new format, before any pass.
    const first = sample.candidates[0]!;
    await c.archiveCandidate(db, first.id, AT);
    const written = (await rawRows(name)).candidates!.find((row) => row.id === first.id)!;
    expect(written.name).toBeUndefined();
    expect(written[ROW_ENVELOPE_FIELD]).toBeInstanceOf(Uint8Array);

    expect(await sealExistingRows(db)).toBeGreaterThan(0);
    expect(await sealExistingRows(db)).toBe(0);
    const after = await rawRows(name);
    expect(sealedCounts(after).candidates).toBe(sample.candidates.length);
    expect(JSON.stringify(after)).not.toContain('enc:v1:');
    expect((await db.candidates.get(first.id))?.name).toBe(first.name);
    expect((await verifyAudit(db)).ok).toBe(true);
    db.close();
  });

  it('without the key, refuses sealed rows rather than showing ciphertext, and refuses writes when locked', async () => {
    const name = freshName();
    const db = new LevelsetDatabase(name);
    setEncryption(db, { mode: 'on', key: randomDataKey() });
    const sample = await fill(db);
    db.close();

    const noKey = new LevelsetDatabase(name);
    await expect(noKey.candidates.toArray()).rejects.toBeInstanceOf(DataLockedError);
    noKey.close();
    const locked = new LevelsetDatabase(name);
    setEncryption(locked, { mode: 'locked', reason: 'the system keychain could not unseal the key.' });
    await expect(locked.candidates.get(sample.candidates[0]!.id)).rejects.toThrow(/keychain/);
    await expect(c.archiveCandidate(locked, sample.candidates[0]!.id, AT)).rejects.toThrow();
    locked.close();
    const other = new LevelsetDatabase(name);
    setEncryption(other, { mode: 'on', key: randomDataKey() });
    await expect(other.candidates.toArray()).rejects.toThrow(/another key/);
    other.close();
  });

  it('refuses a key set after the database opened', async () => {
    const db = new LevelsetDatabase(freshName());
    await db.open();
    expect(() => setEncryption(db, { mode: 'on', key: randomDataKey() })).toThrow(/before the database opens/);
    db.close();
  });
});
