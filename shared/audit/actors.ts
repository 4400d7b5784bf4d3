/** The actor of the entry that stores the built-in frameworks: the app itself, on every install's first start (no imports: the startup code writes it). */
export const BUILT_IN_FRAMEWORKS_ACTOR = 'Levelset (built-in frameworks)';
