#!/usr/bin/env node
// Checks a framework file from the command line with the app's own parser:
//
//   node scripts/framework-cli.mjs check <file>
//
// The parser is TypeScript in shared/frameworks/, so this bundles it with
// esbuild on the fly (into a temporary folder, removed again) and loads the
// result; the CLI can never drift from what the import dialog accepts.
//
// Exit codes: 0 the file is a valid framework (a JSON summary on stdout,
// warnings included); 1 the file is not (one line per problem on stderr,
// naming the line and field); 2 wrong usage or a file that cannot be read.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = `usage: node scripts/framework-cli.mjs check <file>

Parses a framework file (Levelset JSON or progression-framework Markdown) the
way the app imports it and prints a JSON summary: name, tracks, levels (code,
title, track, criteria count), competencies, warnings and criteria that cannot
generate evidence (vague or tenure-based wording).

Exit codes: 0 valid, 1 invalid framework file, 2 wrong usage or unreadable file.`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function usageError(message) {
  if (message) process.stderr.write(`${message}\n\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

async function loadParser() {
  const dir = mkdtempSync(join(tmpdir(), 'levelset-framework-cli-'));
  try {
    const outfile = join(dir, 'framework-parser.cjs');
    await build({
      stdin: {
        contents: [
          "export * from './shared/frameworks/detect-format';",
          "export { checkCriteria } from './shared/frameworks/criteria-checker';",
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
        sourcefile: 'framework-cli-entry.ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    // require() reads the file synchronously, so the folder can go right after.
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function check(file) {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    usageError(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  if (!stat.isFile()) usageError(`cannot read ${file}: not a file`);

  const parser = await loadParser();
  const name = basename(file);
  if (stat.size > parser.MAX_FRAMEWORK_FILE_BYTES) {
    const mb = (n) => (n / (1024 * 1024)).toFixed(1);
    process.stderr.write(`${name}: the file is too large to be a framework (${mb(stat.size)} MB; the limit is ${mb(parser.MAX_FRAMEWORK_FILE_BYTES)} MB)\n`);
    return 1;
  }

  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    usageError(`cannot read ${file}: ${e.message}`);
  }

  const result = parser.parseFrameworkFile(text, name);
  if (!result.ok) {
    for (const error of result.errors) {
      process.stderr.write(`${name}${error.line ? `:${error.line}` : ''}: ${error.message}\n`);
    }
    process.stderr.write(`${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; the file was not imported.\n`);
    return 1;
  }

  const framework = result.framework;
  const levelCode = new Map(framework.levels.map((l) => [l.id, l.code]));
  const criterionById = new Map(framework.criteria.map((c) => [c.id, c]));
  const summary = {
    file: name,
    format: parser.detectFrameworkFormat(text, name),
    ...parser.previewOf(framework),
    warnings: result.warnings,
    findings: parser.checkCriteria(framework).map((f) => {
      const criterion = criterionById.get(f.criterionId);
      return { level: criterion ? levelCode.get(criterion.levelId) : undefined, kind: f.kind, phrase: f.phrase, criterion: criterion?.text ?? '' };
    }),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

const args = process.argv.slice(2);
if (args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args[0] !== 'check') usageError(args.length ? `unknown command: ${args[0]}` : '');
if (args.length !== 2 || !args[1]) usageError(args.length < 2 ? 'check needs a file' : 'check takes exactly one file');

process.exitCode = await check(args[1]);
