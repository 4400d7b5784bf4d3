/**
 * Exported backups protected with a passphrase, with the bundles' scheme
 * (shared/exchange/bundle-crypto.ts: AES-GCM, key from PBKDF2-SHA256 over a
 * random salt, the same envelope fields):
 *
 *   { format: 'levelset.backup', schemaVersion: 1, createdAt, encrypted: true,
 *     encryption: { algorithm: 'AES-GCM', keyDerivation: { algorithm: 'PBKDF2',
 *       hash: 'SHA-256', iterations, salt }, iv }, ciphertext }
 *
 * The ciphertext is the whole plain backup text, so once decrypted it is
 * checked exactly as a plain backup is (checksum, schemas, audit trail).
 * `createdAt` outside is only for people looking at the file; nothing is
 * taken from it. AES-GCM refuses a wrong passphrase and a changed ciphertext
 * alike, so the refusal names both.
 *
 * Automatic backups are not this: they are sealed with the install's data
 * key (renderer/db/backup-seal.ts).
 */
import { z } from 'zod';
import { IsoTimestampSchema } from '../domain';
import { base64ByteLength, base64ToBytes, isBase64 } from '../exchange/base64';
import { decryptBytes, encryptText, sealedFileFields, GCM_TAG_BYTES, IV_BYTES, PBKDF2_DEFAULT_ITERATIONS, PBKDF2_MAX_ITERATIONS, PBKDF2_MIN_ITERATIONS, SALT_BYTES } from '../exchange/bundle-crypto';
import { MAX_OPEN_FILE_BYTES } from '../ipc/contract';

export const PROTECTED_MESSAGES = {
  needsPassphrase: 'This backup is protected with a passphrase. Enter the passphrase it was exported with.',
  wrongPassphrase: 'The passphrase is wrong, or the file was changed after it was protected. Check the passphrase and try again; nothing was restored.',
  damaged: 'The protected backup is damaged: its encrypted part cannot be read. Use another copy of the backup.',
} as const;

const Base64Schema = z.string().refine(isBase64, 'expected base64 text');
const bytesSchema = (min: number, max: number, what: string) =>
  Base64Schema.refine((s) => base64ByteLength(s) >= min && base64ByteLength(s) <= max, min === max ? `expected ${what} of ${min} bytes` : `expected ${what} of ${min} to ${max} bytes`);
const iterationsMessage = `expected a whole number of key-derivation iterations from ${PBKDF2_MIN_ITERATIONS.toLocaleString('en-US')} to ${PBKDF2_MAX_ITERATIONS.toLocaleString('en-US')}`;

export const ProtectedBackupSchema = z.object({
  createdAt: IsoTimestampSchema,
  encrypted: z.literal(true),
  encryption: z.object({
    algorithm: z.literal('AES-GCM', { error: 'expected "AES-GCM"' }),
    keyDerivation: z.object({
      algorithm: z.literal('PBKDF2', { error: 'expected "PBKDF2"' }),
      hash: z.literal('SHA-256', { error: 'expected "SHA-256"' }),
      iterations: z.number({ error: iterationsMessage }).int({ error: iterationsMessage }).min(PBKDF2_MIN_ITERATIONS, { error: iterationsMessage }).max(PBKDF2_MAX_ITERATIONS, { error: iterationsMessage }),
      salt: bytesSchema(SALT_BYTES, 64, 'a salt'),
    }),
    iv: bytesSchema(IV_BYTES, IV_BYTES, 'an IV'),
  }),
  ciphertext: bytesSchema(GCM_TAG_BYTES, MAX_OPEN_FILE_BYTES, 'a ciphertext'),
});

/**
 * Protects plain backup text (from createBackup) with a passphrase. Throws a
 * RangeError for an empty passphrase, and when the protected file would be
 * over the open-file limit (base64 makes it a third larger), since it could
 * not be opened again.
 */
export async function protectBackup(plain: string, passphrase: string, meta: { createdAt: string; schemaVersion: number; iterations?: number }): Promise<string> {
  if (passphrase.length === 0) throw new RangeError('A passphrase cannot be empty.');
  const sealed = await encryptText(plain, passphrase, meta.iterations ?? PBKDF2_DEFAULT_ITERATIONS);
  const file = {
    format: 'levelset.backup',
    schemaVersion: meta.schemaVersion,
    createdAt: meta.createdAt,
    encrypted: true,
    ...sealedFileFields(sealed),
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  // Base64 and JSON punctuation are ASCII: length is bytes.
  if (text.length > MAX_OPEN_FILE_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    throw new RangeError(`The protected backup would be ${mb(text.length)} MB; the limit is ${mb(MAX_OPEN_FILE_BYTES)} MB, so it could not be opened again. Export it without a passphrase. Nothing was written.`);
  }
  return text;
}

export type UnprotectResult = { ok: true; text: string } | { ok: false; code: 'needs-passphrase' | 'wrong-passphrase' | 'tampered' | 'invalid'; message: string; field?: string };

/** The plain backup text inside a protected backup (already parsed as JSON, with `encrypted: true`). */
export async function unprotectBackup(record: Record<string, unknown>, passphrase: string | undefined): Promise<UnprotectResult> {
  const envelope = ProtectedBackupSchema.safeParse(record);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') : '';
    return { ok: false, code: 'invalid', message: `The protected backup is damaged${issue ? `: ${field ? `${field}: ` : ''}${issue.message}` : '.'}`, ...(field ? { field } : {}) };
  }
  if (passphrase === undefined || passphrase === '') return { ok: false, code: 'needs-passphrase', message: PROTECTED_MESSAGES.needsPassphrase };
  const { encryption, ciphertext } = envelope.data;
  const salt = base64ToBytes(encryption.keyDerivation.salt);
  const iv = base64ToBytes(encryption.iv);
  const sealed = base64ToBytes(ciphertext);
  if (!salt || !iv || !sealed) return { ok: false, code: 'tampered', message: PROTECTED_MESSAGES.damaged };
  const plain = await decryptBytes({ salt, iv, iterations: encryption.keyDerivation.iterations, ciphertext: sealed }, passphrase);
  if (!plain) return { ok: false, code: 'wrong-passphrase', message: PROTECTED_MESSAGES.wrongPassphrase };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, code: 'tampered', message: PROTECTED_MESSAGES.damaged };
  }
}
