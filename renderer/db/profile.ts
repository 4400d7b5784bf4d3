/**
 * The profile of the person using this copy of Levelset (see
 * shared/domain/profile.ts): one row of the meta table. The audit trail
 * names this person on every entry, so a stored profile that no longer
 * validates is treated as missing and the app asks again.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { PROFILE_KEY, ProfileSchema, type Profile } from '../../shared/domain/profile';
import { LEGACY_USER_NAME_KEY } from '../../shared/domain/profile-keys';
import { db as appDb, type LevelsetDatabase } from './database';
import type { ProfileRows } from './startup-profile';
import { runCommand } from './write/run-command';

export type ProfileInput = { name: string; role: string };
export type ProfileProblems = Partial<Record<keyof ProfileInput, string>>;

/** Thrown by saveProfile when the input does not validate; problems are per field, as the form shows them. */
export class ProfileInvalidError extends Error {
  constructor(readonly problems: ProfileProblems) {
    super(Object.values(problems).join(' '));
    this.name = 'ProfileInvalidError';
  }
}

/** What is wrong with the input, per field; empty when it can be saved. */
export function profileProblems(input: ProfileInput): ProfileProblems {
  const parsed = ProfileSchema.safeParse(input);
  if (parsed.success) return {};
  const problems: ProfileProblems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'name' || field === 'role') && !problems[field]) problems[field] = issue.message;
  }
  return problems;
}

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

/** Validates and stores the profile (trimmed); throws ProfileInvalidError and writes nothing when it does not validate. */
export async function saveProfile(db: LevelsetDatabase, input: ProfileInput): Promise<Profile> {
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) throw new ProfileInvalidError(profileProblems(input));
  const profile = parsed.data;
  // A setting, not a record: the command layer writes it without an audit entry of its own;
  // every later entry names this person.
  await runCommand(db, { name: 'set profile' }, (ctx) => ctx.putMeta(PROFILE_KEY, profile));
  return profile;
}

/** The stored profile, live: undefined while loading, null when there is none. */
export function useProfile(): Profile | null | undefined {
  return useLiveQuery(() => readProfile(appDb), []);
}
