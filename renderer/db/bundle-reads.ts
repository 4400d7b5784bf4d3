/** The bundle panels' one-off reads (loaded when a bundle is made, not with the Packets list's chunk). */
import type { TrailHead } from '../../shared/audit/replay';
import type { BundleContentInput } from '../../shared/exchange/bundle-format';
import { bundleExportFor } from './bundles';
import { db } from './database';

/** The rows a bundle of these packets carries (for export). */
export function readBundleContent(cycleId: string, packetIds: string[]): Promise<{ content: BundleContentInput; trailHead: TrailHead }> {
  return bundleExportFor(db, cycleId, packetIds);
}
