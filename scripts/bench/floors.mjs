// The raw baselines, run inside the page with plain IndexedDB and DOM calls
// (each function is passed to page.evaluate, so it is self-contained).

// Each function opens databases as they are (no version, no upgrade) with
// its own two lines: page.evaluate passes a function's source alone, and the
// app's Content-Security-Policy forbids eval, so nothing can be shared.

/**
 * The floor of a session view: one getAll per table on the indexes the
 * schema has for it (candidates, coverage and packets by cycle and target
 * level; votes and decisions by session), all in parallel in one
 * transaction, then a plain list of the session's rows painted (name, level,
 * and one letter per criterion rating), and a frame. Returns rows painted.
 */
export async function sessionFloor({ sessionId }) {
  const openDb = (name) => new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await openDb('levelset');
  const tx = db.transaction(['sessions', 'cycles', 'candidates', 'coverage', 'packets', 'votes', 'decisions'], 'readonly');
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const session = await req(tx.objectStore('sessions').get(sessionId));
  const cycle = await req(tx.objectStore('cycles').get(session.cycleId));
  const inSession = new Set(session.candidateIds);
  const all = await req(tx.objectStore('candidates').index('cycleId').getAll(cycle.id));
  const candidates = all.filter((c) => inSession.has(c.id));
  const levels = [...new Set(candidates.map((c) => c.targetLevelId))];
  const byLevel = (store) => Promise.all(levels.map((l) => req(tx.objectStore(store).index('[cycleId+targetLevelId]').getAll([cycle.id, l])))).then((x) => x.flat());
  const [coverage] = await Promise.all([
    byLevel('coverage'),
    byLevel('packets'),
    req(tx.objectStore('votes').index('sessionId').getAll(sessionId)),
    req(tx.objectStore('decisions').index('sessionId').getAll(sessionId)),
  ]);
  db.close();
  const ratings = new Map();
  // A stored coverage row is one candidate's criteria (database version 8; before it, one row per criterion).
  for (const c of coverage) for (const r of c.criteria ?? [c]) ratings.set(c.candidateId ?? c.id, (ratings.get(c.candidateId ?? c.id) ?? '') + (r.rating ?? '-')[0]);
  const list = document.createElement('ol');
  for (const c of candidates) {
    const li = document.createElement('li');
    li.textContent = `${c.name} · ${c.targetLevelId} · ${ratings.get(c.id) ?? ''}`;
    list.append(li);
  }
  document.body.append(list);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return candidates.length;
}

/** The floor of a list view: candidates and packets of the cycle, one getAll each, and a plain list of names painted. */
export async function listFloor({ cycleId }) {
  const openDb = (name) => new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await openDb('levelset');
  const tx = db.transaction(['candidates', 'packets'], 'readonly');
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const [candidates] = await Promise.all([req(tx.objectStore('candidates').index('cycleId').getAll(cycleId)), req(tx.objectStore('packets').index('cycleId').getAll(cycleId))]);
  db.close();
  const list = document.createElement('ol');
  for (const c of candidates) {
    const li = document.createElement('li');
    li.textContent = `${c.name} · ${c.manager} · ${c.team}`;
    list.append(li);
  }
  document.body.append(list);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return candidates.length;
}

/**
 * Copies the app database's schema (stores, key paths, indexes) into a fresh
 * database `name`, so raw writes pay for the same indexes the app's do.
 */
export async function makeRawCopyOfSchema({ name }) {
  const openDb = (name) => new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const app = await openDb('levelset');
  const schema = [...app.objectStoreNames].map((s) => {
    const store = app.transaction(s).objectStore(s);
    return { name: s, keyPath: store.keyPath, indexes: [...store.indexNames].map((i) => { const x = store.index(i); return { name: i, keyPath: x.keyPath, multiEntry: x.multiEntry, unique: x.unique }; }) };
  });
  app.close();
  await new Promise((resolve) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = () => resolve(); });
  await new Promise((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      for (const s of schema) {
        const store = r.result.createObjectStore(s.name, { keyPath: s.keyPath });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique });
      }
    };
    r.onsuccess = () => { r.result.close(); resolve(); };
    r.onerror = () => reject(r.error);
  });
}

/**
 * Raw write of rows ({store: rows[]}) into database `name` in one
 * transaction; ms from first put to commit. With `fromBundle`, the rows are
 * the benchmark bundle's records (framework, cycle, candidates, evidence,
 * packets), fetched and parsed before the clock starts.
 */
export async function rawWrite({ name, rows: given, fromBundle, storedByImport }) {
  let rows = given;
  if (fromBundle) {
    const content = JSON.parse(await (await fetch('/__bench/bundle.json')).text()).content;
    rows = { frameworks: content.frameworks, cycles: [content.cycle], candidates: content.candidates, evidence: content.evidence, packets: content.packets };
  }
  const openDb = (name) => new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  if (storedByImport) {
    // Every other row the app's import stored, read back as stored before the clock: the coverage rows, the list
    // figures and the audit entry (its parts), which holds every record again. The app's database here is a fresh
    // one that only this import wrote records to (freshImportPage), besides the built-in frameworks' entries.
    const app = await openDb('levelset');
    const all = (store) => new Promise((resolve, reject) => { const r = app.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    rows = { ...rows, coverage: await all('coverage'), candidateStats: await all('candidateStats'), audit: (await all('audit')).filter((entry) => entry.action === 'import bundle') };
    app.close();
    if (rows.audit.length === 0 || rows.coverage.length === 0) throw new Error('the import stored no audit entry or no coverage rows to copy');
  }
  const db = await openDb(name);
  const started = performance.now();
  const tx = db.transaction(Object.keys(rows), 'readwrite');
  for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/** Installed before any page script: notes when the first IndexedDB read resolves (for "first view painted before any read"). */
export function watchFirstRead() {
  const mark = () => { if (window.__benchFirstRead === undefined) window.__benchFirstRead = performance.now(); };
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor']) {
      const original = proto[method];
      if (typeof original !== 'function') continue;
      proto[method] = function (...args) {
        const request = original.apply(this, args);
        request.addEventListener('success', mark, { once: true });
        return request;
      };
    }
  }
}
