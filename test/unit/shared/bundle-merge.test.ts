/**
 * Merge planning: what an import adds, updates, leaves alone, and where the
 * packets of two machines conflict. Rows come from the sample cycle; the
 * "database" is plain rows turned into lookups.
 */
import { describe, expect, it } from 'vitest';
import type { Candidate, Packet } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import type { BundleContent } from '../../../shared/exchange/bundle-format';
import { applyPlanRows, existingFromRows, idsToLoad, importedText, isNewer, keptEditsId, planHasChanges, planMerge, type ExistingRows, type MergeRows } from '../../../shared/exchange/merge-plan';
import { currentPacket } from '../../../shared/rules/current-packet';

const LATER = '2026-10-05T12:00:00.000Z';
const NOW = '2026-11-01T08:00:00.000Z';

function sampleContent(): BundleContent {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
  return { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
}

const content = sampleContent();
const cand0 = content.candidates[0]!;
const packet0 = content.packets.find((p) => p.candidateId === cand0.id)!;

/** A new revision of `parent`, as reopening a packet makes it. */
function revisionOf(parent: Packet, id: string, patch: Partial<Packet> = {}): Packet {
  return { ...parent, id, revision: parent.revision + 1, parentId: parent.id, status: 'submitted', updatedAt: LATER, ...patch };
}

/** The committee's database after importing `content` once, with `patch` applied to its tables. */
function stored(patch: Partial<MergeRows> = {}): ExistingRows {
  return existingFromRows({ frameworks: content.frameworks, cycles: [content.cycle], candidates: content.candidates, evidence: content.evidence, packets: content.packets, ...patch });
}
const alreadyImported = () => stored();

describe('planMerge', () => {
  it('adds everything to an empty database and imports the framework version along', () => {
    const plan = planMerge(content, existingFromRows({}));
    expect(plan.add.candidates).toHaveLength(3);
    expect(plan.add.evidence).toHaveLength(content.evidence.length);
    expect(plan.add.packets).toHaveLength(3);
    expect(plan.add.cycles).toEqual([content.cycle]);
    expect(plan.frameworksImported).toEqual([{ id: content.frameworks[0]!.id, lineageId: content.frameworks[0]!.lineageId, name: content.frameworks[0]!.name, version: 1 }]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.summary[0]).toBe(`Adds 1 framework version, 1 cycle, 3 candidates, ${content.evidence.length} evidence items, 3 packet revisions.`);
    expect(plan.summary).toContain(`Imports framework "${content.frameworks[0]!.name}" version 1, which this database did not have.`);
  });

  it('changes nothing when the same bundle is imported twice', () => {
    const plan = planMerge(content, alreadyImported());
    expect(planHasChanges(plan)).toBe(false);
    expect(plan.unchanged).toEqual({ frameworks: 1, cycles: 1, candidates: 3, evidence: content.evidence.length, packets: 3 });
    expect(plan.summary[0]).toBe('Nothing to import: this database already has everything in the bundle.');
    // The status line after importing says so plainly, not "Imported the bundle: Nothing to import".
    expect(importedText(plan)).toBe('Nothing was imported: this database already had everything in the bundle.');
    expect(plan.keptOwn).toEqual([]);
  });

  it('names a row whose bundle copy differs but is not newer, instead of saying the database has everything', () => {
    // The same evidence item with another title and the same time of change: a file edited by hand (its checksum
    // recomputed), or two machines with the same clock reading. The stored copy is kept, and the preview says so.
    const evidence0 = content.evidence[0]!;
    const edited = { ...content, evidence: content.evidence.map((e) => (e.id === evidence0.id ? { ...e, title: 'Edited outside Levelset' } : e)) };
    const plan = planMerge(edited, alreadyImported());
    expect(planHasChanges(plan)).toBe(false);
    expect(plan.keptOwn).toEqual([{ table: 'evidence', id: evidence0.id, label: evidence0.title, why: 'same-time' }]);
    expect(plan.summary[0]).toBe('Nothing to import: where the bundle differs, this database’s copies are kept (below).');
    expect(plan.summary).toContain("1 row in the bundle differs from this database's copy and is not newer, so this database's copy is kept:");
    expect(plan.summary.some((line) => line.startsWith(`Evidence “${evidence0.title}”: both copies say they were changed at the same moment`))).toBe(true);
    expect(importedText(plan)).toBe("Nothing was imported: 1 row of the bundle differed from this database's copies, which were kept.");

    // Changed here later: the reason is that this copy is newer.
    const newerHere = stored({ candidates: content.candidates.map((c) => (c.id === cand0.id ? { ...c, team: 'Moved here', updatedAt: LATER } : c)) });
    expect(planMerge(content, newerHere).keptOwn).toEqual([{ table: 'candidates', id: cand0.id, label: cand0.name, why: 'newer' }]);
    // The same rows with their keys in another order are the same rows.
    const reordered = stored({ evidence: content.evidence.map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e) });
    expect(planMerge(content, reordered).keptOwn).toEqual([]);
  });

  it('says when a candidate’s packet in the bundle is only a draft, which no session reviews', () => {
    const submittedOnly = { ...content, packets: content.packets.map((p) => (p.status === 'draft' ? { ...p, status: 'submitted' as const, submittedAt: p.updatedAt } : p)) };
    expect(planMerge(submittedOnly, existingFromRows({})).summary.some((l) => l.includes('draft'))).toBe(false);
    const oneDraft = { ...submittedOnly, packets: submittedOnly.packets.map((p) => (p.id === packet0.id ? { ...p, status: 'draft' as const, submittedAt: null } : p)) };
    expect(planMerge(oneDraft, existingFromRows({})).summary).toContain(
      '1 candidate’s packet in the bundle is a draft, not submitted: a new session takes submitted packets only, unless its chair also includes those not submitted yet, and the committee then reviews work in progress. For a review of the case as the manager stands by it, ask the manager to submit and send it.',
    );
    // This database already has the revision after that draft, submitted (a chair re-importing the manager's older
    // bundle, a trial): sessions here review the submission, so the bundle's draft is no warning.
    const draft = oneDraft.packets.find((p) => p.id === packet0.id)!;
    const submittedHere = stored({ packets: [...submittedOnly.packets.map((p) => (p.id === packet0.id ? { ...p, status: 'superseded' as const } : p)), revisionOf(draft, 'p0-rev-next', { submittedAt: LATER })] });
    const again = planMerge(oneDraft, submittedHere);
    expect(again.draftsOnly).toBe(0);
    expect(again.summary.some((l) => l.includes('is a draft'))).toBe(false);
    // The same draft as the revision here, submitted since: the submission stays, and no warning either.
    const sameSubmitted = stored({ packets: submittedOnly.packets });
    expect(planMerge(oneDraft, sameSubmitted).draftsOnly).toBe(0);
  });

  it('says what an import did, in the past tense, with counts in words', () => {
    const plan = planMerge(content, existingFromRows({}));
    expect(importedText(plan)).toBe(`Imported the bundle: added 1 framework version, 1 cycle, 3 candidates, ${content.evidence.length} evidence items, 3 packet revisions.`);
  });

  it('adds a new candidate with their evidence and packet', () => {
    const existing = stored({ candidates: content.candidates.slice(1), evidence: content.evidence.filter((e) => e.candidateId !== cand0.id), packets: content.packets.slice(1) });
    const plan = planMerge(content, existing);
    expect(plan.add.candidates.map((c) => c.id)).toEqual([cand0.id]);
    expect(plan.add.evidence.every((e) => e.candidateId === cand0.id)).toBe(true);
    expect(plan.add.packets.map((p) => p.id)).toEqual([packet0.id]);
    expect(plan.update).toEqual({ frameworks: [], cycles: [], candidates: [], evidence: [], packets: [] });
  });

  it('ignores an incoming row older than the stored one and takes a newer one', () => {
    const storedNewer: Candidate = { ...cand0, team: 'Renamed here', updatedAt: LATER };
    const older = planMerge(content, stored({ candidates: [storedNewer, ...content.candidates.slice(1)] }));
    expect(older.update.candidates).toEqual([]);
    expect(older.unchanged.candidates).toBe(3);

    const incomingNewer = { ...content, candidates: [{ ...cand0, team: 'Moved team', updatedAt: LATER }, ...content.candidates.slice(1)] };
    const newer = planMerge(incomingNewer, alreadyImported());
    expect(newer.update.candidates).toEqual([incomingNewer.candidates[0]]);
    expect(newer.summary).toContain('Updates 1 candidate with newer copies from the bundle.');

    const evidence = content.evidence.map((e, i) => (i === 0 ? { ...e, title: 'Edited', updatedAt: LATER } : e));
    expect(planMerge({ ...content, evidence }, alreadyImported()).update.evidence).toEqual([evidence[0]]);
  });

  it('compares timestamps as instants, not as text', () => {
    expect(isNewer('2026-01-01T00:00:00.500Z', '2026-01-01T00:00:00Z')).toBe(true);
    expect(isNewer('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.500Z')).toBe(false);
  });

  it('replaces the stored packet with a revision that descends from it, superseding the stored one', () => {
    const rev2 = revisionOf(packet0, 'p0-rev2');
    const plan = planMerge({ ...content, packets: [rev2, ...content.packets.slice(1)] }, alreadyImported(), { now: NOW });
    expect(plan.add.packets).toEqual([rev2]);
    expect(plan.update.packets).toEqual([{ ...packet0, status: 'superseded', updatedAt: NOW }]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.replaced).toEqual([{ candidateId: cand0.id, candidateName: cand0.name, supersededPacketId: packet0.id, supersededRevision: 1, byPacketId: 'p0-rev2', byRevision: 2 }]);
    expect(plan.summary).toContain(`${cand0.name}: revision 2 from the bundle becomes the current revision, after revision 1 here (it builds on it); revision 1 stays in the packet’s history, and decisions made on it stay with it.`);
    // The other two packets' revisions are left; one alone reads as a sentence too.
    expect(plan.summary).toContainEqual(expect.stringMatching(/, 2 packet revisions unchanged \(this database has the same or newer\)\.$/));
    const one = planMerge({ ...content, packets: [rev2, content.packets[1]!] }, alreadyImported(), { now: NOW });
    expect(one.summary).toContainEqual(expect.stringMatching(/, 1 packet revision unchanged \(this database has the same or newer\)\.$/));
  });

  it('says when the revision that replaces the stored one is for another target level', () => {
    const framework = content.frameworks[0]!;
    const from = framework.levels.find((l) => l.id === packet0.targetLevelId)!;
    const to = framework.levels.find((l) => l.trackId === from.trackId && l.order === from.order + 1)!;
    const rev2 = revisionOf(packet0, 'p0-rev2', { targetLevelId: to.id });
    const plan = planMerge({ ...content, packets: [rev2, ...content.packets.slice(1)] }, alreadyImported(), { now: NOW });
    expect(plan.replaced[0]?.level).toEqual({ from: from.code, to: to.code });
    expect(plan.summary).toContain(`${cand0.name}: revision 2 from the bundle becomes the current revision, after revision 1 here (it builds on it); revision 1 stays in the packet’s history, and decisions made on it stay with it. Its target level changes from ${from.code} to ${to.code}.`);
  });

  it('follows the parent chain through several revisions, stored and incoming', () => {
    const rev2 = revisionOf(packet0, 'p0-rev2', { status: 'superseded' });
    const rev3 = revisionOf(rev2, 'p0-rev3');
    const plan = planMerge({ ...content, packets: [rev3, rev2, ...content.packets.slice(1)] }, alreadyImported());
    expect(plan.add.packets.map((p) => [p.id, p.status])).toEqual([
      ['p0-rev2', 'superseded'],
      ['p0-rev3', 'submitted'],
    ]);
    expect(plan.update.packets.map((p) => [p.id, p.status])).toEqual([[packet0.id, 'superseded']]);
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps an older incoming revision as history only when the stored one descends from it', () => {
    const rev2 = revisionOf(packet0, 'p0-rev2');
    // The committee has revision 2 (its parent revision 1 stayed on the manager's laptop).
    const existing = stored({ packets: [rev2, ...content.packets.slice(1)] });
    const plan = planMerge(content, existing);
    expect(plan.add.packets).toEqual([{ ...packet0, status: 'superseded' }]);
    expect(plan.update.packets).toEqual([]);
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps both packets and lists a conflict when the revisions branched', () => {
    const here = revisionOf(packet0, 'p0-rev2-here', { summary: 'Edited by the committee' });
    const there = revisionOf(packet0, 'p0-rev2-there', { summary: 'Edited by the manager' });
    const existing = stored({ packets: [{ ...packet0, status: 'superseded' }, here, ...content.packets.slice(1)] });
    const plan = planMerge({ ...content, packets: [{ ...packet0, status: 'superseded' }, there, ...content.packets.slice(1)] }, existing);
    expect(plan.add.packets).toEqual([there]);
    expect(plan.update.packets).toEqual([]);
    expect(plan.conflicts).toEqual([
      {
        kind: 'branched',
        candidateId: cand0.id,
        candidateName: cand0.name,
        existingPacketId: 'p0-rev2-here',
        existingRevision: 2,
        incomingPacketId: 'p0-rev2-there',
        incomingRevision: 2,
        baseRevision: 1,
        changedHere: ['Submitted.', expect.stringMatching(/^Summary rewritten: "Edited by the committee" \(was ".+"\)\.$/)],
        changedInBundle: ['Submitted.', expect.stringMatching(/^Summary rewritten: "Edited by the manager" \(was ".+"\)\.$/)],
        keptPacketId: null,
        reason: 'Both packets were revised separately from revision 1: revision 2 here and revision 2 in the bundle. Neither replaces the other; both are kept.',
      },
    ]);
    expect(plan.summary).toContain('1 packet conflicts; both versions are kept (listed below).');
    expect(applyPlanRows(plan).packets.filter((p) => p.candidateId === cand0.id && p.status !== 'superseded')).toEqual([there]);
  });

  it('lists a conflict for packets started separately on two machines', () => {
    const separate: Packet = { ...packet0, id: 'p0-separate', updatedAt: LATER };
    const plan = planMerge({ ...content, packets: [separate, ...content.packets.slice(1)] }, alreadyImported());
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]!.reason).toMatch(/were started separately/);
    expect(plan.add.packets).toEqual([separate]);
    expect(plan.update.packets).toEqual([]);
  });

  it('updates a packet with the same id only when the incoming one is newer, and never revives a superseded one', () => {
    const edited = { ...packet0, summary: 'Edited draft', updatedAt: LATER };
    const plan = planMerge({ ...content, packets: [edited, ...content.packets.slice(1)] }, alreadyImported());
    expect(plan.update.packets).toEqual([edited]);

    const stale = planMerge(content, stored({ packets: [{ ...edited }, ...content.packets.slice(1)] }));
    expect(stale.update.packets).toEqual([]);

    // A superseded revision here is not rewritten, not even kept superseded with the other machine's text: that text is kept beside it.
    const superseded = stored({ packets: [{ ...packet0, status: 'superseded' }, ...content.packets.slice(1)] });
    const revived = planMerge({ ...content, packets: [edited, ...content.packets.slice(1)] }, superseded);
    expect(revived.update.packets).toEqual([]);
    expect(revived.add.packets).toEqual([{ ...edited, id: keptEditsId(packet0.id, edited), status: 'superseded', conflictOf: packet0.id, keptBecause: 'bundle-copy' }]);
    expect(revived.conflicts.map((c) => c.kind)).toEqual(['frozen-here']);
  });

  it('imports a framework version the committee lacks and never overwrites one it has', () => {
    const framework = content.frameworks[0]!;
    const theirs = { ...framework, name: 'Edited elsewhere', updatedAt: LATER };
    const plan = planMerge({ ...content, frameworks: [theirs] }, alreadyImported());
    expect(plan.add.frameworks).toEqual([]);
    expect(plan.update.frameworks).toEqual([]);
    expect(plan.unchanged.frameworks).toBe(1);
    expect(plan.frameworksImported).toEqual([]);

    const unfrozen = { ...framework, frozen: false };
    const missing = planMerge({ ...content, frameworks: [unfrozen] }, existingFromRows({ candidates: content.candidates }));
    // The imported cycle pins it, so it arrives frozen.
    expect(missing.add.frameworks).toEqual([{ ...unfrozen, frozen: true }]);
    expect(missing.frameworksImported.map((f) => f.id)).toEqual([framework.id]);
  });

  it('notes when the stored cycle pins another framework version', () => {
    const existing = stored({ cycles: [{ ...content.cycle, frameworkVersionId: 'other-version' }] });
    const plan = planMerge(content, existing);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]).toMatch(/pins "other-version" and keeps it/);
    expect(plan.update.cycles).toEqual([]);
  });

  it('accepts lookup functions and survives a loop in stored parent links', () => {
    const a: Packet = { ...packet0, id: 'loop-a', parentId: 'loop-b' };
    const b: Packet = { ...packet0, id: 'loop-b', parentId: 'loop-a' };
    const rows = stored({ packets: [a, b] });
    const existing: ExistingRows = {
      frameworks: (id) => (rows.frameworks as Map<string, BundleContent['frameworks'][number]>).get(id),
      cycles: (id) => (rows.cycles as Map<string, BundleContent['cycle']>).get(id),
      candidates: (id) => (rows.candidates as Map<string, Candidate>).get(id),
      evidence: () => undefined,
      packets: (id) => (rows.packets as Map<string, Packet>).get(id),
      packetsByCandidate: (candidateId) => [a, b].filter((p) => p.candidateId === candidateId),
    };
    const plan = planMerge(content, existing);
    expect(plan.conflicts.map((c) => c.existingPacketId)).toEqual(['loop-a', 'loop-b']);
    expect(plan.add.evidence).toHaveLength(content.evidence.length);
  });

  it('is deterministic, and applyPlanRows lists each row once per table', () => {
    const rev2 = revisionOf(packet0, 'p0-rev2');
    const incoming = { ...content, packets: [rev2, ...content.packets] };
    const first = planMerge(incoming, alreadyImported(), { now: NOW });
    expect(planMerge(incoming, alreadyImported(), { now: NOW })).toEqual(first);
    const rows = applyPlanRows(first);
    expect(rows.packets.map((p) => [p.id, p.status])).toEqual([
      ['p0-rev2', 'submitted'],
      [packet0.id, 'superseded'],
    ]);
    for (const table of ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'] as const) {
      expect(new Set(rows[table].map((r) => r.id)).size).toBe(rows[table].length);
    }
  });

  it('names the rows a renderer must read before planning', () => {
    const ids = idsToLoad(content);
    expect(ids.cycles).toEqual([content.cycle.id]);
    expect(ids.packetCandidates).toEqual(content.candidates.map((c) => c.id));
    expect(ids.evidence).toHaveLength(content.evidence.length);
  });
});

