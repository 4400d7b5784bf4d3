/**
 * Bundle files: round trip (plain and encrypted), tamper detection, wrong and
 * missing passphrases, truncated and foreign files, newer format versions and
 * content that fails the cross-row checks. Encrypted cases share one bundle
 * because every open runs the real 600,000-iteration PBKDF2 (about 0.3 s).
 */
import { exportedTrailHead } from '../../../shared/audit/replay';
import { beforeAll, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { exportFrameworkJson } from '../../../shared/frameworks/json-format';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { base64ToBytes, bytesToBase64 } from '../../../shared/exchange/base64';
import {
  BUNDLE_SCHEMA_VERSION,
  BundleContentError,
  BundleContentSchema,
  MAX_BUNDLE_BYTES,
  checkBundleContent,
  createBundle,
  openBundle,
  type BundleContent,
  type BundleError,
  type OpenBundleResult,
} from '../../../shared/exchange/bundle-format';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';

const AT = '2026-11-02T10:00:00.000Z';
const APP = '0.1.0';

function sampleContent(): BundleContent {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
  return { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
}

function errorOf(result: OpenBundleResult): BundleError {
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.error;
}

function contentOf(result: OpenBundleResult): BundleContent {
  if (!result.ok) throw new Error(`expected a bundle, got ${result.error.code}: ${result.error.message}`);
  return result.content;
}

/** A plain bundle around any content, with a correct checksum: what a buggy or hostile exporter could write. */
async function handMade(content: unknown, patch: Record<string, unknown> = {}): Promise<string> {
  const file = {
    format: 'levelset.bundle',
    schemaVersion: 1,
    createdAt: AT,
    appVersion: APP,
    checksum: { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(content)) },
    encrypted: false,
    content,
    ...patch,
  };
  return JSON.stringify(file, null, 2);
}

describe('canonicalJson and sha256Hex', () => {
  it('sorts keys at every depth, drops undefined and ignores insertion order', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, undefined, 'x'], c: null }, u: undefined });
    expect(a).toBe('{"a":{"c":null,"d":[1,null,"x"]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [1, undefined, 'x'] }, b: 1 })).toBe(a);
  });

  it('hashes UTF-8 with SHA-256 (FIPS 180-2 test vector)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('plain bundles', () => {
  const content = sampleContent();
  let text = '';
  beforeAll(async () => {
    text = await createBundle(content, { createdAt: AT, appVersion: APP });
  });

  it('round-trips: the opened content equals what was exported', async () => {
    const result = await openBundle(text);
    expect(contentOf(result)).toEqual(BundleContentSchema.parse(content));
    expect(result.ok && result.summary).toEqual({
      trailHead: null,
      createdAt: AT,
      appVersion: APP,
      encrypted: false,
      cycleId: content.cycle.id,
      cycleName: content.cycle.name,
      frameworks: 1,
      candidates: 3,
      evidence: content.evidence.length,
      packets: 3,
    });
  });

  it('carries the exporting machine\'s trail head, readable without opening the content', async () => {
    const head = { count: 12, hash: 'ab'.repeat(32), at: '2026-10-05T12:00:00.000Z' };
    const withHead = await createBundle(content, { createdAt: AT, appVersion: APP, trailHead: head, passphrase: 'correct horse battery staple' });
    expect(exportedTrailHead(withHead)).toEqual({ head, kind: 'bundle', createdAt: AT, device: null });
    const opened = await openBundle(withHead, { passphrase: 'correct horse battery staple' });
    expect(opened.ok && opened.summary.trailHead).toEqual(head);
  });

  it('writes the same bytes for the same content, whatever the key order of the rows', async () => {
    const reordered = { ...content, cycle: Object.fromEntries(Object.entries(content.cycle).reverse()) as BundleContent['cycle'] };
    expect(await createBundle(reordered, { createdAt: AT, appVersion: APP })).toBe(text);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'schemaVersion', 'checksum', 'createdAt', 'appVersion', 'encrypted', 'content']);
    expect(file.schemaVersion).toBe(BUNDLE_SCHEMA_VERSION);
  });

  it('detects one changed character in the content as tampering', async () => {
    const name = content.candidates[0]!.name;
    const edited = text.replace(`"name": "${name}"`, `"name": "${name.replace(/.$/, 'x')}"`);
    expect(edited).not.toBe(text);
    const error = errorOf(await openBundle(edited));
    expect(error.code).toBe('tampered');
    expect(error.message).toMatch(/changed or damaged after it was exported/);
  });

  it('detects an added field and a changed checksum as tampering', async () => {
    const file = JSON.parse(text) as { content: { cycle: Record<string, unknown> }; checksum: { value: string } };
    file.content.cycle.extra = 'x';
    expect(errorOf(await openBundle(JSON.stringify(file))).code).toBe('tampered');
    const again = JSON.parse(text) as { checksum: { value: string } };
    again.checksum.value = again.checksum.value.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(errorOf(await openBundle(JSON.stringify(again))).code).toBe('tampered');
  });

  it('calls a file cut off anywhere incomplete, and never throws', async () => {
    const cuts = [1, 2, 15, 40, 100, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 3, text.length - 2];
    for (let cut = 7; cut < text.length - 1; cut += 211) cuts.push(cut);
    for (const cut of cuts) {
      const error = errorOf(await openBundle(text.slice(0, cut)));
      expect(error.code, `cut at ${cut}`).toBe('truncated');
      expect(error.message).toBe('The file is incomplete (it may have been cut off while copying). Copy it again from the machine that exported it.');
    }
    expect(errorOf(await openBundle('')).code).toBe('not-a-bundle');
  });

  it('tells a hand-edited file with broken JSON from a cut-off one', async () => {
    const broken = text.replace('"encrypted": false,', '"encrypted": false,,');
    const error = errorOf(await openBundle(broken));
    expect(error.code).toBe('tampered');
    expect(error.message).toMatch(/not valid JSON \(line \d+\)/);
  });

  it('refuses a bundle from a newer Levelset with a message that says what to do', async () => {
    const file = JSON.parse(text) as Record<string, unknown>;
    file.schemaVersion = BUNDLE_SCHEMA_VERSION + 1;
    file.content = { something: 'new' };
    const error = errorOf(await openBundle(JSON.stringify(file)));
    expect(error).toEqual({
      code: 'newer-version',
      message: `This bundle was made by a newer version of Levelset (bundle format ${BUNDLE_SCHEMA_VERSION + 1}). Update Levelset to import it.`,
      field: 'schemaVersion',
    });
  });

  it('refuses files that are not bundles', async () => {
    for (const other of ['hello', '[1,2,3]', '42', 'null', '{"format":"something-else"}', '{}', 'PK\u0003\u0004 zip bytes']) {
      expect(errorOf(await openBundle(other)).code, other).toBe('not-a-bundle');
    }
    const framework = exportFrameworkJson(sampleContent().frameworks[0]!, AT);
    expect(errorOf(await openBundle(framework)).message).toBe('This is a framework file, not a bundle. Import it under Frameworks.');
    // A backup says where it goes, as a bundle given to Restore does (trial C read only "its format is levelset.backup").
    expect(errorOf(await openBundle('{"format":"levelset.backup","schemaVersion":1}')).message).toBe('This is a backup, not a bundle. Restore it on the About page (Restore from a file…).');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const error = errorOf(await openBundle(`{"x":"${'a'.repeat(MAX_BUNDLE_BYTES)}"}`));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/too large to be a bundle/);
  });

  it('takes the file size the caller knows instead of measuring the text again', async () => {
    const small = await createBundle(sampleContent(), { createdAt: AT, appVersion: 'test' });
    const error = errorOf(await openBundle(small, { byteLength: MAX_BUNDLE_BYTES + 1 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/too large to be a bundle \(50\.0 MB/);
    expect((await openBundle(small, { byteLength: small.length })).ok).toBe(true);
  });

  it('refuses absurdly deep nesting as a result, not a stack overflow', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const error = errorOf(await openBundle(text.replace('"encrypted": false,', `"encrypted": false, "x": ${deep},`).replace(/"content": \{/, `"content": { "deep": ${deep},`)));
    expect(error.code).toBe('tampered');
  });

  it('keeps a "__proto__" key as data without touching prototypes', async () => {
    const content = sampleContent();
    const raw = JSON.stringify(content).replace('"assessments":{', '"assessments":{"__proto__":{"rating":"consistently","note":"x"},');
    const result = await openBundle(await handMade(JSON.parse(raw) as unknown));
    const assessments = contentOf(result).packets[0]!.assessments;
    expect(Object.getPrototypeOf(assessments)).toBe(Object.prototype);
    expect(Object.keys(assessments)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).rating).toBeUndefined();
  });

  it('names the field of a damaged envelope', async () => {
    const file = JSON.parse(text) as { checksum: { algorithm: string } };
    file.checksum.algorithm = 'MD5';
    const error = errorOf(await openBundle(JSON.stringify(file)));
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('checksum.algorithm');
  });
});

