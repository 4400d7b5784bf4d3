// Packaging check that runs offline: electron-builder packs the app into
// release/linux-unpacked with a placeholder instead of the Electron binary
// (which cannot be downloaded here), then we inspect app.asar and the fuses.
// The placeholder carries a fuse wire (the sentinel @electron/fuses looks for,
// version 1, eight fuses all "enabled"), so electron-builder flips the fuses
// from electron-builder.yml on it exactly as on the real binary, and we read
// them back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

// @electron/fuses' wire bytes (its FuseState, not exported from the package): ASCII '0' and '1'.
const FuseState = { DISABLE: 48, ENABLE: 49 };

const root = process.cwd();
const placeholder = path.join(root, '.electron-placeholder');
rmSync(placeholder, { recursive: true, force: true });
mkdirSync(placeholder, { recursive: true });
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.alloc(8, FuseState.ENABLE)]);
writeFileSync(path.join(placeholder, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho placeholder\nexit 0\n'), wire]), { mode: 0o755 });
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
const maps = files.filter((f) => /\.map$/.test(f));
check('holds no source maps', maps.length === 0, maps.slice(0, 3).join(', '));
const mapRefs = files.filter((f) => /\.(c?js|mjs)$/.test(f) && /sourceMappingURL=/.test(asar.extractFile(asarPath, f.slice(1)).toString('utf8')));
check('no bundle points at a source map', mapRefs.length === 0, mapRefs.slice(0, 3).join(', '));
const size = existsSync(asarPath) ? statSync(asarPath).size : Infinity;
check('app.asar is under 10 MB', size < 10 * 1024 * 1024, `${(size / 1024 / 1024).toFixed(2)} MB`);

// The fuses as flipped in the packed binary (release/linux-unpacked/levelset).
const EXPECTED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};
const binary = path.join(root, 'release', 'linux-unpacked', 'levelset');
let fuses = null;
try {
  fuses = await getCurrentFuseWire(binary);
} catch (error) {
  check('packed binary has a fuse wire', false, String(error));
}
if (fuses) {
  for (const [name, enabled] of Object.entries(EXPECTED_FUSES)) {
    const state = fuses[FuseV1Options[name]];
    check(`fuse ${name} is ${enabled ? 'on' : 'off'}`, state === (enabled ? FuseState.ENABLE : FuseState.DISABLE));
  }
}

rmSync(placeholder, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
mkdirSync(path.join(root, 'test-results'), { recursive: true });
writeFileSync(path.join(root, 'test-results', 'package-check.json'), JSON.stringify({ passed: results.length - failed, failed }));
process.exit(failed ? 1 : 0);
