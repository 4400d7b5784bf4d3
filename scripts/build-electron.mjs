// Bundles main and preload with esbuild into dist/electron as CommonJS.
// The preload runs sandboxed, so it must be one self-contained file.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  external: ['electron'],
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser' }),
]);
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
