/**
 * Reads for the packet views, shaped for each view: live hooks (useLiveQuery
 * inside, so a view re-renders when its rows change) and the one-off reads
 * the bundle panels make. Views never hold the database object; every write
 * is a command (commands.ts).
 */
import type { TrailHead } from '../../shared/audit/replay';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BundleContent, BundleContentInput } from '../../shared/exchange/bundle-format';
import type { MergePlan } from '../../shared/exchange/merge-plan';
import { bundleExportFor, previewBundleImport } from './bundles';
import { db } from './database';
import { packetWorkspace, type PacketWorkspace } from './packets';

/** Everything the packet builder (and the packet print) shows for one candidate; null when the candidate is not stored, undefined while loading. */
export function usePacketWorkspace(candidateId: string): PacketWorkspace | null | undefined {
  return useLiveQuery(() => packetWorkspace(db, candidateId), [candidateId]);
}

/** The rows a bundle of these packets carries (for export). */
export function readBundleContent(cycleId: string, packetIds: string[]): Promise<{ content: BundleContentInput; trailHead: TrailHead }> {
  return bundleExportFor(db, cycleId, packetIds);
}

/** What importing an opened bundle would do; reads only. */
export function previewImport(content: BundleContent): Promise<MergePlan> {
  return previewBundleImport(db, content);
}
