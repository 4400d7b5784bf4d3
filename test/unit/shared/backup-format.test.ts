import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_TABLE_NAMES,
  BackupContentError,
  MAX_BACKUP_BYTES,
  createBackup,
  openBackup,
  type BackupTableName,
  type BackupTables,
} from '../../../shared/backup/backup-format';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { calibrationRows } from '../../fixtures/db/calibration-rows';

const META = { createdAt: '2026-11-21T08:00:00.000Z', appVersion: '0.1.0-test', databaseVersion: 2 };
let tables: BackupTables;
let text: string;

beforeAll(async () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
  const cal = await calibrationRows(sample);
  tables = {
    frameworks: [sample.framework],
    cycles: [sample.cycle],
    candidates: sample.candidates,
    evidence: sample.evidence,
    packets: sample.packets,
    sessions: cal.sessions,
    votes: cal.votes,
    decisions: cal.decisions,
    audit: cal.audit,
    meta: cal.meta,
  };
  text = await createBackup(tables, META);
});

/** Edits the parsed file and writes it back, with a checksum that fits the edited tables. */
type FileTables = Record<string, unknown[]> & Record<BackupTableName, unknown[]>;
async function resealed(edit: (file: { tables: FileTables } & Record<string, unknown>) => void): Promise<string> {
  const file = JSON.parse(text) as { tables: FileTables; checksum: { value: string } } & Record<string, unknown>;
  edit(file);
  file.checksum.value = await sha256Hex(canonicalJson(file.tables));
  return JSON.stringify(file, null, 2);
}

async function refusal(input: string, options = {}) {
  const result = await openBackup(input, options);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error;
}

describe('createBackup and openBackup', () => {
  it('round-trips every table exactly, with a summary of counts', async () => {
    const opened = await openBackup(text, { databaseVersion: 2 });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.tables).toEqual(tables);
    // The head is the newest entry of the trail (the fixture's entries are dated one after another).
    const newest = [...tables.audit].reduce((a, b) => (b.at > a.at ? b : a));
    expect(opened.summary).toEqual({
      trailHead: { count: tables.audit.length, hash: newest.hash, at: newest.at },
      createdAt: META.createdAt,
      appVersion: META.appVersion,
      schemaVersion: 1,
      databaseVersion: 2,
      counts: Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, tables[name].length])),
    });
  });

  it('writes the envelope fields, a SHA-256 over the canonical tables, and one row per line', async () => {
    const file = JSON.parse(text) as Record<string, unknown> & { checksum: { algorithm: string; value: string }; tables: Record<string, unknown> };
    expect(file.format).toBe('levelset.backup');
    expect(file.schemaVersion).toBe(1);
    expect(file.databaseVersion).toBe(2);
    expect(file.checksum.algorithm).toBe('SHA-256');
    expect(file.checksum.value).toBe(await sha256Hex(canonicalJson(tables)));
    expect(Object.keys(file.tables).sort()).toEqual([...BACKUP_TABLE_NAMES].sort());
    expect(text.split('\n').length).toBeGreaterThan(tables.evidence.length);
  });

  it('is deterministic: the same data gives the same text, whatever the key order of the rows', async () => {
    const shuffledKeys = Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => [name, (rows as object[]).map((row) => Object.fromEntries(Object.entries(row).reverse()))]),
    ) as unknown as BackupTables;
    expect(await createBackup(shuffledKeys, META)).toBe(text);
  });

  it('leaves a coverage table out, and ignores one found in a file', async () => {
    const withCoverage = { ...tables, coverage: [{ id: 'x' }] } as BackupTables;
    expect(await createBackup(withCoverage, META)).toBe(text);
    const file = JSON.parse(text) as { tables: Record<string, unknown> };
    file.tables.coverage = [{ id: 'cov-1', anything: true }];
    const opened = await openBackup(JSON.stringify(file));
    expect(opened.ok).toBe(true);
  });

  it('accepts a byte-order mark in front', async () => {
    expect((await openBackup(`\uFEFF${text}`)).ok).toBe(true);
  });

  it('refuses to write a backup holding an invalid row, naming it', async () => {
    const bad = { ...tables, decisions: [{ ...tables.decisions[0], rationale: '' }] } as BackupTables;
    await expect(createBackup(bad, META)).rejects.toThrow(BackupContentError);
    await expect(createBackup(bad, META)).rejects.toThrow(/decisions\[0\]\.rationale/);
    await expect(createBackup(tables, { ...META, createdAt: 'yesterday' })).rejects.toThrow(RangeError);
    await expect(createBackup(tables, { ...META, databaseVersion: 0 })).rejects.toThrow(RangeError);
  });
});

