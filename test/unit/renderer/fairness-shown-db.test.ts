/**
 * The fairness view's mark is stored through the write path as a setting:
 * read back as written (only what the model reads of each decision, no
 * rationale), per session and scope, and with no audit entry (a view mark,
 * not a record).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { commandRegistry } from '../../../renderer/db/commands';
import { loadFairnessShown } from '../../../renderer/db/fairness-shown';

const AT = '2026-11-20T10:00:00.000Z';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('markFairnessShown', () => {
  it('stores which decisions were counted, per session and scope, without an audit entry', async () => {
    const decision = { id: 'd1', candidateId: 'c1', outcome: 'promote' as const, updatedAt: AT, decidedAt: AT, newLevelId: null, rationale: 'Private words.' };
    const trail = await db.audit.count();
    await commandRegistry.markFairnessShown(db, 's1', 'session', [decision], AT);
    expect(await loadFairnessShown(db, 's1', 'session')).toEqual({ takenAt: AT, decisions: [{ id: 'd1', candidateId: 'c1', outcome: 'promote', updatedAt: AT, decidedAt: AT, newLevelId: null }] });
    expect(await loadFairnessShown(db, 's1', 'cycle')).toBeNull();
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('Private words');
    expect(await db.audit.count()).toBe(trail);
  });
});
