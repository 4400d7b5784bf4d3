// Packaging check that runs offline: electron-builder packs the app into
// release/linux-unpacked with a placeholder instead of the Electron binary
// (which cannot be downloaded here), then we inspect app.asar.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';

const root = process.cwd();
const placeholder = path.join(root, '.electron-placeholder');
rmSync(placeholder, { recursive: true, force: true });
mkdirSync(placeholder, { recursive: true });
writeFileSync(path.join(placeholder, 'electron'), '#!/bin/sh\necho placeholder\n', { mode: 0o755 });
rmSync(path.join(root, 'release'), { recursive: true, force: true });

const electronVersion = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("electron/package.json").version)'], { encoding: 'utf8' }));
execFileSync(
  'node',
  ['node_modules/electron-builder/cli.js', '--linux', 'dir', `-c.electronDist=${placeholder}`, `-c.electronVersion=${electronVersion}`, '--publish', 'never'],
  { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: 'true' } },
);

const asarPath = path.join(root, 'release', 'linux-unpacked', 'resources', 'app.asar');
const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

check('app.asar exists', existsSync(asarPath));
const files = existsSync(asarPath) ? asar.listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/')) : [];
const has = (p) => files.includes(p);
check('holds the main process bundle', has('/dist/electron/main.cjs'));
check('holds the preload bundle', has('/dist/electron/preload.cjs'));
check('holds the built renderer', has('/dist/renderer/index.html') && files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f)));
check('holds package.json', has('/package.json'));
const sources = files.filter((f) => /\.(ts|tsx)$/.test(f) || /^\/(electron|renderer|shared|scripts)\//.test(f));
check('holds no TypeScript sources', sources.length === 0, sources.slice(0, 3).join(', '));
const tests = files.filter((f) => /^\/test\//.test(f) || /\.test\./.test(f));
check('holds no tests', tests.length === 0, tests.slice(0, 3).join(', '));
const modules = files.filter((f) => f.includes('/node_modules/'));
check('holds no node_modules (everything is bundled)', modules.length === 0, modules.slice(0, 3).join(', '));
const size = existsSync(asarPath) ? statSync(asarPath).size : Infinity;
check('app.asar is under 10 MB', size < 10 * 1024 * 1024, `${(size / 1024 / 1024).toFixed(2)} MB`);

rmSync(placeholder, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
writeFileSync(path.join(root, 'test-results', 'package-check.json'), JSON.stringify({ passed: results.length - failed, failed }));
process.exit(failed ? 1 : 0);
