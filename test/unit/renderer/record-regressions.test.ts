/**
 * Regressions from issue 9 that the one write path fixes by construction:
 * coverage after a cycle moves to another framework version, submitted
 * revisions that do not follow later evidence edits, and the audit entries
 * evidence changes, packet starts, bundle imports and restores used to skip.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sortTrail } from '../../../shared/audit/replay';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';
import { coverageRows, criterionCoverage } from '../../../shared/packets/coverage';
import { currentPacket } from '../../../shared/rules/current-packet';
import { addDays } from '../../../shared/util/dates';
import type { Framework, Packet } from '../../../shared/domain';
import { commandRegistry as c } from '../../../renderer/db/commands';
import { exportBackup, openBackupFor } from '../../../renderer/db/backup';
import { bundleContentFor } from '../../../renderer/db/bundles';
import { runCommand } from '../../../renderer/db/write/run-command';
import { verifyAudit } from '../../../renderer/db/audit';
import { ACTOR, openFixture, recomputedCoverage, storedCoverage, type Fixture } from '../../fixtures/db/record-fixture';
import { storedRows } from '../../fixtures/db/coverage-rows';
import { formatDate } from '../../../renderer/components/dates';

const AT = '2026-11-12T10:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();
let f: Fixture;

beforeEach(async () => {
  f = await openFixture(2026, 6);
});
afterEach(async () => {
  await f.db.delete();
});

/** The criterion ids of each candidate's stored coverage rows, and of their target level in a framework version. */
async function coverageCriteria(): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const row of await storedRows(f.db)) out.set(row.candidateId, [...(out.get(row.candidateId) ?? []), row.criterionId].sort());
  return out;
}
async function expectedCriteria(framework: Framework): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const candidate of await f.db.candidates.toArray()) {
    const packet = currentPacket(await f.db.packets.where('candidateId').equals(candidate.id).toArray())!;
    out.set(candidate.id, framework.criteria.filter((cr) => cr.levelId === packet.targetLevelId).map((cr) => cr.id).sort());
  }
  return out;
}

describe('moving a cycle to another framework version', () => {
  it('rebuilds every candidate’s stored coverage on the new version’s criteria, and back, while nothing is submitted', async () => {
    await f.db.delete();
    f = await openFixture(2026, 6, { submitNone: true });
    expect(await coverageCriteria()).toEqual(await expectedCriteria(f.v1));

    await c.moveCycleToVersion(f.db, f.sample.cycle.id, f.v2.id, AT);
    const after = await coverageCriteria();
    expect(after).toEqual(await expectedCriteria(f.v2));
    // The versions really differ for every candidate: the level's new criterion is in, its first v1 criterion is out.
    for (const candidate of f.sample.candidates) {
      const level = candidate.targetLevelId;
      expect(after.get(candidate.id)).toContain(`${level}-v2-criterion`);
      expect(after.get(candidate.id)).not.toContain(f.v1.criteria.find((cr) => cr.levelId === level)!.id);
    }
    expect(await storedCoverage(f.db)).toEqual(await recomputedCoverage(f.db));

    await c.moveCycleToVersion(f.db, f.sample.cycle.id, f.v1.id, later(1));
    expect(await coverageCriteria()).toEqual(await expectedCriteria(f.v1));
  });

  it('is refused once a packet of the cycle was submitted, and changes nothing', async () => {
    // The sample submits some packets: the move would show them with v2's criteria under their v1 ratings (a trial).
    const submitted = new Set(f.sample.packets.filter((p) => p.status === 'submitted').map((p) => p.candidateId)).size;
    expect(submitted).toBeGreaterThan(0);
    const before = await coverageCriteria();
    await expect(c.moveCycleToVersion(f.db, f.sample.cycle.id, f.v2.id, AT)).rejects.toThrow(
      new RegExp(`^${f.sample.cycle.name} stays on v1: it has submitted packets of ${submitted} candidates? (and \\d+ decisions? )?judged against v1’s criteria`),
    );
    expect((await f.db.cycles.get(f.sample.cycle.id))?.frameworkVersionId).toBe(f.v1.id);
    expect(await coverageCriteria()).toEqual(before);
  });
});

