// @vitest-environment jsdom
/**
 * A session's Audit tab lists, beside its own entries, each submission or bundle import since it began that brought a
 * new revision of one of its candidates' packets: the revision the committee reviews changed then, and an auditor
 * reading the tab months later could not see when or by whom (the import was a cycle entry the tab never showed;
 * found by a new-user trial as an HR auditor). In a blind session the submitter, usually the candidate's manager, is
 * withheld.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { BLIND_PACKET_ACTOR, blindAuditEntry, sessionRedaction } from '../../../shared/calibration/blind';
import { revisionsWritten } from '../../../shared/calibration/session-audit';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { startImport } from '../../../renderer/db/import-client';
import { planImportPreview, runPlannedImport } from '../../../renderer/db/import-flow';
import { loadSessionAudit } from '../../../renderer/db/session-hooks';
import { saveProfile } from '../../../renderer/db/profile';
import { AuditTable } from '../../../renderer/features/calibration/session/audit-view';
import type { SessionData } from '../../../renderer/features/calibration/use-session-data';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';

const BEFORE = '2026-11-20T09:00:00.000Z';
const BEGAN = '2026-11-20T10:00:00.000Z';
const SUBMITTED = '2026-11-20T11:00:00.000Z';
const IMPORTED = '2026-11-20T12:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 40, seed: 5 });
const content = { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
const REAL: BlindNames = { salt: '', candidate: (id) => `name of ${id}`, manager: (n) => n, team: (n) => n, group: (_a, v) => v };

let n = 0;
const open: LevelsetDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(open.splice(0).map((db) => db.delete()));
});
async function freshDb(profile: string): Promise<LevelsetDatabase> {
  const db = new LevelsetDatabase(`session-audit-revisions-${++n}`);
  open.push(db);
  await db.open();
  await saveProfile(db, { name: profile, role: 'Chair' }, BEFORE);
  await commands.importBundle(db, content, BEFORE);
  return db;
}

/** The level above a packet's target on its track, if any. */
const levelAbove = (levelId: string | null) => {
  const from = sample.framework.levels.find((x) => x.id === levelId)!;
  return sample.framework.levels.find((l) => l.trackId === from.trackId && l.order === from.order + 1);
};
/** Two submitted packets of candidates who still target their packet's level (one with a level above it): one in the session, one not. */
const [inSession, outside] = sample.packets
  .filter((p) => p.status === 'submitted' && sample.candidates.find((c) => c.id === p.candidateId)?.targetLevelId === p.targetLevelId)
  .sort((a, b) => Number(!levelAbove(a.targetLevelId)) - Number(!levelAbove(b.targetLevelId)));
const higher = levelAbove(inSession!.targetLevelId)!;

async function sessionOf(db: LevelsetDatabase, blind = false) {
  return commands.createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [inSession!.candidateId], orderMode: 'by-level', timeboxMinutes: 8, blind },
    BEGAN,
  );
}

/** Revision 2 of a packet as another machine submitted it: the bundle the manager sends. */
const revision2 = (p: typeof inSession, targetLevelId = p!.targetLevelId) => ({
  ...p!,
  id: `${p!.id}-rev2`,
  revision: 2,
  parentId: p!.id,
  targetLevelId,
  snapshot: { ...p!.snapshot!, targetLevelId },
  createdAt: SUBMITTED,
  updatedAt: SUBMITTED,
  submittedAt: SUBMITTED,
});

async function importRevisions(db: LevelsetDatabase) {
  const job = startImport(await createBundle({ ...content, packets: [...content.packets, revision2(inSession, higher.id), revision2(outside)] }, { createdAt: SUBMITTED, appVersion: 'test' }), undefined, () => {});
  const checked = await job.result;
  if (!checked.ok) throw new Error(checked.error.message);
  await planImportPreview(db, job, checked);
  await runPlannedImport(db, job, checked, IMPORTED);
}

