/**
 * Upgrades from every earlier database version, with nothing lost.
 *
 * Each released version is frozen here twice over: its `stores` object,
 * copied from database.ts on the day it was released (so a later edit of
 * that version in database.ts cannot quietly change what the test builds),
 * and a fixture file of rows in the shape that version stored
 * (test/fixtures/db/v<N>.json, written once and never regenerated). For each
 * earlier version the test builds a database AT that version with a plain
 * Dexie declaring only the frozen history up to it, fills it, closes it, and
 * opens it with today's LevelsetDatabase.
 *
 * Version 4 (candidateStats) added v3.json: the v2 fixture upgraded by the
 * version 3 code of that day, written once. Version 6 (readiness in
 * candidateStats) added v5.json: v4.json plus one row in each connected-mode
 * table of version 5, written once. Version 7 (indexes: [cycleId+id], the
 * audit chain's head, the trail's order; the current packet in
 * candidateStats) added v6.json: v5.json upgraded by the version 6 code of
 * that day (readiness filled in candidateStats), written once. Version 8
 * (one coverage row per candidate) added v7.json: v6.json upgraded by the
 * version 7 code of that day (the current packet in candidateStats), written once.
 * Version 9 (the current packet's submission day in candidateStats) added
 * v8.json: v7.json upgraded by the version 8 code of that day (coverage
 * packed one row per candidate), written once.
 *
 * Adding version 3 to database.ts: append its frozen `stores` to HISTORY,
 * give version 2 a fixture (rows as version 2 stores them, coverage
 * included), and the loop covers 1 → 3 and 2 → 3. The guard test below
 * fails until HISTORY reaches the version database.ts declares.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditEntrySchema, CandidateSchema, CycleSchema, DecisionSchema, EvidenceSchema, FrameworkSchema, PacketSchema, SessionSchema, VoteSchema } from '../../../shared/domain';
import { coverageRows, criterionCoverage, type CriterionCoverageRow } from '../../../shared/packets/coverage';
import { rebuildCoverage, refreshCoverageFor } from '../../../renderer/db/write/coverage';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { currentTrailHead, verifyAudit } from '../../../renderer/db/audit';
import { storedRows } from '../../fixtures/db/coverage-rows';
import { unpackAll, type StoredCoverageRow } from '../../../shared/packets/stored-coverage';

interface FrozenVersion {
  version: number;
  /** The argument of `this.version(n).stores(...)` in database.ts, copied verbatim when released. */
  stores: Record<string, string | null>;
  /** Rows written at this version, or null for the current version (nothing upgrades from it yet). */
  fixture: string | null;
}

