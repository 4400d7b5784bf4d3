/**
 * The meta rows that hold the profile, apart from its schema (profile.ts) so
 * the startup chunk can read them at boot without carrying zod.
 */
export const PROFILE_KEY = 'profile';

/** The name-only setting used before profiles existed; read so an upgraded copy keeps its name. */
export const LEGACY_USER_NAME_KEY = 'userName';

/** The entity id of the audit entry that records a change of the profile's name or role (renderer/db/profile.ts saveProfile). */
export const PROFILE_ENTITY_ID = 'profile';
