import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it, expect } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { exportFrameworkJson } from '../../../shared/frameworks/json-format';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'scripts/framework-cli.mjs');
const FIXTURES = join(ROOT, 'test/fixtures/frameworks');
const scratch = mkdtempSync(join(tmpdir(), 'levelset-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// Each run bundles the parser with esbuild first, so allow a few seconds.
const SLOW = 30_000;

describe('framework-cli check', () => {
  it(
    'prints a JSON summary of a valid progression-framework file and exits 0',
    async () => {
      const { code, stdout } = await run('check', join(FIXTURES, 'monzo-backend.md'));
      expect(code).toBe(0);
      const summary = JSON.parse(stdout);
      expect(summary.name).toBe('Backend Engineering Framework');
      expect(summary.format).toBe('progression-markdown');
      expect(summary.tracks).toEqual(['Backend']);
      expect(summary.competencies).toEqual(['Communication', 'Impact', 'Leadership', 'Influence', 'Mastery']);
      expect(summary.levels).toHaveLength(6);
      expect(Object.keys(summary.levels[0]).sort()).toEqual(['code', 'criteria', 'title', 'track']);
      expect(summary.levels[0]).toMatchObject({ code: 'L1', title: 'Level 1', track: 'Backend' });
      expect(summary.levels.reduce((n: number, l: { criteria: number }) => n + l.criteria, 0)).toBe(summary.criteriaCount);
    },
    SLOW,
  );

  it(
    'checks Levelset JSON too',
    async () => {
      const file = join(scratch, 'ic0-m3.json');
      writeFileSync(file, exportFrameworkJson(materializeBuiltIn(ic0M3Levels, '2025-01-01T00:00:00.000Z'), '2025-01-01T00:00:00.000Z'));
      const { code, stdout } = await run('check', file);
      expect(code).toBe(0);
      const summary = JSON.parse(stdout);
      expect(summary.format).toBe('levelset-json');
      expect(summary.levels.map((l: { code: string }) => l.code)).toEqual(['IC0', 'IC1', 'IC2', 'IC3', 'IC4', 'M1', 'M2', 'M3']);
      expect(summary.levels[5].track).toBe('Manager');
    },
    SLOW,
  );

  it(
    'reports malformed YAML with its line on stderr and exits 1',
    async () => {
      const { code, stdout, stderr } = await run('check', join(FIXTURES, 'malformed-yaml.md'));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^malformed-yaml\.md:10: Malformed YAML/m);
    },
    SLOW,
  );

  it(
    'names the field of a structural error and exits 1',
    async () => {
      const { code, stderr } = await run('check', join(FIXTURES, 'level-not-a-number.md'));
      expect(code).toBe(1);
      expect(stderr).toMatch(/^level-not-a-number\.md:10: topics\[0\]\.content\[1\]\.level: expected a level number, got "two"/m);
    },
    SLOW,
  );

  it(
    'lists vague and tenure criteria as findings',
    async () => {
      const file = join(scratch, 'vague.md');
      writeFileSync(
        file,
        ['---', 'title: Vague', 'levels: 2', 'topics:', '  - name: impact', '    content:', '      - level: 2', '        criteria:', '          - "Demonstrates leadership potential"', '          - "5 years at level"', '---', ''].join('\n'),
      );
      const { code, stdout } = await run('check', file);
      expect(code).toBe(0);
      const summary = JSON.parse(stdout);
      expect(summary.findings.map((f: { kind: string; level: string }) => [f.kind, f.level])).toEqual([
        ['vague', 'L2'],
        ['tenure', 'L2'],
      ]);
      expect(summary.warnings[0].message).toMatch(/Level 1 has no criteria/);
    },
    SLOW,
  );

  it('exits 2 with usage for a missing file or wrong usage', async () => {
    const [missing, none, unknown, extra] = await Promise.all([
      run('check', join(scratch, 'does-not-exist.md')),
      run(),
      run('lint', 'x.md'),
      run('check', 'a.md', 'b.md'),
    ]);
    for (const r of [missing, none, unknown, extra]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: node scripts/framework-cli.mjs check <file>');
    }
    expect(missing.stderr).toMatch(/no such file/);
  });
});
