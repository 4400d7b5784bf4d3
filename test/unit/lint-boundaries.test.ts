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

  it('renderer/ may import dexie, react and shared/', async () => {
    expect(await restricted('renderer/features/probe.ts', "import Dexie from 'dexie';\nimport { useState } from 'react';\nimport { newId } from '../../shared/domain/ids';\nexport const a = [Dexie, useState, newId];")).toBe(false);
  });

  it('electron/ refuses renderer/ and may import node and shared/', async () => {
    expect(await restricted('electron/probe.ts', "import { db } from '../renderer/db/database';\nexport const a = db;")).toBe(true);
    expect(await restricted('electron/probe.ts', "import { app } from 'electron';\nimport path from 'node:path';\nimport { IPC_CHANNELS } from '../shared/ipc/channels';\nexport const a = [app, path, IPC_CHANNELS];")).toBe(false);
  });
});
