// @vitest-environment jsdom
/**
 * What changed between two framework versions, in words a reader knows. A trial renamed a competency and found no
 * word of it, and read a level moved up as "order: 2 → 1" for the third level.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { addFrameworkVersion } from '../../../renderer/db/framework-versions';
import { VersionDiffView } from '../../../renderer/features/frameworks/version-diff-view';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { nextVersion } from '../../../shared/frameworks/versions';

const AT = '2026-11-20T10:00:00.000Z';
const v1 = materializeBuiltIn(ic0M3Levels, AT);
const [first, second] = v1.competencies;
const level = v1.levels.find((l) => l.order === 2)!;
const criterion = v1.criteria.find((c) => c.competencyId === first!.id)!;
const v2 = nextVersion(v1, AT, 'diff-v2');
v2.name = `${v1.name} (revised)`;
v2.competencies = v2.competencies.map((c) => (c.id === first!.id ? { ...c, name: 'Collaboration & communication' } : c));
v2.levels = v2.levels.map((l) => (l.id === level.id ? { ...l, order: 1 } : l.trackId === level.trackId && l.order === 1 ? { ...l, order: 2 } : l));
v2.criteria = v2.criteria.map((c) => (c.id === criterion.id ? { ...c, competencyId: second!.id } : c));

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.frameworks.add(v1);
  await addFrameworkVersion(db, v2);
});
afterEach(() => cleanup());

describe('the version diff', () => {
  it('names the framework’s own changes, competencies, a level’s place counted from 1, and competencies by name', async () => {
    render(<VersionDiffView id={v1.id} otherId={v2.id} />);
    const framework = await screen.findByRole('region', { name: 'The framework' });
    expect(framework.textContent).toContain(`name: ${v1.name} → ${v2.name}`);
    const competencies = screen.getByRole('region', { name: 'Competencies' });
    expect(within(competencies).getByText('Changed competency').parentElement?.textContent).toContain(`name: ${first!.name} → Collaboration & communication`);
    const levels = screen.getByRole('region', { name: 'Levels' });
    // The third level on its track (order 2) moved to second place.
    expect(levels.textContent).toContain('place on its track: 3 → 2');
    expect(levels.textContent).not.toMatch(/order:/);
    const criteria = screen.getByRole('region', { name: 'Criteria' });
    expect(criteria.textContent).toContain(`competency: ${first!.name} → ${second!.name}`);
  });
});
