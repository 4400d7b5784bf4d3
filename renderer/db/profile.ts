/**
 * The profile of the person using this copy of Levelset (see
 * shared/domain/profile.ts): one row of the meta table. The audit trail
 * names this person on every entry, so a stored profile that no longer
 * validates is treated as missing and the app asks again.
 */
import { PROFILE_KEY, ProfileSchema, type Profile } from '../../shared/domain/profile';
import { PROFILE_ENTITY_ID } from '../../shared/domain/profile-keys';
import type { LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';

// Reading it needs no write path: profile-read.ts, which the first-run gate loads at boot.
export { profileFromRows, readProfile, useProfile } from './profile-read';

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

/** Validates and stores the profile (trimmed); throws ProfileInvalidError and writes nothing when it does not validate. */
export async function saveProfile(db: LevelsetDatabase, input: ProfileInput, at?: string): Promise<Profile> {
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) throw new ProfileInvalidError(profileProblems(input));
  const profile = parsed.data;
  // A setting, not a record: every later entry names this person. Choosing it the first time writes no entry of its
  // own; changing it does, signed with the name before, so the trail says who went on as whom (a trail that went from
  // one name to another with nothing between would let anyone sign as the chair unseen).
  await runCommand(db, { name: 'set profile', ...(at === undefined ? {} : { at }) }, async (ctx) => {
    const before = ProfileSchema.safeParse((await db.meta.get(PROFILE_KEY))?.value);
    await ctx.putMeta(PROFILE_KEY, profile);
    if (!before.success || (before.data.name === profile.name && before.data.role === profile.role)) return;
    ctx.describe({ entityType: 'profile', entityId: PROFILE_ENTITY_ID, action: 'change name or role', before: { name: before.data.name, role: before.data.role }, after: { name: profile.name, role: profile.role } });
    ctx.alwaysAudit();
  });
  return profile;
}