describe('a bundle’s newer copy of a cycle whose packets were submitted', () => {
  it('keeps the stored evidence window and framework version, says so in the plan, and takes the rest', async () => {
    // A security trial's bundle moved the window after submission: every submitted packet's readiness fell.
    const content = await bundleContentFor(f.db, f.sample.cycle.id, f.sample.packets.map((p) => p.id));
    const stored = (await f.db.cycles.get(f.sample.cycle.id))!;
    // And another manager's candidate archived and reassigned, which the preview only counted (a security trial).
    const [target, ...rest] = content.candidates;
    const candidates = [{ ...target!, archived: true, manager: 'Someone Else', updatedAt: later(5) }, ...rest];
    const changed = { ...content, candidates, cycle: { ...content.cycle, name: 'Renamed by bundle', evidenceFrom: '2026-07-01', frameworkVersionId: f.v2.id, updatedAt: later(5) } };
    const text = await createBundle({ ...changed, frameworks: [...changed.frameworks, f.v2] }, { createdAt: AT, appVersion: 'test' });
    const opened = await openBundle(text);
    if (!opened.ok) throw new Error(opened.error.message);
    const coverageBefore = await storedCoverage(f.db);
    const plan = await c.importBundle(f.db, opened.content, later(6));
    // In words: the days as the app shows them, the framework by name and version (a re-test read an id and ISO days).
    expect(plan.notes).toContain(
      `The bundle's copy of the cycle "Renamed by bundle" has another evidence window and framework version; packets of the cycle here were submitted against its own, so it keeps its evidence window (${formatDate(stored.evidenceFrom)} to ${formatDate(stored.evidenceTo)}) and its framework version (${f.v1.name} v1).`,
    );
    // The preview names what the bundle changes, row by row: the cycle's name only (its window and version are kept).
    expect(plan.summary).toContain(`Cycle “${stored.name}” changes: name.`);
    expect(plan.summary).toContain(`Candidate “${target!.name}” changes: manager, archived or restored.`);
    const after = (await f.db.cycles.get(f.sample.cycle.id))!;
    expect(after).toMatchObject({ name: 'Renamed by bundle', evidenceFrom: stored.evidenceFrom, evidenceTo: stored.evidenceTo, frameworkVersionId: stored.frameworkVersionId });
    // The window kept, every other candidate's coverage is as it was.
    const others = (rows: Awaited<ReturnType<typeof storedCoverage>>) => rows.filter((r) => r.candidateId !== target!.id);
    expect(others(await storedCoverage(f.db))).toEqual(others(coverageBefore));
  });
});

describe('a submitted revision after its evidence is edited', () => {
  /** A submitted sample packet and an item it cites that is dated inside the window. */
  async function submittedWithCitedItem() {
    const window = { from: f.sample.cycle.evidenceFrom, to: f.sample.cycle.evidenceTo };
    for (const packet of f.sample.packets) {
      if (packet.status !== 'submitted') continue;
      const targetCriteria = new Set(f.v1.criteria.filter((cr) => cr.levelId === packet.targetLevelId).map((cr) => cr.id));
      const item = packet.snapshot!.evidence.find((e) => e.date >= window.from && e.date <= window.to && e.criterionIds.some((id) => targetCriteria.has(id)));
      if (item) return { packet, item, criterionId: item.criterionIds.find((id) => targetCriteria.has(id))!, window };
    }
    throw new Error('The sample has no submitted packet citing evidence in the window.');
  }
  const rowsOf = async (packetId: string) => (await storedRows(f.db, { packetId: packetId })).sort((a, b) => a.id.localeCompare(b.id));

  it('keeps the submitted revision’s snapshot and coverage rows, and a later draft sees the change', async () => {
    const { packet, item, criterionId, window } = await submittedWithCitedItem();
    const storedPacket = await f.db.packets.get(packet.id);
    const coverageBefore = await rowsOf(packet.id);
    const cell = coverageBefore.find((r) => r.criterionId === criterionId)!;
    expect(cell.evidenceInWindow).toBeGreaterThan(0);

    // Renamed, then moved to before the window: the live item no longer counts for the criterion.
    const outside = addDays(window.from, -30);
    await c.updateEvidence(f.db, item.id, { ...item, title: 'Renamed after submission' }, AT);
    await c.updateEvidence(f.db, item.id, { ...item, title: 'Renamed after submission', date: outside }, later(1));
    expect((await f.db.evidence.get(item.id))).toMatchObject({ title: 'Renamed after submission', date: outside });

    expect(await f.db.packets.get(packet.id)).toEqual(storedPacket);
    expect(await rowsOf(packet.id)).toEqual(coverageBefore);
    // Not vacuous: coverage read from the live log would have lost the item.
    const candidate = (await f.db.candidates.get(packet.candidateId))!;
    const live = await f.db.evidence.where('candidateId').equals(packet.candidateId).toArray();
    const liveCell = coverageRows(packet, candidate, criterionCoverage(f.v1, packet, live, window), window).find((r) => r.criterionId === criterionId)!;
    expect(liveCell.evidenceInWindow).toBe(cell.evidenceInWindow - 1);

    // Reopening keeps revision 1 as it was submitted; the new draft counts the live, re-dated item.
    const draft = await c.reopenPacket(f.db, packet.id, later(2));
    await c.updateEvidence(f.db, item.id, { ...item, title: 'Renamed again', date: outside }, later(3));
    const superseded = (await f.db.packets.get(packet.id)) as Packet;
    expect(superseded.status).toBe('superseded');
    expect(superseded.snapshot).toEqual(storedPacket!.snapshot);
    expect(superseded.snapshot!.evidence.find((e) => e.id === item.id)).toMatchObject({ title: item.title, date: item.date });
    expect((await rowsOf(draft.id)).find((r) => r.criterionId === criterionId)!.evidenceInWindow).toBe(cell.evidenceInWindow - 1);
    expect(await rowsOf(packet.id)).toEqual([]);
    expect((await verifyAudit(f.db)).ok).toBe(true);
  });
});

