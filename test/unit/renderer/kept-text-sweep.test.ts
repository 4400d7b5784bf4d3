// @vitest-environment jsdom
/**
 * Text typed and kept in localStorage (state/kept-text.ts) goes with its
 * record: deleting a cycle forgets its candidates' evidence drafts, its
 * packets' unsaved words and its sessions' decision drafts, and a finalized
 * session's drafts are forgotten too. Before, they stayed on the computer
 * after the data was deleted, and loading the sample again (fixed ids)
 * brought a deleted cycle's half-written decision back into the review.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { installKeptTextSweep, sweepKeptText } from '../../../renderer/app/kept-text-sweep';
import { commands, commandRegistry } from '../../../renderer/db/commands';
import { db } from '../../../renderer/db/database';
import { belongsToPresent, KEPT_PREFIX, readKept, writeKept, type PresentRecords } from '../../../renderer/state/kept-text';
import { keepUnsaved } from '../../../renderer/state/unsaved-text';
import { useUiStore } from '../../../renderer/state/ui-store';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

const present: PresentRecords = {
  cycleIds: new Set(['cy1']),
  candidateIds: new Set(['c1', 'a:b']),
  packetIds: new Set(['p1', 'p:2']),
  frameworkIds: new Set(['fw1']),
  openSessions: new Map([
    ['s1', new Set(['c1'])],
    ['s:2', new Set(['c:3'])],
  ]),
};

describe('belongsToPresent', () => {
  it('keeps text whose record is there, ids with colons included', () => {
    expect(belongsToPresent('evidence', 'c1', present)).toBe(true);
    expect(belongsToPresent('evidence', 'a:b', present)).toBe(true);
    expect(belongsToPresent('unsaved', 'p1:summary', present)).toBe(true);
    expect(belongsToPresent('unsaved', 'p:2:note:crit-1', present)).toBe(true);
    expect(belongsToPresent('unsaved', 'framework:fw1:levels.0.title', present)).toBe(true);
    expect(belongsToPresent('draft', 'decision:s1:c1', present)).toBe(true);
    expect(belongsToPresent('draft', 'decision:s:2:c:3', present)).toBe(true);
    expect(belongsToPresent('draft', 'evidence-edit:c1:ev-9', present)).toBe(true);
    expect(belongsToPresent('draft', 'candidate-new:cy1', present)).toBe(true);
    expect(belongsToPresent('draft', 'candidate-edit:a:b', present)).toBe(true);
  });

  it('forgets text whose record is gone or whose session cannot change', () => {
    expect(belongsToPresent('evidence', 'c2', present)).toBe(false);
    expect(belongsToPresent('unsaved', 'p3:summary', present)).toBe(false);
    expect(belongsToPresent('unsaved', 'framework:fw2:name', present)).toBe(false);
    // s1 is open but does not review c2; s9 is gone or finalized.
    expect(belongsToPresent('draft', 'decision:s1:c2', present)).toBe(false);
    expect(belongsToPresent('draft', 'decision:s9:c1', present)).toBe(false);
    expect(belongsToPresent('draft', 'evidence-edit:c2:ev-9', present)).toBe(false);
    expect(belongsToPresent('draft', 'candidate-new:cy2', present)).toBe(false);
    expect(belongsToPresent('draft', 'candidate-edit:c2', present)).toBe(false);
  });

  it("leaves a draft of another form alone: no rule here says what it belongs to", () => {
    expect(belongsToPresent('draft', 'someday:x', present)).toBe(true);
  });
});

const storedKeys = () => Object.keys(localStorage).sort();

describe('the sweep over the app database', () => {
  beforeEach(async () => {
    localStorage.clear();
    useUiStore.setState({ drafts: {} });
    await db.delete();
    await db.open();
  });

  it('forgets what belongs to a finalized session or a deleted cycle, in storage and in the UI store, and loading the sample again brings none of it back', { timeout: 90_000 }, async () => {
    await commandRegistry.saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
    await commandRegistry.loadSampleCycle(db, sample);
    const finalized = sample.sessions.find((s) => s.status === 'finalized')!;
    const open = sample.sessions.find((s) => s.status !== 'finalized')!;
    const candidateId = open.candidateIds[0]!;
    const packet = sample.packets.find((p) => p.candidateId === candidateId)!;
    const frameworkId = sample.cycle.frameworkVersionId;

    writeKept('evidence', candidateId, { title: 'Led the migration' });
    keepUnsaved(`${packet.id}:summary`, 'Ready: owns the platform', '');
    keepUnsaved(`framework:${frameworkId}:name`, 'Engineering ladder (draft)', 'Engineering ladder');
    const { setDraft } = useUiStore.getState();
    setDraft(`decision:${open.id}:${candidateId}`, { outcome: 'promote', rationale: 'Strong scope' });
    setDraft(`decision:${finalized.id}:${finalized.candidateIds[0]!}`, { outcome: 'defer', rationale: 'After the fact' });

    await sweepKeptText();
    // The finalized session's draft is gone from both places; everything else stays.
    expect(Object.keys(useUiStore.getState().drafts)).toEqual([`decision:${open.id}:${candidateId}`]);
    expect(storedKeys()).toEqual(
      [
        `${KEPT_PREFIX.draft}decision:${open.id}:${candidateId}`,
        `${KEPT_PREFIX.evidence}${candidateId}`,
        `${KEPT_PREFIX.unsaved}${packet.id}:summary`,
        `${KEPT_PREFIX.unsaved}framework:${frameworkId}:name`,
      ].sort(),
    );

    // Deleting the cycle through the app's commands sweeps once it has committed.
    const stop = installKeptTextSweep();
    try {
      await commands.deleteCycle(sample.cycle.id);
      await expect.poll(() => storedKeys()).toEqual([`${KEPT_PREFIX.unsaved}framework:${frameworkId}:name`]);
      expect(useUiStore.getState().drafts).toEqual({});
      expect(readKept('evidence', candidateId)).toBeNull();

      // The sample again, with the same ids: a fresh review, no half-written decision from before.
      await commandRegistry.loadSampleCycle(db, sample);
      expect(useUiStore.getState().drafts).toEqual({});
      expect(storedKeys()).toEqual([`${KEPT_PREFIX.unsaved}framework:${frameworkId}:name`]);
    } finally {
      stop();
    }
  });

  it('sweeps once, and at most once more, for a burst of commands (a connected committee’s events)', async () => {
    const { noteRemovals } = await import('../../../renderer/db/removals');
    const { countReads } = await import('../../fixtures/db/idb-requests');
    const stop = countReads();
    const uninstall = installKeptTextSweep();
    try {
      for (let i = 0; i < 20; i++) noteRemovals();
      // Each sweep reads the sessions once; let every sweep started finish.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      uninstall();
    }
    const sessionReads = stop().get('sessions') ?? 0;
    expect(sessionReads).toBeGreaterThanOrEqual(1);
    expect(sessionReads).toBeLessThanOrEqual(2);
  });

  it('forgets nothing while the data is locked', async () => {
    writeKept('evidence', 'c-not-readable', { title: 'Kept' });
    const { setEncryption } = await import('../../../renderer/db/encryption');
    db.close();
    setEncryption(db, { mode: 'locked', reason: 'no key in this test.' });
    try {
      await expect(sweepKeptText()).rejects.toThrow(/cannot be opened/);
      expect(readKept('evidence', 'c-not-readable')).toEqual({ title: 'Kept' });
    } finally {
      setEncryption(db, { mode: 'off' });
      await db.open();
    }
  });
});
