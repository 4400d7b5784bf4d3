/**
 * The layer rules are enforced by ESLint; this proves the rules fire (and do
 * not fire on allowed imports) by linting snippets as if they lived in each
 * folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals');
}

describe('import boundaries', () => {
  it.each([
    ["import { app } from 'electron';", 'electron'],
    ["import Dexie from 'dexie';", 'dexie'],
    ["import { useState } from 'react';", 'react'],
    ["import { createRoot } from 'react-dom/client';", 'react-dom'],
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import path from 'path';", 'path'],
    ["import { db } from '../../renderer/db/database';", 'renderer/'],
    ["export const x = window.location.href;", 'window'],
  ])('shared/ refuses %s', async (source) => {
    expect(await restricted('shared/domain/probe.ts', source)).toBe(true);
  });

  it('shared/ may import zod and its own modules', async () => {
    expect(await restricted('shared/domain/probe.ts', "import { z } from 'zod';\nimport { addDays } from '../util/dates';\nexport const a = [z, addDays];")).toBe(false);
  });

  it.each([
    ["import { ipcRenderer } from 'electron';"],
    ["import { readFile } from 'node:fs/promises';"],
    ["import os from 'os';"],
    ["import { hardenWebContents } from '../../electron/window-security';"],
  ])('renderer/ refuses %s', async (source) => {
    expect(await restricted('renderer/features/probe.ts', source)).toBe(true);
  });

  it('renderer/ may import react, shared/ and the commands, hooks and queries of renderer/db', async () => {
    expect(
      await restricted(
        'renderer/features/probe.ts',
        "import { useState } from 'react';\nimport { newId } from '../../shared/domain/ids';\nimport { commands } from '../db/commands';\nimport { useFramework } from '../db/framework-hooks';\nimport { queries } from '../db/queries';\nexport const a = [useState, newId, commands, useFramework, queries];",
      ),
    ).toBe(false);
  });

  // React.lazy suspends, and React holds back what a Suspense boundary reveals for up to 300 ms (renderer/components/lazy-code.tsx).
  it.each(['renderer/features/probe.tsx', 'renderer/db/probe.ts', 'renderer/app/probe.tsx'])('%s refuses React.lazy and may load code through lazyCode', async (filePath) => {
    expect(await restricted(filePath, "import { lazy } from 'react';\nexport const A = lazy(() => import('./a'));")).toBe(true);
    expect(await restricted(filePath, "import { useState } from 'react';\nimport { lazyCode } from '../components/lazy-code';\nexport const a = [useState, lazyCode];")).toBe(false);
  });

  it('electron/ refuses renderer/ and may import node and shared/', async () => {
    expect(await restricted('electron/probe.ts', "import { db } from '../renderer/db/database';\nexport const a = db;")).toBe(true);
    expect(await restricted('electron/probe.ts', "import { app } from 'electron';\nimport path from 'node:path';\nimport { IPC_CHANNELS } from '../shared/ipc/channels';\nexport const a = [app, path, IPC_CHANNELS];")).toBe(false);
  });
});

/** The messages of one rule for a snippet linted as if it lived at filePath. */
async function hits(filePath: string, source: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

describe('only renderer/db touches the database', () => {
  it.each([
    ['renderer/features/probe.ts', "import { db } from '../db/database';\nexport const a = db;"],
    ['renderer/features/frameworks/probe.tsx', "import { db } from '../../db/database';\nexport const a = db;"],
    ['renderer/features/probe.ts', "import Dexie from 'dexie';\nexport const a = Dexie;"],
    ['renderer/features/probe.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const a = useLiveQuery;"],
    ['renderer/app/probe.ts', "import { db } from '../db/database';\nexport const a = db;"],
    ['renderer/components/probe.ts', "import { liveQuery } from 'dexie';\nexport const a = liveQuery;"],
    ['renderer/state/probe.ts', "import { db } from '../db/database';\nexport const a = db;"],
    ['renderer/platform/probe.ts', "import { db } from '../db/database';\nexport const a = db;"],
  ])('%s refuses %s, saying to use hooks and commands', async (filePath, source) => {
    const messages = await hits(filePath, source, 'no-restricted-imports');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('commands.<name>(...)');
    expect(messages[0]).toContain('hook in renderer/db');
  });

  it('renderer/db may import Dexie, its hooks and the database', async () => {
    const source = "import Dexie from 'dexie';\nimport { useLiveQuery } from 'dexie-react-hooks';\nimport { db } from './database';\nexport const a = [Dexie, useLiveQuery, db];";
    expect(await hits('renderer/db/probe.ts', source, 'no-restricted-imports')).toEqual([]);
  });
});

describe('only the write path writes tables', () => {
  const wrap = (body: string) => `import type { LevelsetDatabase } from './database';\nexport async function probe(db: LevelsetDatabase, ctx: { put(t: string, r: unknown): Promise<unknown>; delete(t: string, id: string): Promise<void> }) {\n${body}\n}`;

  it.each([
    ['await db.evidence.put({ id: "e1" } as never);'],
    ['await db.evidence.bulkAdd([]);'],
    ['await db.packets.update("p1", { summary: "" });'],
    ['await db.evidence.where("candidateId").equals("c1").delete();'],
    ['await db.votes.where("sessionId").equals("s1").modify({ value: null });'],
    ['await db.coverage.clear();'],
    ['await db.transaction("rw", db.evidence, async () => undefined);'],
  ])('a renderer/db module outside write/ refuses %s, saying to use a command', async (body) => {
    const messages = await hits('renderer/db/evidence-probe.ts', wrap(body), 'no-restricted-syntax');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('runCommand');
    expect(messages[0]).toContain('commandRegistry');
  });

  it('a view refuses a table write too', async () => {
    expect(await hits('renderer/features/probe.ts', wrap('await db.meta.put({ key: "k", value: 1 });'), 'no-restricted-syntax')).toHaveLength(1);
  });

  it('allows writes through ctx, reads and read-only transactions', async () => {
    const body = [
      'await ctx.put("evidence", await db.evidence.get("e1"));',
      'await ctx.delete("evidence", "e1");',
      'await db.transaction("r", db.evidence, () => db.evidence.where("candidateId").equals("c1").toArray());',
      'const seen = new Set<string>(); seen.add("x"); seen.delete("x");',
    ].join('\n');
    expect(await hits('renderer/db/evidence-probe.ts', wrap(body), 'no-restricted-syntax')).toEqual([]);
  });

  it('the write path itself may write tables directly', async () => {
    expect(await hits('renderer/db/write/probe.ts', wrap('await db.meta.put({ key: "k", value: 1 });'), 'no-restricted-syntax')).toEqual([]);
  });
});

describe('one wording for errors', () => {
  async function syntaxMessages(filePath: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  }
  const helpers = "import { couldNot, errorMessage } from '../../shared/util/error-message';\n";

  it.each(['renderer/features/probe.ts', 'renderer/db/write/probe.ts', 'shared/exchange/probe.ts', 'electron/probe.ts'])('%s refuses a hand-written "Could not …: reason" and a copy of errorMessage', async (filePath) => {
    const copy = await syntaxMessages(filePath, `${helpers}export const a = (e: unknown) => (e instanceof Error ? e.message : String(e));`);
    expect(copy.some((m) => m.includes('errorMessage(e)'))).toBe(true);
    const sentence = await syntaxMessages(filePath, `${helpers}export const b = (e: unknown) => \`Could not save the change: \${errorMessage(e)}\`;`);
    expect(sentence.some((m) => m.includes('couldNot('))).toBe(true);
    const stop = await syntaxMessages(filePath, `${helpers}export const s = (e: unknown) => \`\${errorMessage(e)}. Nothing was imported.\`;`);
    expect(stop.some((m) => m.includes('failureSentence('))).toBe(true);
  });

  it('lets a view say a failure through couldNot, or a sentence that only mentions "Could not"', async () => {
    expect(await syntaxMessages('renderer/features/probe.ts', `${helpers}export const c = (e: unknown) => couldNot('save the change', e, 'Nothing was saved.');`)).toEqual([]);
    expect(await syntaxMessages('renderer/features/probe.ts', `${helpers}export const d = (n: number) => \`Could not reach \${n} members.\`;`)).toEqual([]);
    expect(await syntaxMessages('renderer/features/probe.ts', `${helpers}export const f = (e: unknown) => \`\${errorMessage(e)} (3.5 MB)\`;`)).toEqual([]);
  });
});
