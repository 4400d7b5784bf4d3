/**
 * The desktop's data key, asked for before the app renders (main.tsx). Kept
 * apart from bridge.ts, which brings the IPC contract's zod schemas: the
 * first chunk must not (main validates the call and its answer).
 */
import type { DataKeyResult } from '../../shared/ipc/contract';

/** The key for encryption at rest; null in a browser, which has none. */
export function requestDataKey(): Promise<DataKeyResult | null> {
  const api = typeof window !== 'undefined' ? window.levelset : undefined;
  return api ? api.dataKey(undefined) : Promise.resolve(null);
}