const HISTORY: FrozenVersion[] = [
  {
    version: 1,
    stores: {
      frameworks: 'id, lineageId, [lineageId+version], builtIn',
      cycles: 'id, frameworkVersionId',
      candidates: 'id, cycleId, manager, team, [cycleId+targetLevelId], [cycleId+manager]',
      evidence: 'id, candidateId, cycleId, date, *criterionIds',
      packets: 'id, candidateId, cycleId, status, [cycleId+targetLevelId]',
      sessions: 'id, cycleId',
      votes: 'id, sessionId, [sessionId+candidateId]',
      decisions: 'id, sessionId, candidateId, [sessionId+candidateId]',
      audit: 'id, [deviceId+seq], entityId, at',
      meta: 'key',
    },
    fixture: 'v1.json',
  },
  {
    version: 2,
    stores: {
      coverage: 'id, packetId, candidateId, [cycleId+targetLevelId], [cycleId+manager], [cycleId+criterionId]',
    },
    fixture: 'v2.json',
  },
  {
    version: 3,
    stores: {},
    fixture: 'v3.json',
  },
  {
    version: 4,
    stores: { candidateStats: 'id, cycleId' },
    fixture: 'v4.json',
  },
  {
    version: 5,
    stores: {
      outbox: 'msgId, cycleId, order',
      streamState: 'stream, cycleId',
      applied: 'msgId, cycleId, sessionId, streamSeq',
      commitments: 'id, cycleId, sessionId, [sessionId+candidateId]',
      ownVotes: 'id, cycleId, sessionId',
      sessionModes: 'sessionId, cycleId',
      connections: 'cycleId',
    },
    fixture: 'v5.json',
  },
  {
    version: 6,
    stores: {},
    fixture: 'v6.json',
  },
  {
    version: 7,
    stores: {
      candidates: 'id, cycleId, manager, team, [cycleId+targetLevelId], [cycleId+manager], [cycleId+id]',
      evidence: 'id, candidateId, cycleId, date, *criterionIds, [cycleId+id]',
      packets: 'id, candidateId, cycleId, status, [cycleId+targetLevelId], [cycleId+id]',
      coverage: 'id, packetId, candidateId, [cycleId+targetLevelId], [cycleId+manager], [cycleId+criterionId], [cycleId+id]',
      audit: 'id, [deviceId+seq], entityId, at, [deviceId+seq+hash], [at+deviceId+seq+hash]',
    },
    fixture: 'v7.json',
  },
  {
    version: 8,
    stores: {
      coverage: 'id, [cycleId+targetLevelId], [cycleId+id]',
    },
    fixture: 'v8.json',
  },
  {
    version: 9,
    stores: {},
    fixture: null,
  },
];

const CURRENT = HISTORY[HISTORY.length - 1] as FrozenVersion;

/** Rows per table as stored at some version. */
type FixtureTables = Record<string, Array<Record<string, unknown>>>;

function readFixture(file: string): FixtureTables {
  const path = fileURLToPath(new URL(`../../fixtures/db/${file}`, import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as { tables: FixtureTables }).tables;
}

/** A database with exactly the frozen history up to `version`. */
function databaseAt(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const step of HISTORY) if (step.version <= version) db.version(step.version).stores(step.stores);
  return db;
}

/** The primary key path of a table in a frozen `stores` spec ('id' or 'key' here). */
function primaryKeyAt(version: number, table: string): string {
  let spec: string | null | undefined;
  for (const step of HISTORY) if (step.version <= version && table in step.stores) spec = step.stores[table];
  if (!spec) throw new Error(`table ${table} does not exist at version ${version}`);
  return (spec.split(',')[0] ?? '').trim().replace(/^(\+\+|&)/, '');
}

function byKey(key: string) {
  return (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0);
}

const CURRENT_SCHEMAS: Record<string, { parse: (row: unknown) => unknown }> = {
  frameworks: FrameworkSchema,
  cycles: CycleSchema,
  candidates: CandidateSchema,
  evidence: EvidenceSchema,
  packets: PacketSchema,
  sessions: SessionSchema,
  votes: VoteSchema,
  decisions: DecisionSchema,
  audit: AuditEntrySchema,
};

/** The coverage rows of every candidate, computed straight from the rows (no database code). */
function expectedCoverage(tables: FixtureTables): CriterionCoverageRow[] {
  const framework = FrameworkSchema.parse(tables.frameworks?.[0]);
  const cycle = CycleSchema.parse(tables.cycles?.[0]);
  const window = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  const evidence = (tables.evidence ?? []).map((e) => EvidenceSchema.parse(e));
  const rows: CriterionCoverageRow[] = [];
  for (const raw of tables.candidates ?? []) {
    const candidate = CandidateSchema.parse(raw);
    const packet = (tables.packets ?? [])
      .map((p) => PacketSchema.parse(p))
      .filter((p) => p.candidateId === candidate.id && p.status !== 'superseded')
      .sort((a, b) => b.revision - a.revision)[0];
    if (!packet) continue;
    const mine = evidence.filter((e) => e.candidateId === candidate.id);
    rows.push(...coverageRows(packet, candidate, criterionCoverage(framework, packet, mine, window), window));
  }
  return rows.sort(byKey('id') as (a: object, b: object) => number);
}

