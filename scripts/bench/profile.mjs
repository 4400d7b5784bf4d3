// `--profile DIR`: for each figure measured, a Chromium CPU profile (open
// the .cpuprofile in Chrome DevTools → Performance) and a count of the
// IndexedDB requests and React commits of the page the figure ended on, so a
// slow figure comes with where its time went (issue 13: profile first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Installed before any page script (context.addInitScript): counts IndexedDB
 * requests by method and store, cursor steps, and React commits (through the
 * hook React looks for at start-up, the one its developer tools use).
 */
export function watchWork() {
  const counts = { requests: {}, cursorSteps: 0, commits: 0, reads: [] };
  window.__benchWork = counts;
  const note = (key) => { counts.requests[key] = (counts.requests[key] ?? 0) + 1; };
  for (const [proto, kind] of [[IDBObjectStore.prototype, 'store'], [IDBIndex.prototype, 'index']]) {
    for (const method of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor', 'put', 'add', 'delete']) {
      const original = proto[method];
      if (typeof original !== 'function') continue;
      proto[method] = function (...args) {
        const store = kind === 'store' ? this.name : `${this.objectStore.name}.${this.name}`;
        note(`${method} ${store}`);
        const request = original.apply(this, args);
        // The first 200 requests with when each was made and answered (page clock, ms): the order of a view's reads.
        if (counts.reads.length < 200) {
          const read = [`${method} ${store}`, Math.round(performance.now()), null];
          counts.reads.push(read);
          request.addEventListener('success', () => { read[2] = Math.round(performance.now()); }, { once: true });
        }
        return request;
      };
    }
  }
  // The database's opening, which a view's first read waits for: logged with the reads.
  const nativeOpen = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const request = nativeOpen.apply(this, args);
    const read = [`open ${args[0]}${args[1] === undefined ? '' : ` v${args[1]}`}`, Math.round(performance.now()), null];
    counts.reads.push(read);
    request.addEventListener('success', () => { read[2] = Math.round(performance.now()); }, { once: true });
    return request;
  };
  // The CPU profile covers the page only; a Web Worker's work (the bundle check) shows as a timeline of
  // the messages between the page and the worker, each with the page's clock (ms), type and progress.
  counts.workers = [];
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(url, options) {
        super(url, options);
        const log = { name: options?.name ?? String(url), messages: [[Math.round(performance.now()), 'started']] };
        counts.workers.push(log);
        const note = (dir, data) => log.messages.push([Math.round(performance.now()), `${dir} ${data?.type ?? typeof data}${data?.progress ? ` ${data.progress.phase} ${data.progress.done}/${data.progress.total}` : ''}`]);
        this.addEventListener('message', (e) => note('<-', e.data));
        const post = this.postMessage.bind(this);
        this.postMessage = (data, transfer) => { note('->', data); return post(data, transfer); };
      }
    };
  }
  for (const method of ['continue', 'continuePrimaryKey', 'advance']) {
    const original = IDBCursor.prototype[method];
    IDBCursor.prototype[method] = function (...args) { counts.cursorSteps++; return original.apply(this, args); };
  }
  if (!window.__REACT_DEVTOOLS_GLOBAL_HOOK__) {
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject(renderer) { this.renderers.set(this.renderers.size + 1, renderer); return this.renderers.size; },
      onCommitFiberRoot() { counts.commits++; },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    };
  }
}

const slug = (what) => what.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

export class Profiler {
  constructor(dir) {
    this.dir = dir;
    this.summary = [];
    mkdirSync(dir, { recursive: true });
  }

  static async install(context) {
    await context.addInitScript(watchWork);
  }