describe('cross-row checks', () => {
  it('name the field at fault, on open and on create', async () => {
    const content = sampleContent();
    const packets = content.packets.map((p, i) => (i === 1 ? { ...p, candidateId: 'nobody' } : p));
    const bad = { ...content, packets };

    const error = errorOf(await openBundle(await handMade(bad)));
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('packets[1].candidateId');
    expect(error.message).toBe('The bundle\'s content is not valid: packets[1].candidateId: no candidate "nobody" in the bundle');

    await expect(createBundle(bad, { createdAt: AT, appVersion: APP })).rejects.toBeInstanceOf(BundleContentError);
  });

  it('check the pinned framework, levels, evidence owners, cycles, duplicate ids and parents', () => {
    const content = sampleContent();
    const [c0, c1, c2] = content.candidates as [BundleContent['candidates'][number], BundleContent['candidates'][number], BundleContent['candidates'][number]];
    const fields = (value: unknown) => checkBundleContent(value).map((i) => i.field);

    expect(fields({ ...content, frameworks: [] })).toEqual(['cycle.frameworkVersionId']);
    expect(fields({ ...content, candidates: [{ ...c0, currentLevelId: 'no-such-level' }, c1, c2] })).toEqual(['candidates[0].currentLevelId']);
    expect(fields({ ...content, candidates: [c0, c1, { ...c2, targetLevelId: 'no-such-level' }] })).toEqual(['candidates[2].targetLevelId']);
    expect(fields({ ...content, candidates: [c0, c1, { ...c2, cycleId: 'another-cycle' }] })).toEqual(['candidates[2].cycleId']);
    expect(fields({ ...content, candidates: [c0, c1, { ...c2, id: c0.id }] })).toContain('candidates[2].id');
    const evidence = content.evidence.map((e, i) => (i === 2 ? { ...e, candidateId: 'nobody' } : e));
    expect(fields({ ...content, evidence })).toEqual(['evidence[2].candidateId']);

    const p0 = content.packets[0]!;
    const rev2 = { ...p0, id: `${p0.id}-r2`, revision: 2, parentId: p0.id };
    expect(checkBundleContent({ ...content, packets: [...content.packets, rev2] })).toEqual([]);
    expect(fields({ ...content, packets: [...content.packets, { ...rev2, revision: 1 }] })).toEqual([`packets[3].revision`]);
    expect(fields({ ...content, packets: [...content.packets, { ...rev2, parentId: rev2.id }] })).toEqual([`packets[3].parentId`]);
  });

  it('report row-schema problems with their path', async () => {
    const content = sampleContent();
    const evidence = content.evidence.map((e, i) => (i === 4 ? { ...e, date: '04/03/2026' } : e));
    const error = errorOf(await openBundle(await handMade({ ...content, evidence })));
    expect(error.code).toBe('invalid');
    expect(error.field).toBe('evidence[4].date');
    expect(error.issues?.[0]?.message).toBe('evidence[4].date: “04/03/2026” is not a date written YYYY-MM-DD');
  });
});