/** A candidate's current packet as the lists store it, picked here from the fixture rows (highest revision not superseded, a submitted one first). */
function currentOf(tables: FixtureTables, candidateId: string): { id: string; targetLevelId: string | null; status: string; revision: number; submittedAt: string | null } | null {
  const rank: Record<string, number> = { submitted: 0, draft: 1 };
  const live = (tables.packets ?? [])
    .map((p) => PacketSchema.parse(p))
    .filter((p) => p.candidateId === candidateId && p.status !== 'superseded')
    .sort((a, b) => b.revision - a.revision || (rank[a.status] ?? 2) - (rank[b.status] ?? 2) || a.id.localeCompare(b.id));
  const p = live[0];
  return p ? { id: p.id, targetLevelId: p.targetLevelId, status: p.status, revision: p.revision, submittedAt: p.submittedAt } : null;
}

/** A fixture's coverage as one row per criterion: as stored before version 8, unpacked from its one row per candidate after. */
function coverageOf(version: number, tables: FixtureTables): Array<Record<string, unknown>> {
  const rows = tables.coverage ?? [];
  return version >= 8 ? (unpackAll(rows as unknown as StoredCoverageRow[]) as unknown as Array<Record<string, unknown>>) : rows;
}

let names: string[] = [];
afterEach(async () => {
  await Promise.all(names.map((name) => Dexie.delete(name)));
  names = [];
});