  /**
   * Runs `fn(stop)` under the CPU profiler of `page`, and writes the profile
   * and the page's counts. A figure whose baseline runs on the same page
   * after Levelset's part calls `stop()` first, so both cover Levelset only.
   */
  async around(page, what, run, fn) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const workers = await profileWorkers(cdp);
    // LEVELSET_BENCH_TRACE=1: a Chromium trace of the figure too (style, layout, paint, script compiling and the
    // database's messages, which a CPU profile shows only as "(program)"), to open in DevTools → Performance.
    const browser = process.env.LEVELSET_BENCH_TRACE ? page.context().browser() : null;
    if (browser) await browser.startTracing(page, { path: join(this.dir, `${slug(what)}-run${run + 1}.trace.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'IndexedDB', 'loading'] });
    let stopped = null;
    const stop = () => (stopped ??= (browser ? browser.stopTracing() : Promise.resolve()).then(() => this.#finish(page, cdp, what, run, workers)));
    try {
      return await fn(stop);
    } finally {
      await stop();
    }
  }

  async #finish(page, cdp, what, run, workers) {
    const { profile } = await cdp.send('Profiler.stop');
    const workerProfiles = await workers.stop();
    await cdp.detach();
    const name = `${slug(what)}-run${run + 1}`;
    writeFileSync(join(this.dir, `${name}.cpuprofile`), JSON.stringify(profile));
    for (const [i, w] of workerProfiles.entries()) {
      const file = `${name}-worker${i + 1}-${slug(w.name)}.cpuprofile`;
      writeFileSync(join(this.dir, file), JSON.stringify(w.profile));
      console.error(`  worker profile ${file}`);
    }
    const work = await page.evaluate(() => window.__benchWork ?? null).catch(() => null);
    const top = selfTimes(profile).slice(0, 40);
    // When the page's code and data arrived: each script or worker request (ms on the page's clock, from
    // request to last byte), so a navigation's rounds of chunk requests show beside the CPU timeline.
    const requests = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || e.initiatorType === 'link' || e.initiatorType === 'other')
      .map((e) => ({ name: e.name.split('/').pop(), start: Math.round(e.startTime), end: Math.round(e.responseEnd) }))).catch(() => []);
    this.summary.push({ what, run: run + 1, work, top, timeline: timeline(profile), requests });
    writeFileSync(join(this.dir, 'summary.json'), `${JSON.stringify(this.summary, null, 2)}\n`);
    if (work) {
      const requests = Object.values(work.requests).reduce((a, b) => a + b, 0);
      console.error(`  profile ${name}: ${requests} IndexedDB requests, ${work.cursorSteps} cursor steps, ${work.commits} React commits`);
      for (const w of work.workers ?? []) {
        // Rows and progress messages are many; the first and last of each run of one kind stand for them.
        const kind = (m) => m?.[1].split(' ').slice(0, 3).join(' ');
        const shown = w.messages.filter((m, i, all) => kind(all[i - 1]) !== kind(m) || kind(all[i + 1]) !== kind(m));
        console.error(`    worker ${w.name}: ${shown.map(([t, what]) => `${t} ${what}`).join('; ')}`);
      }
    }
  }
}

/**
 * CPU profiles of the page's Web Workers (the bundle check runs in one), which
 * the page's profile does not cover: the page's CDP session attaches to each
 * worker as it starts (Target.setAutoAttach, unflattened, so commands travel
 * through Target.sendMessageToTarget on this one session) and starts its
 * profiler; `stop()` collects the profiles of the workers still running.
 */
async function profileWorkers(cdp) {
  const attached = new Map();
  let nextId = 1;
  const waiting = new Map();
  const send = (sessionId, method, params = {}) => new Promise((resolve) => {
    const id = nextId++;
    waiting.set(`${sessionId}:${id}`, resolve);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(null));
  });
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const m = JSON.parse(message);
    const key = `${sessionId}:${m.id}`;
    if (m.id !== undefined && waiting.has(key)) { waiting.get(key)(m.result ?? null); waiting.delete(key); }
  });
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== 'worker') return;
    attached.set(sessionId, targetInfo.title || targetInfo.url);
    (async () => {
      await send(sessionId, 'Profiler.enable');
      await send(sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
      await send(sessionId, 'Profiler.start');
      await send(sessionId, 'Runtime.runIfWaitingForDebugger');
    })();
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => attached.delete(sessionId));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    async stop() {
      const out = [];
      for (const [sessionId, name] of attached) {
        const stopped = await Promise.race([send(sessionId, 'Profiler.stop'), new Promise((r) => setTimeout(() => r(null), 5000))]);
        if (stopped?.profile) out.push({ name, profile: stopped.profile });
      }
      return out;
    },
  };
}

/**
 * The profile as 50 ms slices: for each, the busy ms and the three
 * functions with the most self time in it ("(idle)" when the main thread
 * waited), so the order of the work shows, not only its total.
 */
export function timeline(profile, sliceMs = 50) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const slices = [];
  let t = 0;
  profile.samples?.forEach((id, i) => {
    t += (profile.timeDeltas?.[i] ?? 0) / 1000;
    const n = byId.get(id);
    const f = n.callFrame;
    const name = f.functionName === '(idle)' || f.functionName === '(program)' ? f.functionName : `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
    const slot = (slices[Math.floor(t / sliceMs)] ??= { at: Math.floor(t / sliceMs) * sliceMs, fns: new Map() });
    slot.fns.set(name, (slot.fns.get(name) ?? 0) + (profile.timeDeltas?.[i + 1] ?? 0) / 1000);
  });
  return slices.filter(Boolean).map(({ at, fns }) => {
    const busy = [...fns].filter(([k]) => k !== '(idle)').reduce((a, [, v]) => a + v, 0);
    const top = [...fns].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${Math.round(v)}`);
    return `${at} ms: busy ${Math.round(busy)} · ${top.join(' · ')}`;
  });
}

/** Self time per function (ms), highest first: the short answer to where the time went. */
export function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples?.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
}
