// The project's whole test run, as `npm test` and CI run it: lint, type
// checks, unit tests, build, the startup bundle budget, browser tests, the
// benchmark at its tiny size (a crash fails it, a time never does) and the
// packaging check. Every
// step runs even when an earlier one fails, and the last line is a plain
// `N passed, N failed` that counts individual tests (a file that fails to
// load counts as a failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
function run(name, command, args, parse) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = child.status === 0;
  let counts = parse ? parse(ok) : null;
  if (!counts) counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A step that failed without any failing test still counts as one failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  results.push({ name, ok, ...counts, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

run('lint', 'node', ['node_modules/eslint/bin/eslint.js', '.']);
for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.test.json']) {
  run(`typecheck ${project}`, 'node', ['node_modules/typescript/bin/tsc', '-p', project]);
}
run('unit tests', 'node', ['node_modules/vitest/vitest.mjs', 'run'], () => {
  const report = readJson('test-results/vitest.json');
  if (!report) return null;
  const failedToLoad = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + failedToLoad, skipped: report.numPendingTests + report.numTodoTests };
});
run('build', 'npm', ['run', '--silent', 'build']);
run('startup bundle check', 'node', ['scripts/bundle-check.mjs'], () => readJson('test-results/bundle-check.json'));
run('browser tests', 'node', ['node_modules/@playwright/test/cli.js', 'test'], () => {
  const report = readJson('test-results/playwright.json');
  if (!report) return null;
  const s = report.stats;
  const loadErrors = (report.errors ?? []).length;
  return { passed: s.expected + s.flaky, failed: s.unexpected + loadErrors, skipped: s.skipped };
});
// The benchmark once at its smallest size, so it keeps working as the views
// change: one check, failed when it crashes or a figure can no longer be
// measured (--strict: the UI it drives changed), never on a time.
run('benchmark (tiny, 1 run)', 'node', ['scripts/bench/run.mjs', '--size', 'tiny', '--runs', '1', '--no-build', '--strict', '--out', 'test-results/bench-tiny.json']);
run('electron security scan', 'node', ['scripts/security-scan.mjs'], () => readJson('test-results/security-scan.json'));
run('packaging check', 'node', ['scripts/package-check.mjs'], () => readJson('test-results/package-check.json'));

console.log('\n=== summary');
for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(32)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${r.skipped ? ` ${r.skipped} skipped` : ''}  ${r.seconds}s`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + (r.skipped ?? 0), 0);
if (!existsSync('dist/renderer/index.html')) console.log('note: the renderer was not built, so the browser tests could not run');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