describe('database migrations', () => {
  it('keeps the frozen history in step with database.ts', async () => {
    const name = 'migrations-history-check';
    names.push(name);
    const live = new LevelsetDatabase(name);
    expect(live.verno).toBe(CURRENT.version);
    const frozen = databaseAt(`${name}-frozen`, CURRENT.version);
    names.push(`${name}-frozen`);
    await Promise.all([live.open(), frozen.open()]);
    const shape = (db: Dexie) =>
      db.tables
        .map((t) => ({ name: t.name, primKey: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(shape(frozen)).toEqual(shape(live));
    live.close();
    frozen.close();
  });

  for (const step of HISTORY.filter((s) => s.version < CURRENT.version)) {
    describe(`from version ${step.version}`, () => {
      async function upgraded() {
        const name = `migrations-from-v${step.version}-${Math.random().toString(36).slice(2)}`;
        names.push(name);
        if (!step.fixture) throw new Error(`version ${step.version} needs a fixture file`);
        const tables = readFixture(step.fixture);

        const old = databaseAt(name, step.version);
        await old.open();
        expect(old.verno).toBe(step.version);
        expect(old.tables.map((t) => t.name).sort()).toEqual(Object.keys(tables).sort());
        await old.transaction('rw', old.tables, async () => {
          for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
        });
        old.close();

        const db = new LevelsetDatabase(name);
        await db.open();
        return { db, tables };
      }

      it('keeps every row of every table unchanged, but freezes submitted packets and adopts the records in the trail', async () => {
        const { db, tables } = await upgraded();
        expect(db.verno).toBe(CURRENT.version);
        for (const [table, rows] of Object.entries(tables)) {
          const key = primaryKeyAt(step.version, table);
          expect(rows.length, table).toBeGreaterThan(0);
          const stored = (await db.table(table).toArray()) as Array<Record<string, unknown>>;
          if (table === 'packets' && step.version >= 3) {
            // Already frozen at version 3: nothing to add.
            expect(stored, table).toEqual([...rows].sort(byKey(key)));
          } else if (table === 'packets') {
            // Version 3 adds the snapshot of a submitted packet, taken from the evidence as it stood (null for a draft); nothing else changes.
            expect(stored.map(({ snapshot: _snapshot, ...rest }) => rest), table).toEqual([...rows].sort(byKey(key)));
            for (const packet of stored) {
              if (packet.status === 'draft') expect(packet.snapshot, String(packet.id)).toBeNull();
              else {
                const snapshot = packet.snapshot as { evidence: Array<{ id: string; candidateId: string }>; summary: string };
                expect(snapshot.summary).toBe(packet.summary);
                expect(snapshot.evidence.length).toBeGreaterThan(0);
                expect(snapshot.evidence.every((e) => e.candidateId === packet.candidateId)).toBe(true);
              }
            }
          } else if (table === 'audit') {
            // The old entries stay; one baseline entry adopts every record as it was at the upgrade.
            const baseline = stored.filter((e) => !rows.some((r) => r.id === e.id));
            expect(stored.filter((e) => rows.some((r) => r.id === e.id))).toEqual([...rows].sort(byKey(key)));
            // From version 3 on the trail already records rows: nothing to adopt.
            expect(baseline).toHaveLength(step.version < 3 ? 1 : 0);
            if (step.version < 3) expect(baseline[0]?.action).toMatch(/adopt existing records/);
          } else if (table === 'candidateStats') {
            // Version 6 adds each candidate's readiness, version 7 their current packet, version 9 its submission day (checked below); the counts stay.
            const strip = ({ readiness: _readiness, packet: _packet, ...rest }: Record<string, unknown>) => rest;
            expect(stored.map(strip), table).toEqual([...rows].sort(byKey(key)).map(strip));
          } else if (table === 'coverage') {
            // Version 8 stores one row per candidate; unpacked, they are exactly the criterion rows stored before.
            const criterionRows = coverageOf(step.version, tables);
            expect(await storedRows(db), table).toEqual([...criterionRows].sort(byKey('id')));
            expect(await db.coverage.count()).toBe(new Set(criterionRows.map((r) => r.candidateId)).size);
          } else if (table === 'meta') {
            expect(stored).toEqual([...rows].sort(byKey(key)));
          } else expect(stored, table).toEqual([...rows].sort(byKey(key)));
        }
        db.close();
      });

      it('leaves a trail that replays to the upgraded records', async () => {
        const { db } = await upgraded();
        const { replay, head } = await verifyAudit(db);
        expect(replay).toMatchObject({ ok: true });
        // The head read from the trail-order index (version 7) is the whole trail's.
        expect(await currentTrailHead(db)).toEqual(head);
        db.close();
      });

      it('leaves rows that pass the current domain schemas as they are', async () => {
        const { db } = await upgraded();
        for (const [table, schema] of Object.entries(CURRENT_SCHEMAS)) {
          for (const row of await db.table(table).toArray()) expect(schema.parse(row), `${table} ${String((row as { id?: unknown }).id)}`).toEqual(row);
        }
        db.close();
      });

      it('has a working coverage table: empty after the upgrade, rebuilt on demand', async () => {
        const { db, tables } = await upgraded();
        // The version 2 upgrade only creates the table (database.ts: "the
        // upgrade only creates the table and the app fills it"), so rows
        // saved before it have no coverage until something rebuilds it;
        // rows saved at version 2 keep theirs.
        expect((await storedRows(db)).length).toBe(step.version < 2 ? 0 : coverageOf(step.version, tables).length);
        const candidateIds = (tables.candidates ?? []).map((c) => String(c.id));
        await db.transaction('rw', [db.coverage, db.candidates, db.cycles, db.frameworks, db.packets, db.evidence], () => refreshCoverageFor(db, candidateIds));
        const rebuilt = await storedRows(db);
        expect(rebuilt).toEqual(expectedCoverage(tables));
        expect(rebuilt.length).toBeGreaterThan(0);
        const first = rebuilt[0] as CriterionCoverageRow;
        // The indexes the readers use: a cycle's rows by target level (the session) and by id (the book).
        expect(await db.coverage.where('[cycleId+targetLevelId]').equals([first.cycleId, first.targetLevelId]).count()).toBeGreaterThan(0);
        expect(await db.coverage.where('[cycleId+id]').between([first.cycleId, Dexie.minKey], [first.cycleId, Dexie.maxKey]).count()).toBe(new Set(rebuilt.map((r) => r.candidateId)).size);
        db.close();
      });

      it('fills the candidateStats table with each candidate\'s evidence count, readiness and current packet', async () => {
        const { db, tables } = await upgraded();
        // Counted here from the fixture rows, not with the app's code: readiness from the stored coverage
        // (none before version 2: startup's rebuildCoverage fills both then).
        const expected = (tables.candidates ?? []).map((c) => {
          const rows = coverageOf(step.version, tables).filter((r) => r.candidateId === c.id);
          const ready = rows.filter((r) => r.rating === 'consistently' && r.sustained === true).length;
          return {
            id: String(c.id),
            cycleId: String(c.cycleId),
            evidenceCount: (tables.evidence ?? []).filter((e) => e.candidateId === c.id).length,
            readiness: rows.length === 0 ? null : { packetId: rows[0]!.packetId, ready, total: rows.length, share: ready / rows.length },
            packet: currentOf(tables, String(c.id)),
          };
        });
        expect(expected.some((r) => r.packet !== null)).toBe(true);
        if (step.version >= 2) expect(expected.some((r) => r.readiness !== null && r.readiness.ready > 0)).toBe(true);
        expect(expected.some((r) => r.evidenceCount > 0)).toBe(true);
        expect(await db.candidateStats.toArray()).toEqual(expected.sort(byKey('id')));
        const cycleId = expected[0]?.cycleId ?? '';
        expect(await db.candidateStats.where('cycleId').equals(cycleId).count()).toBe(expected.length);
        db.close();
      });

      it('fills readiness and the current packet in candidateStats when startup rebuilds coverage', async () => {
        const { db, tables } = await upgraded();
        await db.coverage.clear();
        await rebuildCoverage(db);
        // Counted here from the rebuilt coverage rows (checked against the records above), not with the app's code.
        const coverage = await storedRows(db);
        expect(coverage.length).toBeGreaterThan(0);
        for (const stats of await db.candidateStats.toArray()) {
          const rows = coverage.filter((r) => r.candidateId === stats.id);
          const ready = rows.filter((r) => r.rating === 'consistently' && r.sustained).length;
          expect(stats.readiness, stats.id).toEqual(rows.length === 0 ? null : { packetId: rows[0]!.packetId, ready, total: rows.length, share: ready / rows.length });
          expect(stats.packet, stats.id).toEqual(currentOf(tables, stats.id));
        }
        db.close();
      });

      it('reads through the old indexes and takes new writes', async () => {
        const { db, tables } = await upgraded();
        const candidate = CandidateSchema.parse(tables.candidates?.[0]);
        expect(await db.candidates.where('[cycleId+manager]').equals([candidate.cycleId, candidate.manager]).count()).toBeGreaterThan(0);
        expect(await db.evidence.where('criterionIds').anyOf((tables.evidence?.[0]?.criterionIds as string[]) ?? []).count()).toBeGreaterThan(0);
        const decision = DecisionSchema.parse(tables.decisions?.[0]);
        await db.decisions.put({ ...decision, id: 'written-after-upgrade' });
        expect(await db.decisions.where('[sessionId+candidateId]').equals([decision.sessionId, decision.candidateId]).count()).toBeGreaterThanOrEqual(2);
        db.close();
      });

      it('finds each device\'s last audit entry through the chain-head index, as the entries say', async () => {
        const { db } = await upgraded();
        // As stored after the upgrade (versions 1 and 2 gain the adoption entry).
        const entries = await db.audit.toArray();
        expect(entries.length).toBeGreaterThan(0);
        for (const device of new Set(entries.map((e) => e.deviceId))) {
          const last = entries.filter((e) => e.deviceId === device).sort((a, b) => b.seq - a.seq)[0]!;
          expect(await db.audit.where('[deviceId+seq+hash]').between([device, Dexie.minKey], [device, Dexie.maxKey]).lastKey()).toEqual([device, last.seq, last.hash]);
        }
        db.close();
      });
    });
  }
});
