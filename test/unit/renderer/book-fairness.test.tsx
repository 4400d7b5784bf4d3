// @vitest-environment jsdom
/**
 * The decision book's fairness page says what the screen says: the same
 * model (session scope), every group's figures with intervals, p-values and
 * statuses, the rules and the caveat; blind books name groups by pseudonym
 * in the sentences too.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fairnessReport } from '../../../shared/calibration/fairness';
import { nominationReport } from '../../../shared/calibration/nomination';
import { trackFairness } from '../../../shared/calibration/track-fairness';
import { currentPacketByCandidate } from '../../../shared/rules/current-packet';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import type { Decision } from '../../../shared/domain';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { BookFairness } from '../../../renderer/features/export/book-fairness';

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 60 });
const base = sample.sessions.find((s) => !s.record)!;
// Decide every candidate of the planned session: women 2 of 3 not promoted, men 2 of 3 promoted, so the figures are not all hidden (women's are shown).
const decisions: Decision[] = base.candidateIds.map((candidateId, i) => {
  const c = sample.candidates.find((x) => x.id === candidateId)!;
  const promote = c.groups.gender === 'Woman' ? i % 3 === 0 : i % 3 !== 0;
  return { ...sample.decisions[0]!, id: `d-${i}`, sessionId: base.id, candidateId, outcome: promote ? 'promote' : 'not-yet', newLevelId: promote ? c.targetLevelId : null, decidedAt: AT, updatedAt: AT };
});
// The cycle as the nomination section reads it: only 3 non-binary candidates are kept, so that group is hidden (fewer than 5).
const nonBinary = sample.candidates.filter((c) => c.groups.gender === 'Non-binary').slice(3).map((c) => c.id);
const cycleCandidates = sample.candidates.filter((c) => !nonBinary.includes(c.id) || base.candidateIds.includes(c.id));
const names: BlindNames = { salt: 's', candidate: (id) => id, manager: (n) => n, team: (n) => n, group: (_a, v) => `Group ${v.length}` };

/** The book of the session finalized (the figures are printed only then), or still open. */
function book(blind: boolean, status: 'finalized' | 'live' = 'finalized') {
  return buildDecisionBook({
    ...sample,
    session: { ...base, blind, status, finalizedAt: status === 'finalized' ? AT : null },
    decisions,
    coverage: [],
    names,
    printedAt: AT,
    cycleCandidates,
    cyclePackets: sample.packets,
  });
}

afterEach(cleanup);