/**
 * The defect from issue 9: revision 1 was submitted and reopened; the draft
 * of revision 2 travelled to the committee machine. The manager then
 * submitted revision 2 on the laptop while the draft was edited here (later,
 * by the clock). Importing the laptop's bundle must not drop the submission.
 */
describe('a submission meets a draft of the same revision', () => {
  const SUBMITTED_1 = '2026-10-01T09:00:00.000Z';
  const DRAFTED = '2026-10-02T09:00:00.000Z';
  const SUBMITTED_2 = '2026-10-05T12:00:00.000Z';
  const EDITED_HERE = '2026-10-06T15:00:00.000Z';
  const c01 = 'ic0m3-ic2-c01';
  const c03 = 'ic0m3-ic2-c03';
  const rev1: Packet = { ...packet0, status: 'superseded', submittedAt: SUBMITTED_1 };
  /** Revision 2 as reopening made it: revision 1's content. */
  const draft2: Packet = { ...packet0, id: 'p0-rev2', revision: 2, parentId: rev1.id, status: 'draft', submittedAt: null, createdAt: DRAFTED, updatedAt: DRAFTED };
  const submitted2: Packet = {
    ...draft2,
    status: 'submitted',
    summary: 'Final summary from the manager',
    assessments: { ...draft2.assessments, [c01]: { rating: 'consistently', note: '' } },
    submittedAt: SUBMITTED_2,
    updatedAt: SUBMITTED_2,
  };
  const editedHere: Packet = {
    ...draft2,
    notYetDoing: 'Committee asked for more on design reviews',
    assessments: { ...draft2.assessments, [c03]: { rating: 'partially', note: '' } },
    updatedAt: EDITED_HERE,
  };
  const others = content.packets.slice(1);
  const bundle: BundleContent = { ...content, packets: [rev1, submitted2, ...others] };
  const rowsWith = (...packets: Packet[]) => ({ frameworks: content.frameworks, cycles: [content.cycle], candidates: content.candidates, evidence: content.evidence, packets: [...packets, ...others] });
  /** The stored packets after writing `rows` over `before`, as the import's bulkPut does. */
  const afterApply = (before: Packet[], rows: MergeRows) => [...new Map([...before, ...others, ...rows.packets].map((p) => [p.id, p])).values()];
  const ofCandidate = (packets: Packet[]) => packets.filter((p) => p.candidateId === cand0.id);

  it('keeps the submission as the current packet and the edits made here as a labelled copy, and lists what each side changed', () => {
    expect(packet0.assessments[c01]?.rating).toBe('partially');
    expect(packet0.assessments[c03]?.rating).toBe('not-yet');
    const plan = planMerge(bundle, existingFromRows(rowsWith(rev1, editedHere)), { now: NOW });

    const keptId = keptEditsId('p0-rev2', editedHere);
    const kept: Packet = { ...editedHere, id: keptId, status: 'superseded', submittedAt: null, conflictOf: 'p0-rev2', updatedAt: NOW };
    expect(plan.update.packets).toEqual([submitted2]);
    expect(plan.add.packets).toEqual([kept]);
    expect(plan.conflicts).toEqual([
      {
        kind: 'submitted-elsewhere',
        candidateId: cand0.id,
        candidateName: cand0.name,
        existingPacketId: 'p0-rev2',
        existingRevision: 2,
        incomingPacketId: 'p0-rev2',
        incomingRevision: 2,
        baseRevision: 1,
        changedHere: ['Not submitted (a draft).', '"Not yet doing" written: "Committee asked for more on design reviews".', '"Works directly with design, product and engineers on other …": not yet → partially.'],
        changedInBundle: ['Submitted on 2026-10-05.', expect.stringMatching(/^Summary rewritten: "Final summary from the manager" \(was ".+"\)\.$/), '"Turns a problem statement into their own design, covering e…": partially → consistently.'],
        keptPacketId: keptId,
        reason:
          'Revision 2 was submitted on the other machine while it was still being edited here. The submission becomes the current packet; the edits made here are kept in the packet history as unsent edits, to carry on from when the packet is reopened.',
      },
    ]);
    expect(plan.summary).toEqual([
      '1 packet conflicts; both versions are kept (listed below).',
      `${cand0.name}: ${plan.conflicts[0]!.reason}`,
      `Leaves 1 framework version, 1 cycle, 3 candidates, ${content.evidence.length} evidence items, 3 packet revisions unchanged (this database has the same or newer).`,
      // The sample's third candidate has only a draft.
      '1 candidate’s packet in the bundle is a draft, not submitted: a new session takes submitted packets only, unless its chair also includes those not submitted yet, and the committee then reviews work in progress. For a review of the case as the manager stands by it, ask the manager to submit and send it.',
    ]);
    expect(others.filter((p) => p.status === 'draft').map((p) => p.candidateId)).toHaveLength(1);

    // Both rows survive the write, and the committee's current packet is the submission.
    const after = afterApply([rev1, editedHere], applyPlanRows(plan));
    const mine = ofCandidate(after);
    expect(mine.map((p) => [p.id, p.status])).toEqual([
      [rev1.id, 'superseded'],
      ['p0-rev2', 'submitted'],
      [keptId, 'superseded'],
    ]);
    expect(currentPacket(mine)).toEqual(submitted2);
    expect(mine.find((p) => p.id === keptId)!.notYetDoing).toBe('Committee asked for more on design reviews');

    // Importing the same bundle again changes nothing.
    const again = planMerge(bundle, existingFromRows({ ...rowsWith(), packets: after }), { now: NOW });
    expect(planHasChanges(again)).toBe(false);
    expect(again.conflicts).toEqual([]);
    expect(again.summary[0]).toBe('Nothing to import: this database already has everything in the bundle.');
  });

  it('lets the submission simply replace a draft not changed since revision 1', () => {
    const touched: Packet = { ...draft2, updatedAt: EDITED_HERE };
    const plan = planMerge(bundle, existingFromRows(rowsWith(rev1, touched)), { now: NOW });
    expect(plan.update.packets).toEqual([submitted2]);
    expect(plan.add.packets).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.summary[0]).toBe('Updates 1 packet revision with newer copies from the bundle.');
    expect(currentPacket(ofCandidate(afterApply([rev1, touched], applyPlanRows(plan))))).toEqual(submitted2);
  });

  it('lets the submission replace a draft whose edits it already carries', () => {
    const sameSummary: Packet = { ...draft2, summary: submitted2.summary, updatedAt: EDITED_HERE };
    const plan = planMerge(bundle, existingFromRows(rowsWith(rev1, sameSummary)));
    expect(plan.update.packets).toEqual([submitted2]);
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps a submission made here and sets aside the other machine\'s later draft edits', () => {
    const theirEdits: Packet = { ...editedHere, updatedAt: '2026-10-07T10:00:00.000Z' };
    const existing = rowsWith(rev1, submitted2);
    const plan = planMerge({ ...bundle, packets: [rev1, theirEdits, ...others] }, existingFromRows(existing), { now: NOW });
    const keptId = keptEditsId('p0-rev2', theirEdits);
    expect(plan.update.packets).toEqual([]);
    expect(plan.add.packets).toEqual([{ ...theirEdits, id: keptId, status: 'superseded', submittedAt: null, conflictOf: 'p0-rev2', updatedAt: NOW }]);
    expect(plan.conflicts.map((c) => [c.kind, c.keptPacketId, c.changedHere[0], c.changedInBundle[0]])).toEqual([['submitted-here', keptId, 'Submitted on 2026-10-05.', 'Not submitted (a draft).']]);
    const after = afterApply([rev1, submitted2], applyPlanRows(plan));
    expect(currentPacket(ofCandidate(after))).toEqual(submitted2);
    expect(planHasChanges(planMerge({ ...bundle, packets: [rev1, theirEdits, ...others] }, existingFromRows({ ...existing, packets: after })))).toBe(false);
  });

  it('names the copy of the same edits the same way on every machine, and different edits differently', () => {
    expect(keptEditsId('p0-rev2', editedHere)).toBe(keptEditsId('p0-rev2', { ...editedHere, updatedAt: NOW }));
    expect(keptEditsId('p0-rev2', editedHere)).not.toBe(keptEditsId('p0-rev2', { ...editedHere, notYetDoing: 'Something else' }));
  });
});

