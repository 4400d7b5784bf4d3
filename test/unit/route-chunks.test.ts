import { describe, expect, it } from 'vitest';
import { sessionChunks, staticClosure, type ModuleGraph } from '../../scripts/route-chunks';

/** A module graph from `{ id: [static imports] }`, ids relative to /repo. */
function graph(edges: Record<string, string[]>): ModuleGraph {
  const abs = (id: string) => `/repo/${id}`;
  const byId = new Map(Object.entries(edges).map(([id, deps]) => [abs(id), { importedIds: deps.map(abs) }]));
  return { getModuleInfo: (id) => byId.get(id) ?? null };
}

const app = graph({
  'renderer/main.tsx': ['renderer/db/database.ts', 'node_modules/react/index.js'],
  'renderer/db/database.ts': ['node_modules/dexie/dist/dexie.mjs'],
  'node_modules/dexie/dist/dexie.mjs': [],
  'node_modules/react/index.js': [],
  'renderer/features/calibration/calibration-view.tsx': ['renderer/db/database.ts', 'renderer/components/loading.tsx', 'node_modules/zod/index.js'],
  'renderer/features/calibration/views/index.ts': ['renderer/features/calibration/views/heatmap-view.tsx'],
  'renderer/features/calibration/views/heatmap-view.tsx': ['node_modules/react/index.js', 'node_modules/@tanstack/react-virtual/index.js'],
  'renderer/components/loading.tsx': [],
  'node_modules/zod/index.js': [],
  'node_modules/@tanstack/react-virtual/index.js': [],
  'renderer/features/about/about-view.tsx': ['renderer/components/loading.tsx'],
  'renderer/features/about/licences.ts': [],
});

describe('the session route chunks', () => {
  const name = sessionChunks('/repo');
  const of = (id: string) => name(`/repo/${id}`, app);

  it('gathers the session page and views and what only they load statically', () => {
    expect(of('renderer/features/calibration/calibration-view.tsx')).toBe('session');
    expect(of('renderer/features/calibration/views/heatmap-view.tsx')).toBe('session');
    // Shared with another page: still one request for the session; the other page loads it too.
    expect(of('renderer/components/loading.tsx')).toBe('session');
    expect(of('node_modules/zod/index.js')).toBe('session-libs');
    expect(of('node_modules/@tanstack/react-virtual/index.js')).toBe('session-libs');
  });

  it('leaves startup code in the startup chunks and other pages to the bundler', () => {
    expect(of('renderer/db/database.ts')).toBeNull();
    expect(of('node_modules/react/index.js')).toBeNull();
    expect(of('node_modules/dexie/dist/dexie.mjs')).toBeNull();
    expect(of('renderer/features/about/about-view.tsx')).toBeNull();
    expect(of('renderer/features/about/licences.ts')).toBeNull();
  });

  it('follows static imports through cycles without looping', () => {
    const cyclic = graph({ a: ['b'], b: ['a', 'c'], c: [] });
    expect([...staticClosure(cyclic, ['/repo/a'])].sort()).toEqual(['/repo/a', '/repo/b', '/repo/c']);
  });
});
