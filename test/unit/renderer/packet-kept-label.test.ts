/**
 * The label on a copy a bundle import kept says why it was kept: draft edits
 * a submission beat, or a bundle's different copy of a revision that is
 * already submitted or superseded here (merge-plan's `frozen-here`).
 */
import { describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { existingFromRows, planMerge } from '../../../shared/exchange/merge-plan';
import type { BundleContent } from '../../../shared/exchange/bundle-format';
import { keptEditsLabel, lastEditedText } from '../../../renderer/features/packets/packet-history';
import { formatInstant } from '../../../renderer/components/dates';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const content: BundleContent = { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
const stored = (packets = content.packets) =>
  existingFromRows({ frameworks: content.frameworks, cycles: [content.cycle], candidates: content.candidates, evidence: content.evidence, packets });

describe('kept copy labels', () => {
  it('labels a bundle\'s different copy of a submitted revision as a copy that arrived in a bundle', () => {
    const submitted = content.packets.find((p) => p.status === 'submitted')!;
    const theirs = { ...submitted, summary: 'Another text under the same submitted revision.' };
    const plan = planMerge({ ...content, packets: content.packets.map((p) => (p.id === submitted.id ? theirs : p)) }, stored());
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['frozen-here']);
    const label = keptEditsLabel(plan.add.packets[0]!);
    expect(label).toMatch(new RegExp(`^A different copy of revision ${submitted.revision} arrived in a bundle and was kept beside it\\.`));
    expect(label).not.toMatch(/submitted while they were being made/);
  });

  it('labels draft edits a submission beat as unsent edits', () => {
    const submitted = content.packets.find((p) => p.status === 'submitted')!;
    const draftHere = { ...submitted, status: 'draft' as const, submittedAt: null, snapshot: null, summary: 'Edited here meanwhile.' };
    const plan = planMerge(content, stored(content.packets.map((p) => (p.id === submitted.id ? draftHere : p))));
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['submitted-elsewhere']);
    expect(keptEditsLabel(plan.add.packets[0]!)).toMatch(/^Unsent edits to revision \d+, kept by a bundle import because that revision was submitted while they were being made\./);
  });

  it('gives no label to an ordinary revision', () => {
    expect(keptEditsLabel(content.packets[0]!)).toBeNull();
  });
});

describe('a revision’s last edit in the revisions list', () => {
  const submitted = content.packets.find((p) => p.status === 'submitted')!;
  it('is its submission once submitted, also after a reopen marks it superseded (whose time is the reopen’s)', () => {
    const superseded = { ...submitted, status: 'superseded' as const, updatedAt: '2026-12-04T09:00:00.000Z' };
    expect(lastEditedText(superseded)).toBe('At submission');
    expect(lastEditedText(submitted)).toBe('At submission');
  });
  it('is its own time for a draft or a copy never submitted', () => {
    const draft = { ...submitted, status: 'draft' as const, submittedAt: null, updatedAt: '2026-12-04T09:00:00.000Z' };
    expect(lastEditedText(draft)).toBe(formatInstant('2026-12-04T09:00:00.000Z'));
    expect(lastEditedText({ ...draft, status: 'superseded' })).toBe(formatInstant('2026-12-04T09:00:00.000Z'));
  });
});
