/**
 * Bundle format versions. Version 2 (what this Levelset writes) checks a
 * plain bundle by the file's own bytes: it begins with a fixed text and the
 * checksum's digits, which are SHA-256 of every byte after them, so any
 * changed byte, the envelope's included, is refused as tampered. Version 1 files (checksum over the
 * content's canonical JSON), frozen in test/fixtures/bundles, still open and
 * are still refused when changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { BUNDLE_SCHEMA_VERSION, BundleContentSchema, V2_PLAIN_PREFIX, createBundle, openBundle, plainBodyDigest, type BundleContent, type OpenBundleResult } from '../../../shared/exchange/bundle-format';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { plainV2File } from './bundle-v2-file';

const AT = '2026-11-02T10:00:00.000Z';
const TAMPERED = 'The bundle was changed or damaged after it was exported: its content does not match its checksum. Ask for a fresh export.';
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/bundles', name), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);

function sampleContent(candidates = 3): BundleContent {
  const sample = generateSampleCycle(ic0M3Levels, { candidates });
  return { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
}

function refusal(result: OpenBundleResult): { code: string; message: string } {
  if (result.ok) throw new Error('expected the bundle to be refused');
  return { code: result.error.code, message: result.error.message };
}

describe('version 2 plain bundles', () => {
  const content = sampleContent();

  it('are written as version 2, checksummed over the file itself: every byte after the digits', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: '0.1.0' });
    expect(BUNDLE_SCHEMA_VERSION).toBe(2);
    expect(text.startsWith(V2_PLAIN_PREFIX)).toBe(true);
    const at = V2_PLAIN_PREFIX.length;
    const digits = text.slice(at, at + 64);
    expect(digits).toMatch(/^[0-9a-f]{64}$/);
    expect((JSON.parse(text) as { checksum: { value: string } }).checksum.value).toBe(digits);
    expect(await sha256Hex(text.slice(at + 64))).toBe(digits);
  });

  it('open from the text or from the bytes as read, a byte-order mark included', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: '0.1.0' });
    const expected = BundleContentSchema.parse(content);
    for (const options of [{}, { bytes: utf8(text) }, { bytes: utf8(`\ufeff${text}`) }]) {
      const opened = await openBundle(text, options);
      expect(opened.ok && opened.content).toEqual(expected);
    }
  });

  it('refuse any change to the file as tampered, with the same message: content, envelope, layout, checksum', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: '0.1.0' });
    const name = content.candidates[0]!.name;
    const digitsAt = V2_PLAIN_PREFIX.length;
    const flipped = text[digitsAt + 5] === '0' ? '1' : '0';
    const changed: Record<string, string> = {
      'a name': text.replace(`"name": "${name}"`, `"name": "${name.replace(/.$/, 'x')}"`),
      'createdAt': text.replace(`"createdAt": "${AT}"`, '"createdAt": "2026-11-03T10:00:00.000Z"'),
      'appVersion': text.replace('"appVersion": "0.1.0"', '"appVersion": "9.9.9"'),
      'a checksum digit': `${text.slice(0, digitsAt + 5)}${flipped}${text.slice(digitsAt + 6)}`,
      'compact layout': JSON.stringify(JSON.parse(text)),
      'Windows line endings': text.replace(/\n/g, '\r\n'),
      'a trailing space': `${text} `,
    };
    for (const [what, edited] of Object.entries(changed)) {
      expect(edited, what).not.toBe(text);
      expect(refusal(await openBundle(edited)), what).toEqual({ code: 'tampered', message: TAMPERED });
    }
  });

  it('take the checksummed part hashed on another thread (the digest worker) and compare it, never trust it', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: '0.1.0' });
    const expected = BundleContentSchema.parse(content);
    for (const bytes of [utf8(text), utf8(`\ufeff${text}`)]) {
      // What the digest worker computes, against Node's own SHA-256 of every byte after the prefix and the 64 digits.
      const start = bytes[0] === 0xef ? 3 : 0;
      const body = Buffer.from(bytes.subarray(start + V2_PLAIN_PREFIX.length + 64));
      expect(await plainBodyDigest(bytes)).toBe(createHash('sha256').update(body).digest('hex'));
      const withDigest = await openBundle(text, { bytes, bodyDigest: plainBodyDigest(bytes) });
      expect(withDigest.ok && withDigest.content).toEqual(expected);
    }
    // The other thread failed (null, or a rejection): the bytes are hashed here, and a good file still opens.
    for (const bodyDigest of [() => Promise.resolve(null), () => Promise.reject(new Error('worker gone'))]) {
      const opened = await openBundle(text, { bytes: utf8(text), bodyDigest: bodyDigest() });
      expect(opened.ok, 'fallback').toBe(true);
    }
    // A digest that is not this file's is compared, so a good file is refused rather than a digest believed.
    const other = utf8(`${text} `);
    expect(refusal(await openBundle(text, { bytes: utf8(text), bodyDigest: plainBodyDigest(other) }))).toEqual({ code: 'tampered', message: TAMPERED });
    // And a changed file is refused with its own bytes hashed elsewhere.
    const name = content.candidates[0]!.name;
    const edited = text.replace(`"name": "${name}"`, `"name": "${name.replace(/.$/, 'x')}"`);
    expect(refusal(await openBundle(edited, { bytes: utf8(edited), bodyDigest: plainBodyDigest(utf8(edited)) }))).toEqual({ code: 'tampered', message: TAMPERED });
  });

  it('refuse a second content after the checksummed one, which JSON.parse would take instead', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: '0.1.0' });
    const other = JSON.stringify(BundleContentSchema.parse({ ...content, candidates: content.candidates.slice(0, 1), evidence: content.evidence.filter((e) => e.candidateId === content.candidates[0]!.id), packets: content.packets.filter((p) => p.candidateId === content.candidates[0]!.id) }));
    const doubled = text.replace(/\n}\n$/, `,\n  "content": ${other}\n}\n`);
    expect(doubled).not.toBe(text);
    expect(refusal(await openBundle(doubled))).toEqual({ code: 'tampered', message: TAMPERED });
  });

  it('refuse bytes that are not the text they came with', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: '0.1.0' });
    const bytes = utf8(text);
    bytes[bytes.length - 3] = 0x20;
    expect(refusal(await openBundle(text, { bytes }))).toEqual({ code: 'tampered', message: TAMPERED });
  });

  it('reach the record checks when the checksum matches, and name the field', async () => {
    const file = JSON.parse(await createBundle(content, { createdAt: AT, appVersion: '0.1.0' })) as { content: { evidence: Array<Record<string, unknown>> } };
    file.content.evidence[0]!.candidateId = 'nobody';
    const opened = await openBundle(await plainV2File(file as unknown as Record<string, unknown>));
    expect(!opened.ok && opened.error.code).toBe('invalid');
    expect(!opened.ok && opened.error.field).toBe('evidence[0].candidateId');
  });
});

describe('version 2 encrypted bundles', () => {
  const content = sampleContent(2);
  const passphrase = 'a committee secret';

  it('carry the checksum of the plaintext, the content\'s canonical JSON (what a committee copy is compared by)', async () => {
    const text = await createBundle(content, { createdAt: AT, appVersion: '0.1.0', passphrase });
    const file = JSON.parse(text) as { schemaVersion: number; checksum: { value: string } };
    expect(file.schemaVersion).toBe(2);
    expect(file.checksum.value).toBe(await sha256Hex(canonicalJson(BundleContentSchema.parse(content))));
    const opened = await openBundle(text, { passphrase });
    expect(opened.ok && opened.content).toEqual(BundleContentSchema.parse(content));
    const edited = text.replace(file.checksum.value, file.checksum.value.replace(/^./, (c) => (c === '0' ? '1' : '0')));
    expect(refusal(await openBundle(edited, { passphrase }))).toEqual({ code: 'tampered', message: TAMPERED });
  });
});

describe('version 1 bundles written by an older Levelset', () => {
  it('still open, plain and encrypted', async () => {
    for (const [name, passphrase] of [['v1-plain.levelset.json', undefined], ['v1-encrypted.levelset.json', 'an old committee secret']] as const) {
      const text = fixture(name);
      expect((JSON.parse(text) as { schemaVersion: number }).schemaVersion, name).toBe(1);
      const opened = await openBundle(text, passphrase === undefined ? {} : { passphrase });
      if (!opened.ok) throw new Error(`${name}: ${opened.error.message}`);
      expect(opened.summary).toMatchObject({ createdAt: AT, appVersion: '0.1.0', candidates: 2, packets: 2, evidence: opened.content.evidence.length });
      expect(opened.content.evidence.length).toBeGreaterThan(0);
    }
    const plain = await openBundle(fixture('v1-plain.levelset.json'));
    expect(plain.ok && plain.summary.trailHead).toEqual({ count: 3, hash: 'cd'.repeat(32), at: '2026-10-05T12:00:00.000Z' });
  });

  it('open whatever the layout and key order, as version 1 promised (the checksum is over the canonical content)', async () => {
    const file = JSON.parse(fixture('v1-plain.levelset.json')) as { content: { cycle: Record<string, unknown> } };
    file.content.cycle = Object.fromEntries(Object.entries(file.content.cycle).reverse());
    expect((await openBundle(JSON.stringify(file))).ok).toBe(true);
  });

  it('are still refused as tampered when their content was changed', async () => {
    const text = fixture('v1-plain.levelset.json');
    const file = JSON.parse(text) as { content: { candidates: Array<{ name: string }> } };
    const name = file.content.candidates[0]!.name;
    const edited = text.replace(`"name": "${name}"`, `"name": "${name.replace(/.$/, 'x')}"`);
    expect(edited).not.toBe(text);
    expect(refusal(await openBundle(edited))).toEqual({ code: 'tampered', message: TAMPERED });
  });
});
