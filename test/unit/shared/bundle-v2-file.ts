/**
 * A version-2 plain bundle around any file object, with the checksum its rule
 * gives (shared/exchange/bundle-format.ts, docs/BUNDLE-FORMAT.md): what a
 * buggy or hostile exporter could write. Tests only.
 */
import { V2_PLAIN_PREFIX } from '../../../shared/exchange/bundle-format';
import { sha256Hex } from '../../../shared/exchange/canonical-json';

export async function plainV2File(file: Record<string, unknown>): Promise<string> {
  const { format = 'levelset.bundle', schemaVersion: _version, checksum: _checksum, ...rest } = file;
  const unsummed = `${JSON.stringify({ format, schemaVersion: 2, checksum: { algorithm: 'SHA-256', value: '0'.repeat(64) }, ...rest }, null, 2)}\n`;
  const after = unsummed.slice(V2_PLAIN_PREFIX.length + 64);
  return `${V2_PLAIN_PREFIX}${await sha256Hex(after)}${after}`;
}