describe('a session’s audit tab and the revisions it reviews', () => {
  it('lists an import since the session began that replaced a session candidate’s revision, naming only that candidate', async () => {
    const db = await freshDb('Morgan Ellis');
    const session = await sessionOf(db);
    const before = await loadSessionAudit(db, session);
    // The cycle's first import came before the session: not listed.
    expect(before.filter((e) => e.action === 'import bundle')).toEqual([]);
    await importRevisions(db);
    const imports = (await loadSessionAudit(db, session)).filter((e) => e.action === 'import bundle');
    expect(imports.map((e) => [e.at, e.actor, e.revisions])).toEqual([[IMPORTED, 'Morgan Ellis (Chair)', [{ candidateId: inSession!.candidateId, revision: 2, targetLevelId: higher.id }]]]);
  });

  it('lists a revision submitted on this computer since the session began, not the submissions before it', async () => {
    const db = await freshDb('Priya Natarajan');
    const session = await sessionOf(db);
    const draft = await commands.reopenPacket(db, inSession!.id, SUBMITTED);
    await commands.submitPacket(db, draft.id, SUBMITTED);
    const other = await commands.reopenPacket(db, outside!.id, SUBMITTED);
    await commands.submitPacket(db, other.id, SUBMITTED);
    const submissions = (await loadSessionAudit(db, session)).filter((e) => e.revisions);
    expect(submissions.map((e) => [e.action, e.actor, e.revisions])).toEqual([['submit packet', 'Priya Natarajan (Chair)', [{ candidateId: inSession!.candidateId, revision: 2, targetLevelId: inSession!.targetLevelId }]]]);
  });

  it('reads the revisions from the rows an entry recorded, only submitted ones of the session’s candidates', () => {
    const row = (status: string, candidateId: string, revision: number) => ({ table: 'packets' as const, id: `p-${candidateId}-${revision}`, row: { candidateId, status, revision, targetLevelId: 'L4' } });
    const entry = { changes: { reset: false, rows: [row('superseded', 'c1', 1), row('submitted', 'c1', 2), row('draft', 'c1', 3), row('submitted', 'c2', 2), { table: 'packets' as const, id: 'gone', row: null }, { table: 'candidates' as const, id: 'c1', row: { status: 'submitted' } }] } };
    expect(revisionsWritten(entry, { id: 's1', candidateIds: ['c1'] })).toEqual([{ candidateId: 'c1', revision: 2, targetLevelId: 'L4' }]);
    expect(revisionsWritten({}, { id: 's1', candidateIds: ['c1'] })).toEqual([]);
    // A restore, or the change that wrote the session itself (the sample cycle, loaded after its sessions began), is not a new revision.
    expect(revisionsWritten({ changes: { ...entry.changes, reset: true } }, { id: 's1', candidateIds: ['c1'] })).toEqual([]);
    expect(revisionsWritten({ changes: { reset: false, rows: [...entry.changes.rows, { table: 'sessions', id: 's1', row: {} }] } }, { id: 's1', candidateIds: ['c1'] })).toEqual([]);
  });

  it('shows the candidate and the revision in the table, and withholds the submitter in a blind session', async () => {
    const db = await freshDb('Priya Natarajan');
    const session = await sessionOf(db, true);
    const draft = await commands.reopenPacket(db, inSession!.id, SUBMITTED);
    await commands.submitPacket(db, draft.id, SUBMITTED);
    const [entry] = (await loadSessionAudit(db, session)).filter((e) => e.revisions);
    const redaction = sessionRedaction(session, sample.candidates.filter((c) => c.id === inSession!.candidateId));
    const blind = { ...blindAuditEntry(entry!, redaction), revisions: entry!.revisions! };
    expect(blind.actor).toBe(BLIND_PACKET_ACTOR);
    const level = sample.framework.levels.find((l) => l.id === inSession!.targetLevelId)!;
    render(<AuditTable entries={[blind]} data={{ session, framework: sample.framework } as unknown as SessionData} names={REAL} caption="Audit trail" />);
    const cells = within(within(screen.getByRole('table', { name: 'Audit trail' })).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells[1]!.textContent).toBe(BLIND_PACKET_ACTOR);
    expect(cells[2]!.textContent).toBe('submit packet');
    expect(cells[3]!.textContent).toBe(`name of ${inSession!.candidateId}`);
    expect(cells[4]!.textContent).toMatch(new RegExp(`^Revision 2 submitted, for ${level.code} ${level.title}\\. `));
    expect(document.body.textContent).not.toContain('Priya');
  });
});
