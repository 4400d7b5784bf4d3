// The cost of encryption at rest (issue 12, point 5) in Chromium's IndexedDB:
// the same sample rows (candidates, 10 evidence each, packets) written in one
// bulkPut transaction and read back with toArray, through the app's database
// class without and with the encryption middleware (scripts/bench-encryption/bench.ts,
// bundled into seed.js). The figure is the encrypted time, its baseline the
// plain time of the same run, so the ratio is what encryption costs.

/** Adds this run's two figures to F; `blank` opens the harness's blank page on the app's origin. */
export async function encryptionFigures(F, { page, blank, candidates }) {
  let run = null;
  const measureOnce = async () => {
    await blank();
    run = await page.evaluate(async (n) => {
      await import('/__bench/seed.js');
      return window.benchEncryption(n);
    }, candidates);
    return run;
  };
  // The sample generator makes one packet and exactly 10 evidence items per candidate here.
  await F.measure(`encryption at rest: write ${candidates} candidates, ${candidates * 10} evidence, ${candidates} packets (one bulkPut transaction)`, 'same rows, not encrypted', async () => {
    const r = await measureOnce();
    return { value: r.encrypted.writeMs, baseline: r.plain.writeMs };
  });
  await F.measure(`encryption at rest: read the same rows (toArray)`, 'same rows, not encrypted', async () => {
    if (!run) throw new Error('the write did not run');
    return { value: run.encrypted.readMs, baseline: run.plain.readMs };
  });
}
