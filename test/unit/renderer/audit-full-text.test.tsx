// @vitest-environment jsdom
/**
 * The session's audit table shortens free text to keep its rows short; what it shortened opens whole under "Full
 * text", so a changed decision's earlier rationale and a reopen's reason can be read months later (the table cut them
 * at 80 characters with no way to read the rest: found by a new-user trial as an HR auditor).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { longTexts } from '../../../renderer/features/calibration/session/audit-text';
import { AuditTable } from '../../../renderer/features/calibration/session/audit-view';
import type { SessionData } from '../../../renderer/features/calibration/use-session-data';

afterEach(() => cleanup());

const sample = generateSampleCycle(ic0M3Levels, { candidates: 60 });
const session = sample.sessions.find((s) => s.status === 'finalized')!;
const FIRST = 'The committee found the evidence sustained over three quarters: the checkout rewrite, the incident review and the mentoring of two new hires.';
const SECOND = 'After the reopen the committee read the incident review again and found the ownership was shared, not led; the case is not yet there.';
const REASON = 'HR asked the committee to look again at one decision whose evidence was questioned by the candidate’s skip-level manager.';

const entry = (seq: number, action: string, before: unknown, after: unknown): AuditEntry => ({
  id: `e${seq}`, deviceId: 'dev', seq, at: '2026-12-05T12:00:00.000Z', actor: 'Morgan Ellis (Chair)', entityType: 'decision', entityId: `${session.id}:${session.candidateIds[0]}`, action, before, after, prevHash: '', hash: `h${seq}`,
});

describe('the audit table’s full text', () => {
  it('finds the shortened text with where it sits', () => {
    expect(longTexts({ outcome: 'promote', rationale: FIRST, nextSteps: ['short', SECOND] })).toEqual([
      { field: 'rationale', text: FIRST },
      { field: 'next steps 2', text: SECOND },
    ]);
    expect(longTexts('short')).toEqual([]);
  });

  it('opens a change’s shortened before and after whole, and offers nothing for an entry with only short text', () => {
    const data = { session, framework: sample.framework } as unknown as SessionData;
    const names = { salt: '', candidate: (id: string) => id, manager: (n: string) => n, team: (n: string) => n, group: (_a: string, v: string) => v };
    render(
      <AuditTable
        entries={[entry(2, 'change decision', { outcome: 'promote', rationale: FIRST }, { outcome: 'not-yet', rationale: SECOND }), entry(1, 'reopen session', null, { reason: REASON }), entry(0, 'decide', null, { outcome: 'promote', rationale: 'Short.' })]}
        data={data}
        names={names}
        caption="Audit trail"
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Audit trail' })).getAllByRole('row').slice(1);
    const full = (row: HTMLElement) => [...row.querySelectorAll('details dd')].map((d) => [d.previousElementSibling?.textContent, d.textContent]);
    // Shortened in the row, whole under Full text.
    expect(rows[0]!.querySelector('.session-audit-change > span')!.textContent).toMatch(/^Outcome: Promote; Rationale: “The committee found .*…”$/);
    expect(rows[0]!.querySelector('details')!.open).toBe(false);
    expect(full(rows[0]!)).toEqual([
      ['Before, rationale', FIRST],
      ['After, rationale', SECOND],
    ]);
    expect(full(rows[1]!)).toEqual([['After, reason', REASON]]);
    expect(within(rows[2]!).queryByText('Full text')).toBeNull();
  });
});
