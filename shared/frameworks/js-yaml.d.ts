/**
 * The part of js-yaml's API that yaml-lines.ts uses (js-yaml ships no types;
 * if @types/js-yaml is installed, delete this file).
 */
declare module 'js-yaml' {
  export class YAMLException extends Error {
    reason: string;
    mark?: { position: number; line: number; column: number };
  }
  export const CORE_SCHEMA: unknown;
  export function load(
    text: string,
    options?: {
      schema?: unknown;
      json?: boolean;
      maxDepth?: number;
      onWarning?: (warning: YAMLException) => void;
      listener?: (event: 'open' | 'close', state: { position: number; result: unknown }) => void;
    },
  ): unknown;
}