describe('the audit trail records who changed what', () => {
  async function newestEntry() {
    return sortTrail(await f.db.audit.toArray()).at(-1)!;
  }
  /** Runs a command and returns the one entry it appended. */
  async function entryOf(run: () => Promise<unknown>) {
    const before = await f.db.audit.count();
    await run();
    expect(await f.db.audit.count()).toBe(before + 1);
    return newestEntry();
  }
  const candidateId = () => f.sample.candidates[0]!.id;

  it('appends an entry naming the profile for evidence add, edit, delete and undo', async () => {
    const cycle = f.sample.cycle;
    const input = { title: 'Ran the incident review', description: '', date: addDays(cycle.evidenceFrom, 10), kind: 'incident' as const, source: 'manager' as const, links: [], criterionIds: [] };
    let id = '';
    const added = await entryOf(async () => (id = (await c.addEvidence(f.db, candidateId(), input, AT)).id));
    const edited = await entryOf(() => c.updateEvidence(f.db, id, { ...input, title: 'Led the incident review' }, later(1)));
    let removed: Awaited<ReturnType<typeof c.deleteEvidence>> | undefined;
    const deleted = await entryOf(async () => (removed = await c.deleteEvidence(f.db, id, later(2))));
    const undone = await entryOf(() => c.restoreEvidence(f.db, removed!, later(3)));

    expect([added, edited, deleted, undone].map((e) => [e.action, e.actor])).toEqual([
      ['add evidence', ACTOR],
      ['edit evidence', ACTOR],
      ['delete evidence', ACTOR],
      ['undo delete evidence', ACTOR],
    ]);
    // Each entry carries the row it wrote (null for the deletion), so the trail replays.
    expect(edited.changes?.rows).toEqual([{ table: 'evidence', id, row: expect.objectContaining({ title: 'Led the incident review' }) }]);
    expect(deleted.changes?.rows).toEqual([{ table: 'evidence', id, row: null }]);
    expect((await verifyAudit(f.db)).ok).toBe(true);
  });

  it('appends an entry naming the profile when a packet is started', async () => {
    // A candidate stored without a packet (as an older database or an import may hold one).
    const bare = { ...f.sample.candidates[0]!, id: 'candidate-without-packet', name: 'Noor Hassan' };
    await runCommand(f.db, { name: 'fixture: candidate without a packet', at: AT }, (ctx) => ctx.put('candidates', bare));
    const started = await entryOf(() => c.startPacket(f.db, bare.id, later(1)));
    expect([started.action, started.actor, started.entityType]).toEqual(['start packet', ACTOR, 'packet']);
    expect(started.changes?.rows.map((r) => r.table)).toEqual(['packets']);
    expect((await storedRows(f.db, { candidateId: bare.id })).length).toBeGreaterThan(0);
  });

  it('appends an entry naming the profile for a bundle import, even one that changes nothing', async () => {
    const packetIds = f.sample.packets.slice(0, 2).map((p) => p.id);
    const text = await createBundle(await bundleContentFor(f.db, f.sample.cycle.id, packetIds), { createdAt: AT, appVersion: 'test' });
    const opened = await openBundle(text);
    if (!opened.ok) throw new Error(opened.error.message);
    const imported = await entryOf(() => c.importBundle(f.db, opened.content, later(1)));
    expect([imported.action, imported.actor]).toEqual(['import bundle', ACTOR]);
  });

  it('appends an entry naming the profile after the restored trail when a backup is restored', async () => {
    const backup = await exportBackup(f.db, { createdAt: AT, appVersion: 'test' });
    const entriesInBackup = await f.db.audit.count();
    await c.archiveCandidate(f.db, candidateId(), later(1));
    const opened = await openBackupFor(f.db, backup);
    if (!opened.ok) throw new Error(opened.error.message);
    await c.restoreBackup(f.db, opened.tables, opened.summary.databaseVersion, later(2));

    expect(await f.db.audit.count()).toBe(entriesInBackup + 1);
    const restored = await newestEntry();
    expect([restored.action, restored.actor]).toEqual(['restore backup', ACTOR]);
    expect((await f.db.candidates.get(candidateId()))!.archived).toBe(false);
    expect((await verifyAudit(f.db)).ok).toBe(true);
  });
});
