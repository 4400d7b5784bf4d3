import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import { builtInFrameworks, ic0M3Levels } from '../../../shared/frameworks/builtin';
import type { FrameworkImportResult, ImportIssue } from '../../../shared/frameworks/import-result';
import { MAX_FRAMEWORK_FILE_BYTES } from '../../../shared/frameworks/import-result';
import {
  FRAMEWORK_FILE_FORMAT,
  FRAMEWORK_FILE_SCHEMA_VERSION,
  exportFrameworkJson,
  importFrameworkJson,
  jsonSyntaxErrorOffset,
} from '../../../shared/frameworks/json-format';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { validateFramework } from '../../../shared/frameworks/validate';
import { frameworkArb } from './framework-arbitrary';

const AT = '2025-01-01T00:00:00.000Z';
const EXPORTED = '2025-02-03T04:05:06.789Z';

function ok(result: FrameworkImportResult): { framework: Framework; warnings: ImportIssue[] } {
  if (!result.ok) throw new Error(`expected a framework, got errors:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}

function errorsOf(result: FrameworkImportResult): ImportIssue[] {
  if (result.ok) throw new Error('expected errors, got a framework');
  return result.errors;
}

const base = materializeBuiltIn(ic0M3Levels, AT);

/** The export of `base` after `edit` changes the parsed file. */
function fileWith(edit: (file: { format: unknown; schemaVersion: unknown; exportedAt: unknown; framework: Framework }) => void): string {
  const file = JSON.parse(exportFrameworkJson(base, EXPORTED));
  edit(file);
  return JSON.stringify(file, null, 2);
}

describe('framework JSON export', () => {
  it('writes the schema-versioned envelope, pretty-printed', () => {
    const text = exportFrameworkJson(base, EXPORTED);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual(['format', 'schemaVersion', 'exportedAt', 'framework']);
    expect(file.format).toBe(FRAMEWORK_FILE_FORMAT);
    expect(file.schemaVersion).toBe(FRAMEWORK_FILE_SCHEMA_VERSION);
    expect(file.exportedAt).toBe(EXPORTED);
    expect(text).toContain('\n  "framework": {\n    "id": ');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('uses a stable key order whatever order the object was built in', () => {
    const reversed = Object.fromEntries(Object.entries(base).reverse()) as Framework;
    reversed.levels = base.levels.map((l) => Object.fromEntries(Object.entries(l).reverse()) as Framework['levels'][number]);
    expect(exportFrameworkJson(reversed, EXPORTED)).toBe(exportFrameworkJson(base, EXPORTED));
    const framework = JSON.parse(exportFrameworkJson(reversed, EXPORTED)).framework;
    expect(Object.keys(framework).slice(0, 4)).toEqual(['id', 'lineageId', 'version', 'name']);
    expect(Object.keys(framework.levels[0]).slice(0, 4)).toEqual(['id', 'trackId', 'code', 'title']);
  });

  it('round-trips every built-in framework', () => {
    for (const definition of builtInFrameworks) {
      const framework = materializeBuiltIn(definition, AT, { frozen: true });
      const back = ok(importFrameworkJson(exportFrameworkJson(framework, EXPORTED))).framework;
      expect(back).toEqual(framework);
    }
  });

  it('round-trips arbitrary valid frameworks (property)', () => {
    fc.assert(
      fc.property(frameworkArb, (framework) => {
        expect(validateFramework(framework).filter((i) => i.severity === 'error')).toEqual([]);
        const text = exportFrameworkJson(framework, EXPORTED);
        const back = ok(importFrameworkJson(text)).framework;
        expect(back).toEqual(framework);
        expect(exportFrameworkJson(back, EXPORTED)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('framework JSON import errors', () => {
  it('refuses a file from a newer Levelset', () => {
    const errors = errorsOf(importFrameworkJson(fileWith((f) => (f.schemaVersion = FRAMEWORK_FILE_SCHEMA_VERSION + 1))));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('schemaVersion');
    expect(errors[0]?.message).toMatch(/made by a newer version of Levelset/);
  });

  it('refuses other JSON files, naming the format field', () => {
    expect(errorsOf(importFrameworkJson('{"name": "x"}'))[0]?.field).toBe('format');
    expect(errorsOf(importFrameworkJson(fileWith((f) => (f.format = 'something.else'))))[0]?.message).toMatch(/not a Levelset framework file/);
    expect(errorsOf(importFrameworkJson('[1, 2]'))[0]?.message).toMatch(/not a Levelset framework file/);
    expect(errorsOf(importFrameworkJson(fileWith((f) => (f.schemaVersion = 'one'))))[0]?.field).toBe('schemaVersion');
  });

  it('reports malformed JSON with its line', () => {
    const text = '{\n  "format": "levelset.framework",\n  "schemaVersion": 1,,\n  "framework": {}\n}\n';
    const errors = errorsOf(importFrameworkJson(text));
    expect(errors[0]?.line).toBe(3);
    // The issue list shows "Line 3: "; the message does not repeat it.
    expect(errors[0]?.message).toMatch(/^Not valid JSON: /);
    expect(errors[0]?.message).not.toMatch(/line 3/i);
    expect(errorsOf(importFrameworkJson('{\n  "a": [1, 2\n'))[0]?.line).toBe(3);
  });

  it('locates JSON syntax errors', () => {
    expect(jsonSyntaxErrorOffset('{"a": 1}')).toBe(-1);
    expect(jsonSyntaxErrorOffset('{"a": }')).toBe(6);
    expect(jsonSyntaxErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonSyntaxErrorOffset('{"a": "b\nc"}')).toBe(8);
    expect(jsonSyntaxErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonSyntaxErrorOffset('{"a": tru}')).toBe(6);
  });

  it('names the field path of a wrong type', () => {
    const errors = errorsOf(importFrameworkJson(fileWith((f) => ((f.framework.levels[2] as { order: unknown }).order = 'third'))));
    expect(errors.map((e) => e.field)).toEqual(['framework.levels[2].order']);
    expect(errors[0]?.message).toMatch(/^framework\.levels\[2\]\.order: /);
  });

  it('refuses duplicate ids, naming the field', () => {
    const errors = errorsOf(
      importFrameworkJson(
        fileWith((f) => {
          const first = f.framework.criteria[0];
          const second = f.framework.criteria[1];
          if (first && second) second.id = first.id;
        }),
      ),
    );
    expect(errors.map((e) => e.field)).toEqual(['framework.criteria[1].id']);
    expect(errors[0]?.message).toMatch(/Duplicate id "ic0m3-ic0-c01" \(also used by criteria\[0\]\)/);
  });

  it('refuses duplicate level codes', () => {
    const errors = errorsOf(
      importFrameworkJson(
        fileWith((f) => {
          const level = f.framework.levels[1];
          if (level) level.code = 'ic0';
        }),
      ),
    );
    expect(errors.map((e) => e.field)).toEqual(['framework.levels[1].code']);
    expect(errors[0]?.message).toMatch(/already used by the level “[^”]+” \(IC0\) on [^;]+; codes must be unique/i);
  });

  it('refuses references to rows that do not exist', () => {
    const errors = errorsOf(
      importFrameworkJson(
        fileWith((f) => {
          const fw = f.framework;
          if (fw.criteria[0]) fw.criteria[0].levelId = 'no-such-level';
          if (fw.criteria[1]) fw.criteria[1].competencyId = 'no-such-competency';
          if (fw.levels[0]) fw.levels[0].trackId = 'no-such-track';
          if (fw.equivalences[0]) fw.equivalences[0].levelIds = [fw.equivalences[0].levelIds[0], 'no-such-level'];
        }),
      ),
    );
    expect(errors.map((e) => e.field).sort()).toEqual(
      ['framework.criteria[0].levelId', 'framework.criteria[1].competencyId', 'framework.levels[0].trackId', 'framework.equivalences[0].levelIds[1]'].sort(),
    );
    expect(errors.find((e) => e.field === 'framework.levels[0].trackId')?.message).toMatch(/no-such-track/);
  });

  it('refuses a huge file before parsing it', () => {
    const huge = `{"format": "levelset.framework", "pad": "${'x'.repeat(MAX_FRAMEWORK_FILE_BYTES)}"}`;
    expect(errorsOf(importFrameworkJson(huge))[0]?.message).toMatch(/too large/);
  });

  it('accepts a byte-order mark', () => {
    expect(ok(importFrameworkJson(`\uFEFF${exportFrameworkJson(base, EXPORTED)}`)).framework).toEqual(base);
  });
});
