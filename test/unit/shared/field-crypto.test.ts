import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../shared/exchange/base64';
import {
  DecryptionError,
  ENCRYPTED_FIELDS,
  ENVELOPE_PREFIX,
  NONCE_BYTES,
  decryptRow,
  encryptRow,
  isRowSealed,
  isSealed,
  openValue,
  randomDataKey,
  sealBytes,
  sealValue,
} from '../../../shared/crypto/field-crypto';

const key = randomDataKey();
// Sealed values are stored as JSON text, and JSON has no negative zero
// (JSON.stringify(-0) is "0"), so -0 reads back as 0 — as in every export and
// the audit's canonical JSON. fast-check's jsonValue() can yield -0, a value no
// JSON file holds; the property covers every value JSON can carry, and the
// test below pins what happens to -0.
const withoutNegativeZero = (v: unknown): unknown =>
  Object.is(v, -0)
    ? 0
    : Array.isArray(v)
      ? v.map(withoutNegativeZero)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutNegativeZero(x)]))
        : v;
const json = fc
  .jsonValue()
  .filter((v) => v !== undefined)
  .map(withoutNegativeZero);

describe('field encryption', () => {
  it('opens what it sealed, for any JSON value, and never shows the plain text', () => {
    fc.assert(
      fc.property(json, fc.string(), (value, context) => {
        const sealed = sealValue(key, value, context);
        expect(isSealed(sealed)).toBe(true);
        expect(openValue(key, sealed, context)).toEqual(value);
      }),
    );
  });

  it('reads a negative zero back as zero, as JSON does', () => {
    const opened = openValue(key, sealValue(key, { score: -0 }, 'c'), 'c') as { score: number };
    expect(Object.is(opened.score, 0)).toBe(true);
  });

  it('is standard AES-256-GCM: WebCrypto opens a sealed value with the same key, nonce and associated data', async () => {
    const envelope = sealBytes(key, new TextEncoder().encode('Ada Lovelace'), 'levelset:candidates:c-1:name');
    const bytes = base64ToBytes(envelope.slice(ENVELOPE_PREFIX.length))!;
    const cryptoKey = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, NONCE_BYTES), additionalData: new TextEncoder().encode('levelset:candidates:c-1:name') },
      cryptoKey,
      bytes.subarray(NONCE_BYTES),
    );
    expect(new TextDecoder().decode(plain)).toBe('Ada Lovelace');
  });

  it('uses a fresh nonce each time: the same text seals differently', () => {
    expect(sealValue(key, 'same', 'c')).not.toBe(sealValue(key, 'same', 'c'));
  });

  it('refuses any changed byte, another key, or another field or row', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (text, at, flip) => {
        const sealed = sealValue(key, text, 'ctx') as string;
        const bytes = base64ToBytes(sealed.slice(ENVELOPE_PREFIX.length))!;
        bytes[at % bytes.length]! ^= flip;
        let b64 = '';
        for (const b of bytes) b64 += String.fromCharCode(b);
        expect(() => openValue(key, ENVELOPE_PREFIX + btoa(b64), 'ctx')).toThrow(DecryptionError);
      }),
    );
    const sealed = sealValue(key, 'Ada', 'levelset:candidates:c-1:name');
    expect(() => openValue(randomDataKey(), sealed, 'levelset:candidates:c-1:name')).toThrow(DecryptionError);
    expect(() => openValue(key, sealed, 'levelset:candidates:c-2:name')).toThrow(DecryptionError);
    expect(() => openValue(key, 'enc:v1:not base64!', 'x')).toThrow(DecryptionError);
    expect(() => openValue(key, 'enc:v1:AAAA', 'x')).toThrow(DecryptionError);
  });

  it('passes plain values through, so a database written before encryption still reads', () => {
    for (const value of ['Ada', '', 0, null, ['a'], { a: 1 }, true]) expect(openValue(key, value, 'x')).toEqual(value);
  });

  it('seals exactly the listed fields of a row and leaves keys and indexed fields plain', () => {
    const candidate = { id: 'c-1', cycleId: 'cy-1', name: 'Ada', role: 'Engineer', team: 'Core', manager: 'Grace', groups: { gender: 'f' }, archived: false };
    const sealed = encryptRow(key, 'candidates', candidate);
    expect(candidate.name).toBe('Ada');
    for (const field of ENCRYPTED_FIELDS.candidates!.fields) expect(isSealed((sealed as Record<string, unknown>)[field])).toBe(true);
    expect(sealed).toMatchObject({ id: 'c-1', cycleId: 'cy-1', team: 'Core', manager: 'Grace', archived: false });
    expect(isRowSealed('candidates', sealed)).toBe(true);
    expect(isRowSealed('candidates', candidate)).toBe(false);
    expect(decryptRow(key, 'candidates', sealed)).toEqual(candidate);
    // A sealed field moved to another row does not open there.
    expect(() => decryptRow(key, 'candidates', { ...sealed, id: 'c-2' })).toThrow(DecryptionError);
  });

  it('keeps text that looks like an envelope readable (it is sealed again, not taken as sealed)', () => {
    const row = { id: 'e-1', title: 'enc:v1:AAAA', description: '', links: [] };
    expect(decryptRow(key, 'evidence', encryptRow(key, 'evidence', row))).toEqual(row);
  });

  it('leaves absent optional fields absent and unlisted tables alone', () => {
    const vote = { id: 'v-1', outcome: 'promote' };
    expect(encryptRow(key, 'votes', vote)).toEqual(vote);
    const framework = { id: 'f-1', name: 'Ladder' };
    expect(encryptRow(key, 'frameworks', framework)).toBe(framework);
  });
});
