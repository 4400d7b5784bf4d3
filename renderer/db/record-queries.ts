/**
 * Reads of the record's integrity, bound to the app database so views call
 * them on a button press without holding the database object.
 */
import { compareExportText, type CompareText } from '../../shared/audit/compare-text';
import { describeVerification, type VerificationText } from '../../shared/audit/verify-text';
import { verifyAudit } from './audit';
import { db } from './database';

export const recordQueries = {
  /** Checks the chains and replays the trail against the records, in words. */
  async verify(): Promise<VerificationText> {
    return describeVerification(await verifyAudit(db));
  },
  /** Compares this machine's trail with the head an earlier backup or bundle recorded, in words. */
  async compareWithExport(fileText: string, fileName: string): Promise<CompareText> {
    return compareExportText(fileText, await db.audit.toArray(), fileName);
  },
};