describe('openBackup refuses', () => {
  it('an empty file, a non-JSON file and other JSON as not a backup', async () => {
    expect((await refusal('')).code).toBe('not-a-backup');
    expect((await refusal('name,level\r\nAmara,IC3\r\n')).code).toBe('not-a-backup');
    expect((await refusal('[1,2,3]')).code).toBe('not-a-backup');
    expect(await refusal('{"hello":"world"}')).toMatchObject({ code: 'not-a-backup', field: 'format' });
  });

  it('a bundle or a framework file, saying where it belongs', async () => {
    expect((await refusal('{"format":"levelset.bundle","schemaVersion":1}')).message).toMatch(/packet bundle/);
    expect((await refusal('{"format":"levelset.framework","schemaVersion":1}')).message).toMatch(/framework file/);
  });

  it('a file cut off anywhere as truncated', async () => {
    for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
      const cut = text.slice(0, Math.floor(text.length * fraction));
      expect((await refusal(cut)).code, `cut at ${fraction}`).toBe('truncated');
    }
  });

  it('a changed row or checksum as tampered', async () => {
    const name = tables.candidates[0]?.name ?? '';
    expect((await refusal(text.replace(JSON.stringify(name), JSON.stringify(`${name}x`)))).code).toBe('tampered');
    const file = JSON.parse(text) as { checksum: { value: string } };
    file.checksum.value = file.checksum.value.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect((await refusal(JSON.stringify(file))).code).toBe('tampered');
    // A removed row is a change too.
    const dropped = JSON.parse(text) as { tables: { votes: unknown[] } };
    dropped.tables.votes.pop();
    expect((await refusal(JSON.stringify(dropped))).code).toBe('tampered');
  });

  it('a backup from a newer Levelset as newer-version', async () => {
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(await refusal(JSON.stringify({ ...file, schemaVersion: 2 }))).toMatchObject({ code: 'newer-version', field: 'schemaVersion' });
    expect(await refusal(JSON.stringify({ ...file, databaseVersion: 3 }), { databaseVersion: 2 })).toMatchObject({ code: 'newer-version', field: 'databaseVersion' });
    expect((await openBackup(JSON.stringify({ ...file, databaseVersion: 1 }), { databaseVersion: 2 })).ok).toBe(true);
  });

  it('a damaged envelope as invalid, naming the field', async () => {
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(await refusal(JSON.stringify({ ...file, schemaVersion: 0 }))).toMatchObject({ code: 'invalid', field: 'schemaVersion' });
    expect(await refusal(JSON.stringify({ ...file, createdAt: 'last week' }))).toMatchObject({ code: 'invalid', field: 'createdAt' });
    expect(await refusal(JSON.stringify({ ...file, checksum: { algorithm: 'MD5', value: 'x' } }))).toMatchObject({ code: 'invalid', field: 'checksum.algorithm' });
    expect(await refusal(JSON.stringify({ ...file, tables: undefined }))).toMatchObject({ code: 'invalid', field: 'tables' });
  });

  it('a row that fails its schema as invalid, even with a checksum that fits', async () => {
    const error = await refusal(
      await resealed((file) => {
        (file.tables.decisions[0] as Record<string, unknown>).rationale = '';
      }),
    );
    expect(error).toMatchObject({ code: 'invalid', field: 'tables.decisions[0].rationale' });
    expect(error.message).toMatch(/rationale/);
    expect(
      (
        await refusal(
          await resealed((file) => {
            (file.tables.candidates[1] as Record<string, unknown>).currentLevelId = 42;
          }),
        )
      ).field,
    ).toBe('tables.candidates[1].currentLevelId');
  });

  it('duplicate ids, a missing table and an unknown table as invalid', async () => {
    const dup = await refusal(
      await resealed((file) => {
        file.tables.votes.push(file.tables.votes[0]);
      }),
    );
    expect(dup.code).toBe('invalid');
    expect(dup.message).toMatch(/duplicate id/);
    const dupMeta = await refusal(
      await resealed((file) => {
        file.tables.meta.push({ key: 'deviceId', value: 'other' });
      }),
    );
    expect(dupMeta.message).toMatch(/duplicate key "deviceId"/);
    expect(
      await refusal(
        await resealed((file) => {
          file.tables = Object.fromEntries(Object.entries(file.tables).filter(([name]) => name !== 'audit')) as FileTables;
        }),
      ),
    ).toMatchObject({ code: 'invalid', field: 'tables.audit' });
    expect(
      await refusal(
        await resealed((file) => {
          file.tables.gadgets = [];
        }),
      ),
    ).toMatchObject({ code: 'invalid', field: 'tables.gadgets' });
  });

  it('a file over the size limit, before parsing it', async () => {
    const error = await refusal(' '.repeat(MAX_BACKUP_BYTES + 1));
    expect(error.code).toBe('too-large');
  });

  it('never rejects, whatever the input (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.integer({ min: 0, max: text.length - 1 }).map((n) => text.slice(0, n) + text.slice(n + 1))), async (input) => {
        const result = await openBackup(input);
        return result.ok ? result.summary.counts.candidates === tables.candidates.length : result.error.message.length > 0;
      }),
      { numRuns: 60 },
    );
  });
});
