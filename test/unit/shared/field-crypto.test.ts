import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../shared/exchange/base64';
import {
  DecryptionError,
  ENCRYPTED_FIELDS,
  ENVELOPE_PREFIX,
  NONCE_BYTES,
  ROW_ENVELOPE_FIELD,
  decryptRow,
  encryptRow,
  fieldContext,
  isRowPlain,
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

describe('field encryption, format v1 (one value per field: still opened, no longer written)', () => {
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

});

type Row = Record<string, unknown>;
const tables = Object.keys(ENCRYPTED_FIELDS);
const envelopeOf = (row: unknown): Uint8Array => (row as Row)[ROW_ENVELOPE_FIELD] as Uint8Array;

/** Any row of a listed table: its key, any JSON in any subset of its listed fields, and other plain fields (kept as they are, -0 included). */
const anyRow = fc.constantFrom(...tables).chain((table) => {
  const spec = ENCRYPTED_FIELDS[table]!;
  const reserved = new Set([...spec.fields, spec.key, ROW_ENVELOPE_FIELD, '__proto__']);
  return fc
    .record({
      id: fc.oneof(fc.string(), fc.integer()),
      listed: fc.subarray([...spec.fields]).chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), json)))),
      plain: fc.dictionary(fc.string().filter((k) => !reserved.has(k)), fc.oneof(fc.jsonValue(), fc.constant(-0))),
    })
    .map(({ id, listed, plain }) => ({ table, row: { ...plain, [spec.key]: id, ...Object.fromEntries(listed) } as Row }));
});

describe('row encryption, format v2 (one envelope per row)', () => {
  it('opens what it sealed for any row, keeps the key and other fields plain, and stores no listed field outside the envelope', () => {
    fc.assert(
      fc.property(anyRow, ({ table, row }) => {
        const spec = ENCRYPTED_FIELDS[table]!;
        const sealed = encryptRow(key, table, row) as Row;
        const anyListed = spec.fields.some((field) => row[field] !== undefined);
        for (const field of spec.fields) expect(field in sealed, field).toBe(!anyListed && field in row);
        expect(ROW_ENVELOPE_FIELD in sealed).toBe(anyListed);
        for (const [name, value] of Object.entries(row)) if (!spec.fields.includes(name)) expect(Object.is(sealed[name], value), name).toBe(true);
        expect(isRowSealed(table, sealed)).toBe(true);
        expect(decryptRow(key, table, sealed)).toStrictEqual(row);
      }),
    );
  });

  it('seals a row in one envelope that WebCrypto opens as AES-256-GCM with the table and key as associated data', async () => {
    const candidate = { id: 'c-1', cycleId: 'cy-1', name: 'Ada', role: 'Engineer', team: 'Core', manager: 'Grace', groups: { gender: 'f' }, archived: false };
    const sealed = encryptRow(key, 'candidates', candidate) as Row;
    expect(candidate.name).toBe('Ada');
    expect(sealed).toEqual({ id: 'c-1', cycleId: 'cy-1', team: 'Core', manager: 'Grace', archived: false, [ROW_ENVELOPE_FIELD]: expect.any(Uint8Array) });
    const bytes = envelopeOf(sealed);
    expect(bytes[0]).toBe(2);
    const cryptoKey = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(1, 1 + NONCE_BYTES), additionalData: new TextEncoder().encode('levelset:v2:candidates:c-1') },
      cryptoKey,
      bytes.slice(1 + NONCE_BYTES),
    );
    expect(JSON.parse(new TextDecoder().decode(plain))).toEqual({ name: 'Ada', role: 'Engineer', groups: { gender: 'f' } });
    expect(decryptRow(key, 'candidates', sealed)).toEqual(candidate);
  });

  it('uses a fresh nonce for every row', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 600; i++) nonces.add(envelopeOf(encryptRow(key, 'evidence', { id: 'e-1', title: 'same' })).slice(1, 1 + NONCE_BYTES).join(','));
    expect(nonces.size).toBe(600);
  });

  it('refuses a changed byte, another key, another row or another table', () => {
    const row = { id: 'e-1', candidateId: 'c-1', title: 'Led the migration', description: 'Planned it.', links: ['https://example.com'] };
    const sealed = encryptRow(key, 'evidence', row) as Row;
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bytes = envelopeOf(sealed).slice();
        bytes[at % bytes.length]! ^= flip;
        expect(() => decryptRow(key, 'evidence', { ...sealed, [ROW_ENVELOPE_FIELD]: bytes })).toThrow(DecryptionError);
      }),
    );
    expect(() => decryptRow(randomDataKey(), 'evidence', sealed)).toThrow(DecryptionError);
    // An envelope moved to another row, or to a row of another table with the same id, does not open there.
    expect(() => decryptRow(key, 'evidence', { ...sealed, id: 'e-2' })).toThrow(DecryptionError);
    expect(() => decryptRow(key, 'decisions', { id: 'e-1', [ROW_ENVELOPE_FIELD]: envelopeOf(sealed) })).toThrow(DecryptionError);
    for (const damaged of ['text', null, new Uint8Array(10), envelopeOf(sealed).slice(0, 20)]) {
      expect(() => decryptRow(key, 'evidence', { ...sealed, [ROW_ENVELOPE_FIELD]: damaged })).toThrow(DecryptionError);
    }
  });

  it('opens rows sealed field by field (v1) and rows stored plain, so older databases read', () => {
    const row = { id: 'c-1', cycleId: 'cy-1', name: 'Ada', role: 'Engineer', groups: { gender: 'f' }, team: 'Core' };
    const v1 = { ...row, name: sealValue(key, 'Ada', fieldContext('candidates', 'c-1', 'name')), groups: sealValue(key, row.groups, fieldContext('candidates', 'c-1', 'groups')) };
    expect(isSealed(v1.name)).toBe(true);
    expect(decryptRow(key, 'candidates', v1)).toEqual(row);
    expect(() => decryptRow(key, 'candidates', { ...v1, id: 'c-2' })).toThrow(DecryptionError);
    expect(decryptRow(key, 'candidates', row)).toBe(row);
  });

  it('tells rows readable without the key from sealed ones', () => {
    const row = { id: 'c-1', name: 'Ada', role: 'Engineer' };
    expect(isRowPlain('candidates', row)).toBe(true);
    expect(isRowPlain('candidates', encryptRow(key, 'candidates', row))).toBe(false);
    expect(isRowPlain('candidates', { ...row, name: sealValue(key, 'Ada', 'x') })).toBe(false);
    // Typed text that only starts like a v1 value is not taken for one.
    expect(isRowPlain('candidates', { ...row, name: 'enc:v1: my notes' })).toBe(true);
    expect(isRowSealed('candidates', row)).toBe(false);
  });

  it('keeps text that looks sealed readable (it goes into the envelope like any text)', () => {
    const row = { id: 'e-1', title: 'enc:v1:AAAA', description: '', links: [] };
    expect(decryptRow(key, 'evidence', encryptRow(key, 'evidence', row))).toEqual(row);
  });

  it('leaves rows without listed fields and unlisted tables alone', () => {
    const vote = { id: 'v-1', outcome: 'promote' };
    expect(encryptRow(key, 'votes', vote)).toBe(vote);
    const framework = { id: 'f-1', name: 'Ladder' };
    expect(encryptRow(key, 'frameworks', framework)).toBe(framework);
    expect(decryptRow(key, 'frameworks', framework)).toBe(framework);
  });
});
