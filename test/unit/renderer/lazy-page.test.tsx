// @vitest-environment jsdom
/**
 * A page whose code arrives while its skeleton is being put on screen still
 * shows. The shell starts a page's download before the page renders
 * (preloadSection at boot and on route entry), so the code can arrive after
 * the render that chose the skeleton and before that render's effects run.
 * The app then stayed on the skeleton for good: the benchmark's first
 * navigation to the heatmap or the Candidates list hung there at random.
 *
 * The gap is made on purpose here: the skeleton's layout effect (run during
 * the commit) hands the page its code, whose promise settles before the
 * commit's passive effects run. React's act() would flush those effects at
 * once, closing the gap, so this test renders without it, as the app does.
 */
import { useLayoutEffect, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LazyPageView, lazyPage } from '../../../renderer/app/sections';

type Module = { default: ComponentType<{ params: string[] }> };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the document (no act(), no wait on time: it ends as soon as the text shows, or after many turns). */
async function shows(container: HTMLElement, text: string): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (container.textContent?.includes(text)) return true;
    await wait(10);
  }
  return false;
}

let root: Root;
let container: HTMLElement;
let actEnvironment: unknown;
beforeEach(() => {
  actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: unknown }).IS_REACT_ACT_ENVIRONMENT;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: unknown }).IS_REACT_ACT_ENVIRONMENT = false;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  root.unmount();
  container.remove();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: unknown }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
});

function Page({ params }: { params: string[] }) {
  return <h1>The page ({params.join('/')})</h1>;
}

describe('a lazily loaded page', () => {
  it('shows when its code arrives between the skeleton render and its effects', async () => {
    let arrive: (m: Module) => void = () => undefined;
    const code = new Promise<Module>((resolve) => (arrive = resolve));
    const page = lazyPage(() => code);
    void page.preload(); // the shell's preload, started before the page renders
    function Skeleton() {
      useLayoutEffect(() => arrive({ default: Page }), []);
      return <p>Loading the page…</p>;
    }
    root.render(<LazyPageView page={page} params={['s1']} fallback={<Skeleton />} />);
    expect(await shows(container, 'The page (s1)')).toBe(true);
  });

  it('shows the skeleton while the code is on its way, then the page', async () => {
    let arrive: (m: Module) => void = () => undefined;
    const page = lazyPage(() => new Promise<Module>((resolve) => (arrive = resolve)));
    root.render(<LazyPageView page={page} params={['s2']} fallback={<p>Loading the page…</p>} />);
    expect(await shows(container, 'Loading the page…')).toBe(true);
    arrive({ default: Page });
    expect(await shows(container, 'The page (s2)')).toBe(true);
  });

  it('shows at once when its code has already arrived', async () => {
    const page = lazyPage(() => Promise.resolve({ default: Page }));
    await page.preload();
    root.render(<LazyPageView page={page} params={['s3']} fallback={<p>Loading the page…</p>} />);
    expect(await shows(container, 'The page (s3)')).toBe(true);
    expect(container.textContent).not.toContain('Loading');
  });
});