describe('the decision book’s fairness page', () => {
  it('is the fairness view’s session model, and prints every figure, status and sentence of it', () => {
    const b = book(false);
    const candidates = sample.candidates.filter((c) => base.candidateIds.includes(c.id));
    const screenModel = fairnessReport({ candidates, decisions, coverage: [] });
    expect(b.fairness).toEqual(screenModel.attributes);
    expect(b.fairnessRules).toEqual(screenModel.rules);
    const shown = b.fairness.flatMap((a) => a.promotion.groups).filter((g) => g.counts !== null && g.rate !== null);
    // Every group of this session is under 5 or has a cell under 3, or protects one: women (3 of 10 promoted)
    // are hidden too, since with the session's totals the two hidden gender groups' counts could be worked out.
    expect(shown.map((g) => g.group)).toEqual([]);
    expect(b.fairness.find((a) => a.attribute === 'gender')!.promotion.groups.find((g) => g.group === 'Woman')).toMatchObject({ suppressedReason: 'complementary' });
    expect(b.fairness.flatMap((a) => a.promotion.groups).some((g) => g.suppressedReason === 'small-cell')).toBe(true);

    const { container } = render(<BookFairness book={b} />);
    const text = container.textContent ?? '';
    for (const g of b.fairness.flatMap((a) => a.promotion.groups)) {
      expect(text).toContain(g.rule);
      if (g.status) expect(text).toContain(g.statusText);
      if (g.counts && g.rate !== null) expect(text).toContain(`${g.text.rate} (${g.text.rateInterval})`);
      if (g.counts === null) expect(text).toContain(`${g.hiddenLabel}: not shown`);
    }
    expect(text).toContain('not legal advice');
    // One promotion table per attribute, then the nomination tables and the track table.
    expect(within(container).getAllByRole('table').length).toBe(b.fairness.length + (b.nomination?.attributes.length ?? 0) + (b.tracks?.bands.length ? 1 : 0));
    expect(screen.queryByText(/NaN/)).toBeNull();
  });

  it('names groups by pseudonym in a blind book, sentences included', () => {
    const b = book(true);
    const real = new Set(sample.candidates.flatMap((c) => Object.values(c.groups)));
    for (const a of b.fairness) {
      for (const g of a.promotion.groups) {
        expect(g.group.startsWith('Group ') || g.group === 'Not given').toBe(true);
        for (const value of real) expect(g.rule.includes(`(${value})`) || g.rule.startsWith(`${value}:`)).toBe(false);
      }
    }
  });

  it('prints no fairness figures while the session is open, and says when they will be', () => {
    const b = book(false, 'live');
    expect(b.fairness).toEqual([]);
    const { container } = render(<BookFairness book={b} />);
    expect(container.textContent).toBe(b.fairnessWithheld);
    expect(container.textContent).toContain('printed once the session is finalized');
    expect(within(container).queryByRole('table')).toBeNull();
  });

  it('prints the nomination and track sections as the screen’s models give them, and nothing of a hidden group', () => {
    const b = book(false);
    const candidates = sample.candidates.filter((c) => base.candidateIds.includes(c.id));
    // The screen's inputs: the nomination section reads every candidate and packet of the cycle, the track section the session's rows.
    const nomination = nominationReport({ candidates: cycleCandidates, packets: sample.packets });
    const tracks = trackFairness({ candidates, decisions, framework: sample.framework });
    expect(b.nomination).toEqual(nomination);
    expect(b.tracks).toEqual(tracks);
    const groups = nomination.attributes.flatMap((a) => a.nomination.groups);
    expect(groups.some((g) => g.counts !== null && g.rate !== null)).toBe(true);
    expect(groups.some((g) => g.suppressed)).toBe(true);
    expect(tracks.bands.some((t) => t.ic.n > 0 && t.manager.n > 0)).toBe(true);

    const { container } = render(<BookFairness book={b} />);
    const text = container.textContent ?? '';
    expect(text).toContain(`${nomination.totals.putForward} of ${nomination.totals.candidates} candidates of the cycle put forward.`);
    expect(text).toContain(nomination.rules.nomination);
    const table = (caption: string) => within(container).getByText(caption, { selector: 'figcaption' }).closest('figure')!;
    for (const a of nomination.attributes) {
      const rows = [...table(`Put forward by ${a.attribute}`).querySelectorAll('tbody tr')];
      expect(rows.length).toBe(a.nomination.groups.length);
      a.nomination.groups.forEach((g, i) => {
        const cells = [...rows[i]!.querySelectorAll('td')].map((td) => td.textContent);
        if (g.counts === null) {
          // Only the label: no count, share, ratio or p of a hidden group, in the table or in its sentence.
          expect(cells).toEqual([g.group, `${g.hiddenLabel}: not shown`]);
          expect(g.rule).not.toMatch(/\d+(\.\d+)?%/);
        } else {
          expect(cells.slice(0, 3)).toEqual([g.group, `${g.counts.promoted} of ${g.counts.n}`, g.rate === null ? '—' : `${g.text.rate} (${g.text.rateInterval})`]);
        }
        expect(text).toContain(g.rule);
      });
      expect(text).toContain(a.nomination.omnibusNote);
    }
    // Hand count of the hidden groups' real figures: none of them is printed anywhere beside the group.
    const current = currentPacketByCandidate(sample.packets);
    for (const a of nomination.attributes) {
      for (const g of a.nomination.groups.filter((x) => x.suppressed)) {
        const members = cycleCandidates.filter((c) => !c.archived && (c.groups[a.attribute] ?? 'Not given') === g.group);
        const put = members.filter((c) => current.get(c.id)?.status === 'submitted').length;
        expect(text).not.toContain(`${g.group}${put} of ${members.length}`);
        expect(text).not.toContain(`${g.group}: ${put} put forward of ${members.length}`);
      }
    }

    const bands = [...table('Promotion rate by track and level band').querySelectorAll('tbody tr')];
    expect(bands.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent))).toEqual(tracks.bands.map((t) => [t.label, t.ic.text, t.manager.text]));
    // The last column is the flag, said for every band (it was an empty "Why" column: session 35's trial).
    expect([...table('Promotion rate by track and level band').querySelectorAll('thead th')].at(-1)!.textContent).toBe('Flag');
    const flags = bands.map((r) => [...r.querySelectorAll('td')].at(-1)!.textContent);
    expect(flags.every((f) => ['⚑ Differs beyond chance', 'No flag', 'Not tested'].includes(f ?? ''))).toBe(true);
    expect(flags.map((f) => f === '⚑ Differs beyond chance')).toEqual(tracks.bands.map((t) => t.significant));
    for (const t of tracks.bands) expect(text).toContain(t.rule);
    expect(text).toContain(tracks.rules);
  });

  it('prints neither section while the session is open, and no nomination for a blind session, as the screen', () => {
    const open = book(false, 'live');
    expect([open.nomination, open.tracks]).toEqual([null, null]);
    const { container } = render(<BookFairness book={open} />);
    expect(container.textContent).not.toContain('Put forward by managers');
    cleanup();
    const blind = book(true);
    expect(blind.nomination).toBeNull();
    expect(blind.tracks).not.toBeNull();
    render(<BookFairness book={blind} />);
    expect(screen.getByText(/Not printed while this session is blind/)).toBeTruthy();
  });
});
