/**
 * The start-up work (db/startup.ts) stores the built-in frameworks only when
 * one is missing: on every later start it reads the stored keys and
 * validates nothing (issue 13: it validated all four built-in frameworks
 * with zod and opened a write transaction over every table on each start,
 * while the first page was loading).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { builtInFrameworks } from '../../../shared/frameworks/builtin';
import * as materialize from '../../../shared/frameworks/materialize';
import { db } from '../../../renderer/db/database';
import { prepareDatabase } from '../../../renderer/db/startup';

vi.mock('../../../shared/frameworks/materialize', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../shared/frameworks/materialize')>();
  return { ...original, materializeBuiltIn: vi.fn(original.materializeBuiltIn) };
});

beforeAll(async () => {
  await db.delete();
  await db.open();
});

describe('prepareDatabase and the built-in frameworks', () => {
  it('stores every built-in framework on first start', async () => {
    await prepareDatabase(() => undefined);
    const stored = new Set(await db.frameworks.toCollection().primaryKeys());
    for (const definition of builtInFrameworks) expect(stored.has(definition.id), definition.name).toBe(true);
    expect(vi.mocked(materialize.materializeBuiltIn)).toHaveBeenCalledTimes(builtInFrameworks.length);
  });

  it('validates and writes nothing on a later start, when all are stored', async () => {
    vi.mocked(materialize.materializeBuiltIn).mockClear();
    const entries = await db.audit.count();
    await prepareDatabase(() => undefined);
    expect(vi.mocked(materialize.materializeBuiltIn)).not.toHaveBeenCalled();
    expect(await db.audit.count()).toBe(entries);
  });

  it('stores a built-in framework that went missing, and only that one', async () => {
    const gone = builtInFrameworks[1]!;
    await db.frameworks.delete(gone.id);
    vi.mocked(materialize.materializeBuiltIn).mockClear();
    await prepareDatabase(() => undefined);
    expect(vi.mocked(materialize.materializeBuiltIn)).toHaveBeenCalledTimes(1);
    expect(await db.frameworks.get(gone.id)).toBeDefined();
  });
});