describe('encrypted bundles', () => {
  const content = sampleContent();
  const passphrase = 'correct horse battery staple';
  let text = '';
  beforeAll(async () => {
    // The real setting: 600,000 PBKDF2-SHA256 iterations.
    text = await createBundle(content, { createdAt: AT, appVersion: APP, passphrase });
  });

  it('hide the content and record the key derivation', () => {
    const file = JSON.parse(text) as {
      encrypted: boolean;
      content?: unknown;
      encryption: { algorithm: string; keyDerivation: { algorithm: string; hash: string; iterations: number; salt: string }; iv: string };
      ciphertext: string;
    };
    expect(file.encrypted).toBe(true);
    expect(file.content).toBeUndefined();
    expect(text).not.toContain(content.candidates[0]!.name);
    expect(file.encryption.algorithm).toBe('AES-GCM');
    expect(file.encryption.keyDerivation).toMatchObject({ algorithm: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(base64ToBytes(file.encryption.keyDerivation.salt)?.length).toBe(16);
    expect(base64ToBytes(file.encryption.iv)?.length).toBe(12);
  });

  it('round-trip with the passphrase, also when typed in another Unicode form', async () => {
    expect(contentOf(await openBundle(text, { passphrase }))).toEqual(BundleContentSchema.parse(content));
    const accented = await createBundle(content, { createdAt: AT, appVersion: APP, passphrase: 'caf\u00e9 cr\u00e8me' });
    const opened = await openBundle(accented, { passphrase: 'cafe\u0301 cre\u0300me' });
    expect(opened.ok && opened.summary.encrypted).toBe(true);
  });

  it('ask for a passphrase when none is given', async () => {
    for (const options of [{}, { passphrase: '' }]) {
      const error = errorOf(await openBundle(text, options));
      expect(error.code).toBe('needs-passphrase');
      expect(error.message).toBe('This bundle is encrypted. Enter the passphrase it was exported with.');
    }
  });

  it('refuse a wrong passphrase', async () => {
    const error = errorOf(await openBundle(text, { passphrase: 'Correct horse battery staple' }));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).toMatch(/passphrase is wrong/);
  });

  it('refuse a flipped ciphertext byte as wrong passphrase or altered file', async () => {
    const file = JSON.parse(text) as { ciphertext: string };
    const bytes = base64ToBytes(file.ciphertext)!;
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    file.ciphertext = bytesToBase64(bytes);
    const error = errorOf(await openBundle(JSON.stringify(file), { passphrase }));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).toMatch(/altered/);
  });

  it('refuse absurd iteration counts without deriving a key', async () => {
    for (const iterations of [1000, 599_999, 10_000_001, 1e12, 600_000.5]) {
      const file = JSON.parse(text) as { encryption: { keyDerivation: { iterations: number } } };
      file.encryption.keyDerivation.iterations = iterations;
      const error = errorOf(await openBundle(JSON.stringify(file), { passphrase }));
      expect(error.code, String(iterations)).toBe('invalid');
      expect(error.field).toBe('encryption.keyDerivation.iterations');
    }
    await expect(createBundle(content, { createdAt: AT, appVersion: APP, passphrase, iterations: 1000 })).rejects.toBeInstanceOf(RangeError);
  });
});
