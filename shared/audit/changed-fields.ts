/**
 * The fields a change touched, before and after: what people read in the
 * audit trail for an edit (the whole rows travel in the entry's `changes`).
 */
export function changedFields<T extends object>(before: T, after: T, ignore: ReadonlyArray<keyof T> = []): { before: Partial<T>; after: Partial<T> } {
  const skip = new Set<keyof T>(['updatedAt' as keyof T, ...ignore]);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as Array<keyof T>;
  const changed = keys.filter((k) => !skip.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])) as Partial<T>,
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])) as Partial<T>,
  };
}