describe('framework version numbers from a bundle', () => {
  const framework = content.frameworks[0]!;
  const elsewhere = (id: string, version: number) => ({ ...framework, id, version, frozen: false });

  it('keep their own number when the lineage here does not have it', () => {
    const plan = planMerge({ ...content, frameworks: [framework, elsewhere('theirs-v2', 2)] }, stored());
    expect(plan.add.frameworks.map((f) => [f.id, f.version])).toEqual([['theirs-v2', 2]]);
    expect(plan.notes).toEqual([]);
  });

  it('move past the highest here when the number is taken, by this database or earlier in the same bundle', () => {
    const here = stored({ frameworks: [framework, elsewhere('ours-v2', 2), elsewhere('ours-v4', 4)] });
    const plan = planMerge({ ...content, frameworks: [elsewhere('theirs-v2', 2), elsewhere('theirs-v3', 3), elsewhere('again-v3', 3)] }, here);
    expect(plan.add.frameworks.map((f) => [f.id, f.version])).toEqual([['theirs-v2', 5], ['theirs-v3', 3], ['again-v3', 6]]);
    expect(plan.frameworksImported.map((f) => f.version)).toEqual([5, 3, 6]);
    expect(plan.notes.filter((n) => /made on another machine/.test(n))).toHaveLength(2);
    expect(plan.summary.join('\n')).toMatch(/Imports framework "[^"]+" version 5/);
  });
});
