/**
 * Reading the stored profile (shared/domain/profile.ts): one row of the meta
 * table, validated; a stored profile that no longer validates is treated as
 * missing and the app asks again. Apart from saving it (profile.ts, through
 * the write path): the first-run gate loads this at boot, and with the write
 * path it brought every domain schema's construction onto every cold
 * navigation (issue 13).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { PROFILE_KEY, ProfileSchema, type Profile } from '../../shared/domain/profile';
import { LEGACY_USER_NAME_KEY } from '../../shared/domain/profile-keys';
import { db as appDb, type LevelsetDatabase } from './database';
import type { ProfileRows } from './startup-profile';

/** The stored profile; null when there is none or it does not validate. */
export async function readProfile(db: LevelsetDatabase): Promise<Profile | null> {
  const row = await db.meta.get(PROFILE_KEY);
  return profileFromRows({ row, legacy: row ? undefined : await db.meta.get(LEGACY_USER_NAME_KEY) });
}

/** The profile the meta rows hold (the legacy name only when there is no profile row); null when none validates. */
export function profileFromRows({ row, legacy }: ProfileRows): Profile | null {
  if (row) {
    const parsed = ProfileSchema.safeParse(row.value);
    return parsed.success ? parsed.data : null;
  }
  if (typeof legacy?.value !== 'string') return null;
  const parsed = ProfileSchema.safeParse({ name: legacy.value, role: '' });
  return parsed.success ? parsed.data : null;
}

/** The app database's stored profile, read now (a decision taken on a click, where a live query may not have answered yet). */
export function readAppProfile(): Promise<Profile | null> {
  return readProfile(appDb);
}

/** The stored profile, live: undefined while loading, null when there is none. */
export function useProfile(): Profile | null | undefined {
  return useLiveQuery(() => readProfile(appDb), []);
}
